import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ItemError, RetryableError } from '#sync/errors.ts';
import { HttpStatusError } from '#sync/errors.ts';
import { getBytes, getJson, MAX_API_BYTES, RefusedUrlError, redactUrl, type ErrorClassifier, type HttpOptions } from '#sync/http.ts';
import { caught } from '../helpers/caught.ts';

const SECRET = 'EAAGm0PX4ZCpsBAsecretTOKEN123';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** One local server for the file; each test installs a list of handlers, one per expected request. */
let server: Server;
let baseUrl: string;
let handlers: Handler[] = [];
let requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request);
    // No keep-alive: a test must never get a socket that an earlier test left behind.
    response.setHeader('connection', 'close');
    const handler = handlers[requests.length - 1] ?? handlers.at(-1);
    if (handler) handler(request, response);
    else response.writeHead(599).end('no handler');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  handlers = [];
  requests = [];
});

/** The n-th request gets the n-th handler (the last one repeats). */
function serve(...list: Handler[]): void {
  handlers = list;
  requests = [];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_, response) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const text = (status: number, body: string | Buffer, headers: Record<string, string> = {}): Handler => (_, response) => {
  response.writeHead(status, headers).end(body);
};
const neverAnswer: Handler = () => {};

function url(path = '/v21.0/me/media'): URL {
  return new URL(`${baseUrl}${path}?fields=id,caption&access_token=${SECRET}`);
}

/** Fast retries that record their waits; counts attempts through onAttempt. */
function testOptions(extra: HttpOptions = {}) {
  const sleeps: number[] = [];
  const attempts: string[] = [];
  const options: HttpOptions = {
    timeoutMs: 2_000,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 60_000 },
    hooks: { sleep: async (ms) => void sleeps.push(ms), random: () => 1 },
    onAttempt: (endpoint) => void attempts.push(endpoint),
    // This test's server stands in for a CDN, as the fake API does in the integration tests.
    mediaSources: { hosts: [], origins: [baseUrl] },
    ...extra,
  };
  return { options, sleeps, attempts };
}

const failOnCall: ErrorClassifier = (status) => {
  throw new Error(`classifier must not be called (status ${status})`);
};


function expectNoSecret(error: Error): void {
  expect(error.message).not.toContain(SECRET);
  expect(String(error.stack)).not.toContain(SECRET);
  expect(error.message).not.toContain('access_token');
}

