/**
 * What an API says that ends up in our messages and records: error text quoted as one line with no
 * workflow command in it, and a permalink only on the platform's own host.
 */
import { describe, expect, it } from 'vitest';
import { apiMessage, FatalSyncError, ItemError, RetryableError } from '#sync/errors.ts';
import { classifyInstagramError, instagramPermalink } from '#sync/instagram.ts';
import { classifyYoutubeError } from '#sync/youtube.ts';
import { caught } from '../helpers/caught.ts';

const HOSTILE = 'Bad request\n::error::Sync succeeded\r\n::set-output name=deploy::yes\u2028::add-mask::x\u0085##[warning]y\ttab';

/** One line, and nothing a runner could take for a workflow command (`::name::`, or the old `##[name]`). */
function expectOneSafeLine(text: string) {
  expect(text).not.toMatch(/[\n\r\u2028\u2029\u0085\t]/);
  expect(text).not.toContain('::');
  expect(text).not.toContain('##[');
}

describe('apiMessage', () => {
  it('makes server text one line, with every :: and ##[ defused', () => {
    expect(apiMessage(HOSTILE)).toBe('Bad request : :error: :Sync succeeded : :set-output name=deploy: :yes : :add-mask: :x # #[warning]y tab');
    expect(apiMessage('a:::b')).toBe('a: : :b');
    expect(apiMessage('  plain  text  ')).toBe('plain text');
    expect(apiMessage('x'.repeat(400))).toHaveLength(300);
    expect(apiMessage('x'.repeat(400), 120).endsWith('…')).toBe(true);
  });

  it('is what the classifiers quote from Instagram and YouTube error bodies', () => {
    const instagram = classifyInstagramError(400, { error: { message: HOSTILE, type: 'OAuthException', code: 100 } });
    expect(instagram).toBeInstanceOf(FatalSyncError);
    expectOneSafeLine(instagram.message);
    expect(instagram.message).toContain('Bad request : :error: :Sync succeeded');
    for (const code of [190, 4, 2, 10]) expectOneSafeLine(classifyInstagramError(400, { error: { message: HOSTILE, code } }).message);
    expectOneSafeLine(classifyInstagramError(400, { error: { message: HOSTILE, code: 100 } }, { itemId: '1789' }).message);
    // A message that is not a string is quoted as JSON, even one that String() would throw on.
    const odd = classifyInstagramError(400, JSON.parse(`{"error": {"message": {"toString": ${JSON.stringify(HOSTILE)}}, "code": 100}}`));
    expect(odd).toBeInstanceOf(FatalSyncError);
    expectOneSafeLine(odd.message);

    for (const [status, reason] of [[403, 'quotaExceeded'], [400, 'keyInvalid'], [403, 'forbidden'], [404, 'notFound'], [503, 'backendError'], [418, 'teapot']] as const) {
      const error = classifyYoutubeError({ response: { status, headers: {}, data: { error: { code: status, message: `<b>${HOSTILE}</b>`, errors: [{ reason }] } } } }, 'videos');
      expectOneSafeLine(error.message);
      expect(error.message).toContain('Bad request : :error:');
    }
    expectOneSafeLine(classifyYoutubeError(new Error(HOSTILE), 'videos').message);
  });
});

describe('classifyYoutubeError, answers past the size limit', () => {
  it('is retryable, and never quotes the request URL with its key', () => {
    const url = 'http://127.0.0.1:1234/youtube/v3/channels?part=id&id=UCx&key=AIzaSECRETKEY123456';
    const whileReading = Object.assign(new Error(`content size at ${url} over limit: 8388608`), { error: { type: 'max-size' } });
    const declared = Object.assign(new Error("Response's `Content-Length` is over the limit."), { response: { status: 200, headers: {}, data: '' } });
    for (const error of [whileReading, declared]) {
      const classified = classifyYoutubeError(error, 'channels');
      expect(classified).toBeInstanceOf(RetryableError);
      expect(classified.message).toBe('YouTube channels: the answer is larger than the limit of 8 MB');
    }
    // Any other network failure that quotes the URL has the key redacted.
    expect(classifyYoutubeError(new Error(`request to ${url} failed, reason: socket hang up`), 'channels').message).not.toContain('AIzaSECRETKEY123456');
  });
});

describe('instagramPermalink', () => {
  it('keeps an https link on Instagram\'s own hosts, without query or fragment', () => {
    expect(instagramPermalink('https://www.instagram.com/p/C1a2b3c4d5e/', '1789')).toBe('https://www.instagram.com/p/C1a2b3c4d5e/');
    expect(instagramPermalink('https://www.instagram.com/reel/Df1pTGRk8hP/?igsh=abc#x', '1789')).toBe('https://www.instagram.com/reel/Df1pTGRk8hP/');
    expect(instagramPermalink('https://instagram.com/p/x/', '1789')).toBe('https://instagram.com/p/x/');
  });

  it.each([
    ['https://evil.example/p/x', 'https://evil.example'],
    ['https://www.instagram.com.evil.example/p/x/', 'https://www.instagram.com.evil.example'],
    ['https://evil.example@www.instagram.com/p/x/', 'https://www.instagram.com'],
    ['http://www.instagram.com/p/x/', 'http://www.instagram.com'],
    ['https://www.instagram.com:8443/p/x/', 'https://www.instagram.com:8443'],
    ['javascript:alert(1)//www.instagram.com', 'javascript://'],
    ['/p/x/', 'not a URL'],
  ])('refuses %s with an item error naming %s', async (permalink, named) => {
    const error = await caught(Promise.resolve().then(() => instagramPermalink(permalink, '1789')));
    expect(error).toBeInstanceOf(ItemError);
    expect(error.message).toContain(`its permalink is not on Instagram's own hosts (${named})`);
  });
});
