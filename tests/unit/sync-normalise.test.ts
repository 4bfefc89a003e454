import { describe, expect, it } from 'vitest';
import { FatalSyncError, ItemError, RetryableError } from '#sync/errors.ts';
import { classifyInstagramError, normaliseMedia } from '#sync/instagram.ts';
import { parseApiInstant } from '#sync/upstream.ts';
import { classifyYoutubeError, normaliseVideo, parseIsoDuration } from '#sync/youtube.ts';

const channel = { id: 'UCq3Tapsel0Prokopim00000', handle: 'prokopimtapsel', name: 'Prokopim Tapanuli Selatan' };
const igAccount = { id: '17841400000000001', handle: 'prokopim.tapsel', name: 'Prokopim Tapsel' };

function video(overrides: Record<string, unknown> = {}, snippet: Record<string, unknown> = {}) {
  return {
    kind: 'youtube#video',
    id: 'zQPAOVe9uCN',
    snippet: {
      publishedAt: '2026-03-01T02:00:00Z',
      channelId: channel.id,
      title: 'Bupati meninjau jalan #Tapsel',
      description: 'Perbaikan jalan Aek Latong.\n#TapselMaju https://tapselkab.go.id',
      channelTitle: 'Prokopim Tapanuli Selatan',
      liveBroadcastContent: 'none',
      thumbnails: {
        default: { url: 'https://i.ytimg.com/vi/x/default.jpg', width: 120, height: 90 },
        maxres: { url: 'https://i.ytimg.com/vi/x/maxresdefault.jpg', width: 1280, height: 720 },
      },
      ...snippet,
    },
    contentDetails: { duration: 'PT4M13S' },
    status: { privacyStatus: 'public' },
    ...overrides,
  };
}

describe('parseApiInstant', () => {
  it('reads both APIs\u2019 formats into UTC instants', () => {
    expect(parseApiInstant('2026-11-24T10:15:00+0000')).toBe('2026-11-24T10:15:00Z');
    expect(parseApiInstant('2026-11-24T17:15:00+07:00')).toBe('2026-11-24T10:15:00Z');
    expect(parseApiInstant('2026-11-24T10:15:00.123Z')).toBe('2026-11-24T10:15:00Z');
  });
  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2026-02-30T10:00:00Z', '2026-02-28T25:00:00+0000', '2026-13-01T00:00:00Z', 'kemarin', '2026-02-28']) {
      expect(parseApiInstant(bad), bad).toBeUndefined();
    }
  });
});

describe('parseIsoDuration', () => {
  it('reads YouTube durations', () => {
    expect(parseIsoDuration('PT4M13S')).toBe(253);
    expect(parseIsoDuration('PT1H')).toBe(3600);
    expect(parseIsoDuration('P1DT2H3M4S')).toBe(93784);
    expect(parseIsoDuration('P0D')).toBe(0);
    expect(parseIsoDuration('4:13')).toBeUndefined();
    expect(parseIsoDuration(undefined)).toBeUndefined();
  });
});

describe('normaliseVideo', () => {
  it('maps a public video with its best thumbnail and hashtags from title and description', () => {
    const post = normaliseVideo(video(), channel);
    expect(post).toMatchObject({
      platform: 'youtube',
      id: 'zQPAOVe9uCN',
      kind: 'video',
      permalink: 'https://www.youtube.com/watch?v=zQPAOVe9uCN',
      publishedAt: '2026-03-01T02:00:00Z',
      durationSeconds: 253,
      hashtags: ['tapsel', 'tapselmaju'],
      media: [{ role: 'poster', url: 'https://i.ytimg.com/vi/x/maxresdefault.jpg', baseName: 'poster' }],
    });
  });
  it('recognises Shorts by length and #shorts, and live broadcasts by their details', () => {
    expect(normaliseVideo(video({ contentDetails: { duration: 'PT45S' } }, { title: 'Pasar #shorts' }), channel).kind).toBe('short');
    expect(normaliseVideo(video({ contentDetails: { duration: 'PT45S' } }), channel).kind).toBe('video');
    expect(normaliseVideo(video({ contentDetails: { duration: 'PT5M' } }, { title: 'Lama #shorts' }), channel).kind).toBe('video');
    const upcoming = normaliseVideo(
      video({ contentDetails: { duration: 'P0D' }, liveStreamingDetails: { scheduledStartTime: '2026-12-03T02:00:00Z' } }, { liveBroadcastContent: 'upcoming' }),
      channel,
    );
    expect(upcoming).toMatchObject({ kind: 'live', live: { status: 'upcoming', scheduledStartAt: '2026-12-03T02:00:00Z' } });
    expect(upcoming.durationSeconds).toBeUndefined();
  });
  it('rejects ids that are not YouTube ids and data that is not a video', () => {
    expect(() => normaliseVideo(video({ id: '../../x' }), channel)).toThrow(ItemError);
    expect(() => normaliseVideo({ id: 'zQPAOVe9uCN', snippet: {} }, channel)).toThrow(/unexpected video data/);
    expect(() => normaliseVideo(video({}, { publishedAt: '2026-02-30T00:00:00Z' }), channel)).toThrow(/publishedAt is not a valid date/);
  });
});