describe('getJson', () => {
  it('returns the parsed body and sends the user agent', async () => {
    serve(json(200, { data: [{ id: '1' }] }));
    const { options, attempts } = testOptions({ userAgent: 'warta-sync/1 (+https://example.org)' });
    await expect(getJson(url(), 'instagram media', failOnCall, options)).resolves.toEqual({ data: [{ id: '1' }] });
    expect(attempts).toEqual(['instagram media']);
    expect(requests[0]?.headers['user-agent']).toBe('warta-sync/1 (+https://example.org)');
    expect(requests[0]?.url).toBe(`/v21.0/me/media?fields=id,caption&access_token=${SECRET}`);
  });

  it('gives up on a server that never answers, with a timeout per attempt', async () => {
    serve(neverAnswer);
    const { options, attempts } = testOptions({ timeoutMs: 200, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });
    const started = Date.now();
    const error = await caught(getJson(url(), 'instagram media', failOnCall, options));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.message).toBe('instagram media: no answer within 0.2 s (gave up after 2 attempts)');
    expect(attempts).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
    expectNoSecret(error);
  });

  it('times out a server that sends headers and then stalls in the body', async () => {
    serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data": [');
    });
    const { options } = testOptions({ timeoutMs: 200, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });
    const error = await caught(getJson(url(), 'instagram media', failOnCall, options));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.message).toMatch(/^instagram media: no answer within 0\.2 s/);
  });

  it('recovers when a 503 is followed by a 200', async () => {
    serve(text(503, 'Service Unavailable'), json(200, { id: '17841400000000001' }));
    const { options, attempts, sleeps } = testOptions();
    await expect(getJson(url(), 'instagram account', failOnCall, options)).resolves.toEqual({ id: '17841400000000001' });
    expect(attempts).toEqual(['instagram account', 'instagram account']);
    expect(sleeps).toEqual([1]);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    serve(json(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }), json(200, { ok: true }));
    const { options, sleeps } = testOptions();
    await expect(getJson(url(), 'instagram media', failOnCall, options)).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([1_000]);
    expect(requests).toHaveLength(2);
  });

  it('reports status and endpoint when 5xx persists, without the token', async () => {
    serve(text(500, `oops ${SECRET}`));
    const { options, attempts } = testOptions();
    const error = await caught(getJson(url(), 'instagram media', failOnCall, options));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.message).toBe('instagram media: HTTP 500 Internal Server Error (gave up after 3 attempts)');
    expect(attempts).toHaveLength(3);
    expectNoSecret(error);
  });

  it('retries a 2xx body that is not valid JSON (truncated)', async () => {
    serve(text(200, '{"data": [{"id": "1"', { 'content-type': 'application/json' }), json(200, { data: [] }));
    const { options, attempts } = testOptions();
    await expect(getJson(url(), 'instagram media', failOnCall, options)).resolves.toEqual({ data: [] });
    expect(attempts).toHaveLength(2);

    serve(text(200, '<html>proxy error</html>'));
    const error = await caught(getJson(url(), 'instagram media', failOnCall, testOptions().options));
    expect(error.message).toBe('instagram media: response was not valid JSON (truncated?) (gave up after 3 attempts)');
  });

  it('retries a connection cut off mid-body and a connection reset', async () => {
    const cutOff: Handler = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"data": [');
      setTimeout(() => response.socket?.destroy(), 10);
    };
    const reset: Handler = (request) => request.socket.destroy();
    serve(cutOff, reset, json(200, { data: [] }));
    const { options, attempts } = testOptions();
    await expect(getJson(url(), 'instagram media', failOnCall, options)).resolves.toEqual({ data: [] });
    expect(attempts).toHaveLength(3);
  });

  it('turns a refused connection into a retryable network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { options } = testOptions();
    const error = await caught(getJson(new URL(`http://127.0.0.1:${port}/x?access_token=${SECRET}`), 'instagram media', failOnCall, options));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.message).toMatch(/^instagram media: network error \(ECONNREFUSED\)/);
    expectNoSecret(error);
  });

  it('hands other statuses to the classifier with the parsed JSON body, and does not retry its error', async () => {
    const body = { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } };
    serve(json(400, body));
    const calls: { status: number; body: unknown }[] = [];
    const classify: ErrorClassifier = (status, parsed) => {
      calls.push({ status, body: parsed });
      return new ItemError('instagram', '17895695668004550', `instagram media: HTTP ${status}`);
    };
    const { options, attempts } = testOptions();
    const error = await caught(getJson(url(), 'instagram media', classify, options));
    expect(error).toBeInstanceOf(ItemError);
    expect(calls).toEqual([{ status: 400, body }]);
    expect(attempts).toHaveLength(1);
  });

  it('gives the classifier the text of a body that is not JSON', async () => {
    serve(text(403, 'Forbidden by proxy'));
    let received: unknown;
    const classify: ErrorClassifier = (_, parsed) => {
      received = parsed;
      return new Error('forbidden');
    };
    await caught(getJson(url(), 'instagram media', classify, testOptions().options));
    expect(received).toBe('Forbidden by proxy');
  });

  it('retries when the classifier says the error is retryable', async () => {
    serve(json(400, { error: { code: 4, message: 'Application request limit reached' } }), json(200, { ok: 1 }));
    const classify: ErrorClassifier = () => new RetryableError('instagram media: rate limited');
    const { options, attempts } = testOptions();
    await expect(getJson(url(), 'instagram media', classify, options)).resolves.toEqual({ ok: 1 });
    expect(attempts).toHaveLength(2);
  });

  it('scrubs the token even from a classifier error that quotes the URL', async () => {
    serve(json(400, { error: { message: 'bad request' } }));
    const classify: ErrorClassifier = (status, _, response) => new Error(`HTTP ${status} for ${response.url}`);
    const error = await caught(getJson(url(), 'instagram media', classify, testOptions().options));
    expect(error.message).toMatch(/HTTP 400 for http:\/\/127\.0\.0\.1:\d+\/v21\.0\/me\/media\?fields=id,caption&access_token=<redacted>$/);
    expect(error.message).not.toContain(SECRET);
    expect(String(error.stack)).not.toContain(SECRET);
  });

  it('reads no API answer beyond MAX_API_BYTES: a retryable error, declared or streamed', async () => {
    const streamed: Handler = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
      response.write('{"data": ["');
      const chunk = 'x'.repeat(256 * 1024);
      let sent = 0;
      const more = () => {
        while (!response.destroyed && sent <= MAX_API_BYTES) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end('"]}');
      };
      more();
    };
    serve(streamed);
    const { options, attempts } = testOptions();
    const error = await caught(getJson(url(), 'instagram media', failOnCall, options));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.message).toBe('instagram media: the answer is larger than the limit of 8 MB (gave up after 3 attempts)');
    expect(attempts).toHaveLength(3);

    serve(text(400, 'x'.repeat(MAX_API_BYTES + 1), { 'content-type': 'text/plain' }));
    const declared = await caught(getJson(url(), 'instagram media', failOnCall, testOptions().options));
    expect(declared.message).toMatch(/^instagram media: the answer is larger than the limit of 8 MB/);
  });
});

describe('getBytes', () => {
  it('returns the bytes and content type', async () => {
    const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    serve(text(200, image, { 'content-type': 'image/jpeg' }));
    const result = await getBytes(url('/media/1.jpg'), 'instagram image', testOptions().options);
    expect(result.contentType).toBe('image/jpeg');
    expect([...result.bytes]).toEqual([...image]);
  });

  it('does not retry a 404, and says which endpoint and status', async () => {
    serve(text(404, 'Not Found'), text(200, 'should not be fetched'));
    const { options, attempts } = testOptions();
    const error = await caught(getBytes(url('/media/1.jpg'), 'instagram image', options));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).not.toBeInstanceOf(RetryableError);
    expect((error as HttpStatusError).status).toBe(404);
    expect(error.message).toBe('instagram image: HTTP 404 Not Found');
    expect(attempts).toHaveLength(1);
    expectNoSecret(error);
  });

  it('retries a 5xx download', async () => {
    serve(text(502, 'Bad Gateway'), text(200, 'abc', { 'content-type': 'image/png' }));
    const { options, attempts } = testOptions();
    const result = await getBytes(url('/media/1.png'), 'instagram image', options);
    expect(result.bytes.toString()).toBe('abc');
    expect(attempts).toHaveLength(2);
  });

  it('quotes a status line\'s reason phrase as server text', async () => {
    serve((_, response) => {
      response.statusMessage = 'Gone ::error::Sync succeeded';
      response.writeHead(410).end();
    });
    const error = await caught(getBytes(url('/media/1.jpg'), 'instagram image', testOptions().options));
    expect(error.message).toBe('instagram image: HTTP 410 Gone : :error: :Sync succeeded');
  });

  it('stops reading beyond maxBytes, whether or not Content-Length says so', async () => {
    const streamed: Handler = (_, response) => {
      response.writeHead(200, { 'content-type': 'image/jpeg' }); // chunked: no Content-Length
      for (let i = 0; i < 20; i++) response.write(Buffer.alloc(100, 1));
      response.end();
    };
    serve(streamed);
    const { options, attempts } = testOptions();
    const error = await caught(getBytes(url('/media/big.jpg'), 'instagram image', { ...options, maxBytes: 1_000 }));
    expect(error.message).toBe('instagram image: file is larger than the limit of 1000 bytes');
    expect(error).not.toBeInstanceOf(RetryableError);
    expect(attempts).toHaveLength(1);

    serve(text(200, 'x'.repeat(2_000)));
    const declared = await caught(getBytes(url('/media/big.jpg'), 'instagram image', { ...testOptions().options, maxBytes: 1_000 }));
    expect(declared.message).toMatch(/larger than the limit/);

    serve(text(200, 'x'.repeat(1_000)));
    const exact = await getBytes(url('/media/ok.jpg'), 'instagram image', { ...testOptions().options, maxBytes: 1_000 });
    expect(exact.bytes).toHaveLength(1_000);
  });
});