describe('normaliseMedia', () => {
  const base = {
    id: '17895695668004550',
    caption: '📢 Jadwal vaksinasi #Vaksinasi\nDetail @dinkes_tapsel',
    media_type: 'IMAGE',
    media_url: 'https://cdn.example/1.jpg',
    permalink: 'https://www.instagram.com/p/C1a2b3c4d5e/',
    timestamp: '2026-03-01T02:00:00+0000',
    username: 'prokopim.tapsel',
  };
  it('maps an image with a title from the caption', () => {
    expect(normaliseMedia(base, igAccount)).toMatchObject({
      kind: 'image',
      title: '📢 Jadwal vaksinasi',
      hashtags: ['vaksinasi'],
      publishedAt: '2026-03-01T02:00:00Z',
      media: [{ role: 'image', url: 'https://cdn.example/1.jpg', baseName: '1' }],
    });
  });
  it('uses a reel\u2019s thumbnail, and marks a missing one instead of failing', () => {
    const reel = { ...base, media_type: 'VIDEO', media_product_type: 'REELS', media_url: 'https://cdn.example/v.mp4', thumbnail_url: 'https://cdn.example/t.jpg' };
    expect(normaliseMedia(reel, igAccount).media).toEqual([{ role: 'poster', url: 'https://cdn.example/t.jpg', baseName: 'poster' }]);
    const { thumbnail_url: _, media_url: __, ...bare } = reel;
    expect(normaliseMedia(bare, igAccount).media[0]).toMatchObject({ url: undefined, missingReason: expect.any(String) });
  });
  it('keeps every carousel child in order, each known and named by its own id, and accepts a post without a caption', () => {
    const { caption: _, ...noCaption } = base;
    const carousel = {
      ...noCaption,
      media_type: 'CAROUSEL_ALBUM',
      children: { data: [1, 2, 3].map((n) => ({ id: `1790000000000000${n}`, media_type: n === 2 ? 'VIDEO' : 'IMAGE', media_url: `https://cdn.example/${n}.jpg`, thumbnail_url: `https://cdn.example/${n}t.jpg` })) },
    };
    const post = normaliseMedia(carousel, igAccount);
    expect(post).toMatchObject({ kind: 'carousel', title: '', text: '' });
    expect(post.media.map((item) => [item.childId, item.baseName, item.url])).toEqual([
      ['17900000000000001', '17900000000000001', 'https://cdn.example/1.jpg'],
      ['17900000000000002', '17900000000000002', 'https://cdn.example/2t.jpg'],
      ['17900000000000003', '17900000000000003', 'https://cdn.example/3.jpg'],
    ]);
    const hostile = { ...carousel, children: { data: [{ id: '../1', media_type: 'IMAGE', media_url: 'https://cdn.example/1.jpg' }, carousel.children.data[1]] } };
    expect(() => normaliseMedia(hostile, igAccount)).toThrow(/carousel item has an invalid id/);
  });
  it('refuses hostile ids, impossible dates, missing types and non-http media URLs', () => {
    expect(() => normaliseMedia({ ...base, id: '../../x' }, igAccount)).toThrow(/not a valid Instagram media id/);
    expect(() => normaliseMedia({ ...base, timestamp: '2026-02-30T25:00:00+0000' }, igAccount)).toThrow(/timestamp is not a valid date/);
    const { media_type: _, ...untyped } = base;
    expect(() => normaliseMedia(untyped, igAccount)).toThrow(/media_type/);
    expect(normaliseMedia({ ...base, media_url: 'javascript:alert(1)' }, igAccount).media[0]!.url).toBeUndefined();
  });
});

describe('error classification', () => {
  const googleError = (status: number, reason: string, headers: Record<string, string> = {}) => ({
    response: { status, headers, data: { error: { code: status, message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', errors: [{ reason }] } } },
  });
  it('YouTube: quota and bad keys are fatal with an action; rate limits and 5xx are retried', () => {
    const quota = classifyYoutubeError(googleError(403, 'quotaExceeded'), 'videos');
    expect(quota).toBeInstanceOf(FatalSyncError);
    expect((quota as FatalSyncError).reason).toBe('quota-exceeded');
    expect((quota as FatalSyncError).action).toMatch(/midnight Pacific/);
    expect(quota.message).not.toMatch(/<a /);
    expect((classifyYoutubeError(googleError(400, 'keyInvalid'), 'videos') as FatalSyncError).reason).toBe('invalid-credentials');
    expect(classifyYoutubeError(googleError(403, 'rateLimitExceeded'), 'videos')).toBeInstanceOf(RetryableError);
    expect(classifyYoutubeError(googleError(503, 'backendError'), 'videos')).toBeInstanceOf(RetryableError);
    expect(classifyYoutubeError(new Error('socket hang up'), 'videos')).toBeInstanceOf(RetryableError);
  });
  it('Instagram: code 190 is an expired or invalid token, rate limits are retried, permissions are fatal', () => {
    const expired = classifyInstagramError(400, { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 } });
    expect((expired as FatalSyncError).reason).toBe('token-expired');
    expect((expired as FatalSyncError).action).toMatch(/INSTAGRAM_ACCESS_TOKEN/);
    expect((classifyInstagramError(400, { error: { code: 190, message: 'Invalid OAuth access token' } }) as FatalSyncError).reason).toBe('invalid-credentials');
    // A rate limit stops the platform at once: retrying into it only extends it.
    expect((classifyInstagramError(400, { error: { code: 4, message: 'Application request limit reached' } }) as FatalSyncError).reason).toBe('rate-limited');
    expect(classifyInstagramError(500, { error: { code: 2, message: 'Service temporarily unavailable', is_transient: true } })).toBeInstanceOf(RetryableError);
    expect((classifyInstagramError(403, { error: { code: 10, message: 'Permission denied' } }) as FatalSyncError).reason).toBe('permission-denied');
    expect(classifyInstagramError(400, { error: { code: 100, message: 'does not exist' } }, { itemId: '1789' })).toBeInstanceOf(ItemError);
  });
});