describe('getBytes fetches only from the sources the run allows', () => {
  /** A second server, standing for anything that is not an allowed source. */
  async function elsewhere() {
    let seen = 0;
    const other = createServer((_, response) => {
      seen += 1;
      response.writeHead(200, { 'content-type': 'image/png', connection: 'close' }).end('secret picture');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    return {
      origin,
      seen: () => seen,
      close: () => new Promise((resolve) => (other.closeAllConnections(), other.close(resolve))),
    };
  }

  it('follows a redirect within the allowed origin', async () => {
    serve(text(302, '', { location: '/media/2.png' }), text(200, 'abc', { 'content-type': 'image/png' }));
    const result = await getBytes(url('/media/1.png'), 'media', testOptions().options);
    expect(result.bytes.toString()).toBe('abc');
    expect(requests.map((request) => request.url?.split('?')[0])).toEqual(['/media/1.png', '/media/2.png']);
  });

  it('refuses a redirect to another server before asking it, and does not retry', async () => {
    const other = await elsewhere();
    try {
      for (const status of [301, 302, 303, 307, 308]) {
        serve(text(status, '', { location: `${other.origin}/x.png` }));
        const { options, attempts } = testOptions();
        const error = await caught(getBytes(url('/media/1.png'), 'media', options));
        expect(error).toBeInstanceOf(RefusedUrlError);
        expect(error.message).toBe(`media: refused a redirect: ${new URL(other.origin).host} is not a host media may be fetched from`);
        expect(attempts).toHaveLength(1);
      }
      expect(other.seen()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('refuses a URL on a host that is not allowed without sending any request', async () => {
    const other = await elsewhere();
    try {
      const error = await caught(getBytes(new URL(`${other.origin}/x.png`), 'media', testOptions().options));
      expect(error).toBeInstanceOf(RefusedUrlError);
      expect(other.seen()).toBe(0);
      // Without sources nothing is fetched at all.
      const none = await caught(getBytes(url('/media/1.png'), 'media', { ...testOptions().options, mediaSources: undefined }));
      expect(none).toBeInstanceOf(RefusedUrlError);
      expect(requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('allows the platforms\' hosts over https only', async () => {
    const cdn = { hosts: ['*.cdninstagram.com'], origins: [] };
    for (const bad of ['http://scontent.cdninstagram.com/x.jpg', 'https://scontent.cdninstagram.com:8443/x.jpg', 'https://u:p@scontent.cdninstagram.com/x.jpg', 'https://127.0.0.1/x.jpg']) {
      const error = await caught(getBytes(new URL(bad), 'media', { ...testOptions().options, mediaSources: cdn }));
      expect(error, bad).toBeInstanceOf(RefusedUrlError);
    }
  });

  it('stops after too many redirects', async () => {
    serve(text(302, '', { location: '/media/again.png' }));
    const error = await caught(getBytes(url('/media/1.png'), 'media', testOptions().options));
    expect(error.message).toBe('media: more than 5 redirects');
    expect(requests).toHaveLength(6);
  });
});

describe('redactUrl', () => {
  it('hides every secret query value and any password', () => {
    const redacted = redactUrl(
      `https://graph.facebook.com/v21.0/oauth/access_token?grant_type=fb_exchange_token&client_id=123&client_secret=${SECRET}&fb_exchange_token=${SECRET}x`,
    );
    expect(redacted).toBe(
      'https://graph.facebook.com/v21.0/oauth/access_token?grant_type=fb_exchange_token&client_id=123&client_secret=<redacted>&fb_exchange_token=<redacted>',
    );
    expect(redactUrl(new URL(`https://www.googleapis.com/youtube/v3/videos?id=a&key=${SECRET}&Token=${SECRET}`))).toBe(
      'https://www.googleapis.com/youtube/v3/videos?id=a&key=<redacted>&Token=<redacted>',
    );
    expect(redactUrl(`https://user:${SECRET}@example.org/a?access_token=${SECRET}#access_token=${SECRET}`)).toBe(
      'https://user:<redacted>@example.org/a?access_token=<redacted>',
    );
  });

  it('leaves a URL without secrets readable, and redacts even text that is not a URL', () => {
    expect(redactUrl('https://example.org/media/1.jpg?w=640')).toBe('https://example.org/media/1.jpg?w=640');
    expect(redactUrl(`/relative?access_token=${SECRET}&x=1`)).toBe('/relative?access_token=<redacted>&x=1');
  });
});
