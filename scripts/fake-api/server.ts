/**
 * A FAKE YouTube Data API v3 + Instagram Graph API + media CDN on 127.0.0.1, for the sync's integration
 * tests (the real APIs are unreachable in tests and CI).
 *
 *   const fake = await startFakeApi(fixtureData);
 *   google.youtube({ version: 'v3', auth: fake.data.youtube.apiKey, rootUrl: fake.youtubeRoot });
 *   fetch(`${fake.instagramRoot}/<version>/me/media?fields=...&access_token=...`);
 *   ...
 *   expect(fake.unexpected).toEqual([]);
 *   await fake.close();
 *
 * Routes (everything else is answered like the real API would and recorded in `unexpected`):
 *   GET /youtube/v3/channels        channels.list (id= or forHandle=)
 *   GET /youtube/v3/playlistItems   playlistItems.list of the uploads playlist, newest first, page tokens
 *   GET /youtube/v3/videos          videos.list (id=a,b,c; at most 50)
 *   GET /instagram/<version>/<me|user-id>/media   fields, children{...} expansion, cursors, absolute `next`
 *   GET /instagram/refresh_access_token
 *   GET /cdn/...                    files declared in data.files / setFile, or referenced by the data
 *
 * Failures are scripted with inject(); see `Failure` in types.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectUrls, contentTypeOf, impliedFile, renderImage } from './files.ts';
import { graphReply, handleInstagramMedia, handleInstagramMediaItem, handleInstagramRefresh, handleInstagramUnknown, instagramErrorForStatus } from './instagram.ts';
import type { Endpoint, FakeApi, FakeApiOptions, FakeData, FakeFile, Failure, HandlerContext, RecordedRequest, Reply } from './types.ts';
import { handleYouTube, youtubeError, youtubeErrorForStatus, youtubeReply, type YouTubeRoute } from './youtube.ts';

export type * from './types.ts';
export {
  buildChannel,
  buildVideo,
  isoDuration,
  youtubeError,
  youtubeErrorForStatus,
  youtubeKeyInvalid,
  youtubeQuotaExceeded,
  youtubeRateLimited,
  youtubeThumbnails,
} from './youtube.ts';
export {
  buildMedia,
  graphError,
  graphTimestamp,
  instagramErrorForStatus,
  instagramExpiredToken,
  instagramInvalidToken,
  instagramPermissionError,
  instagramRateLimited,
  refreshedTokenFor,
} from './instagram.ts';
export { MP4_BYTES, renderImage } from './files.ts';

const SECRET_PARAMETERS = ['key', 'access_token'];

interface Route {
  endpoint: Endpoint | 'unknown';
  run(ctx: HandlerContext): Reply | Promise<Reply>;
}

interface PendingFailure {
  failure: Failure;
  remaining: number;
}

function textReply(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'content-type': contentType }, body: text };
}

/** `/cdn/x.jpg`, `cdn/x.jpg`, `x.jpg` or `http://127.0.0.1:PORT/cdn/x.jpg?sig` → `/cdn/x.jpg`. */
export function cdnPath(pathOrUrl: string): string {
  if (/^https?:\/\//.test(pathOrUrl)) return new URL(pathOrUrl).pathname;
  if (pathOrUrl.startsWith('/cdn/')) return pathOrUrl;
  if (pathOrUrl.startsWith('cdn/')) return `/${pathOrUrl}`;
  return `/cdn/${pathOrUrl.replace(/^\/+/, '')}`;
}

export async function startFakeApi(build: (origin: string) => FakeData, options: FakeApiOptions = {}): Promise<FakeApi> {
  const failures: PendingFailure[] = [];
  const hanging = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const overrides = new Map<string, FakeFile>();
  const issuedTokens = new Set<string>();
  let closed: Promise<void> | undefined;

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the fake itself: say so loudly in the answer, the test will show it.
      if (!response.headersSent) {
        response.writeHead(599, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`fake-api internal error: ${error instanceof Error ? error.stack : String(error)}`);
      } else {
        response.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api: FakeApi = {
    origin,
    youtubeRoot: `${origin}/`,
    instagramRoot: `${origin}/instagram`,
    data: undefined as unknown as FakeData,
    requests: [],
    unexpected: [],
    secretsSeen: [],
    count: (endpoint) => api.requests.filter((request) => request.endpoint === endpoint).length,
    resetCounts: () => {
      api.requests.length = 0;
    },
    inject: (failure) => {
      failures.push({ failure, remaining: failure.times ?? 1 });
    },
    pendingFailures: () => failures.filter((entry) => entry.remaining > 0).map((entry) => ({ ...entry.failure, times: entry.remaining })),
    setFile: (path, file) => {
      overrides.set(cdnPath(path), file);
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const response of hanging) response.socket?.destroy();
        hanging.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
  api.data = build(origin);

  function route(path: string): Route {
    const youtube = /^\/youtube\/v3\/([A-Za-z]+)$/.exec(path);
    if (youtube) {
      const name = youtube[1]!;
      if (name === 'channels' || name === 'playlistItems' || name === 'videos') {
        return { endpoint: `youtube.${name}`, run: (ctx) => handleYouTube(name as YouTubeRoute, ctx) };
      }
      return {
        endpoint: 'unknown',
        run: (ctx) => {
          ctx.flag(name === 'search' ? 'search.list must never be used (100 quota units a call)' : `YouTube ${name}.list is not used by the sync`);
          return youtubeReply(404, youtubeError(404, { message: 'Method not found.', domain: 'global', reason: 'notFound' }, 'NOT_FOUND').body);
        },
      };
    }
    if (/^\/instagram(\/v\d+\.\d+)?\/refresh_access_token$/.test(path)) {
      return { endpoint: 'instagram.refresh', run: (ctx) => handleInstagramRefresh(ctx) };
    }
    const media = /^\/instagram\/(v\d+\.\d+)\/([^/]+)\/media$/.exec(path);
    if (media) {
      return { endpoint: 'instagram.media', run: (ctx) => handleInstagramMedia(media[1]!, decodeURIComponent(media[2]!), ctx) };
    }
    const item = /^\/instagram\/(v\d+\.\d+)\/(\d+)$/.exec(path);
    if (item) {
      return { endpoint: 'instagram.mediaItem', run: (ctx) => handleInstagramMediaItem(item[1]!, item[2]!, ctx) };
    }
    if (path === '/instagram' || path.startsWith('/instagram/')) {
      return {
        endpoint: 'unknown',
        run: (ctx) => {
          ctx.flag('an Instagram route the sync does not use');
          return handleInstagramUnknown(ctx);
        },
      };
    }
    if (path.startsWith('/cdn/')) return { endpoint: 'cdn', run: (ctx) => serveFile(ctx.path) };
    return {
      endpoint: 'unknown',
      run: (ctx) => {
        ctx.flag('unknown route');
        return textReply(404, '<!DOCTYPE html><title>Error 404 (Not Found)</title><p>The requested URL was not found on this server.</p>\n', 'text/html; charset=UTF-8');
      },
    };
  }

  /** Whether any URL in the data points at this CDN path. */
  function referenced(path: string): boolean {
    const urls = collectUrls([api.data.youtube, api.data.instagram], `${origin}/cdn/`);
    for (const url of urls) {
      try {
        if (new URL(url).pathname === path) return true;
      } catch {
        // not a URL; ignore
      }
    }
    return false;
  }

  async function serveFile(path: string): Promise<Reply> {
    const file = overrides.get(path) ?? api.data.files?.[path] ?? (referenced(path) ? impliedFile(path) : undefined);
    if (!file) return textReply(404, 'Not Found\n');
    const status = file.status ?? 200;
    const headers: Record<string, string> = { 'cache-control': 'max-age=1209600, no-transform', 'last-modified': 'Tue, 24 Nov 2026 10:15:00 GMT', ...file.headers };
    if (status !== 200 || (!file.image && file.body === undefined)) {
      return { status, headers: { ...headers, 'content-type': file.contentType ?? 'text/plain; charset=utf-8' }, body: file.body ?? `${http.STATUS_CODES[status] ?? 'Error'}\n` };
    }
    if (file.image) {
      return { status, headers: { ...headers, 'content-type': file.contentType ?? contentTypeOf(file.image) }, body: await renderImage(file.image) };
    }
    return { status, headers: { ...headers, 'content-type': file.contentType ?? 'application/octet-stream' }, body: file.body ?? '' };
  }

  function takeFailure(endpoint: Endpoint, record: RecordedRequest): Failure | undefined {
    const entry = failures.find((candidate) => candidate.remaining > 0 && candidate.failure.endpoint === endpoint && (!candidate.failure.when || candidate.failure.when(record)));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) failures.splice(failures.indexOf(entry), 1);
    return entry.failure;
  }

  function failureReply(endpoint: Endpoint, failure: Failure): Reply {
    const status = failure.status ?? 500;
    let reply: Reply;
    if (failure.body === undefined) {
      if (endpoint.startsWith('youtube.')) reply = youtubeReply(status, youtubeErrorForStatus(status).body);
      else if (endpoint.startsWith('instagram.')) {
        const error = instagramErrorForStatus(status);
        reply = graphReply(status, error.body, error.headers);
      } else reply = textReply(status, `${http.STATUS_CODES[status] ?? 'Error'}\n`);
    } else if (typeof failure.body === 'string') {
      let json = false;
      try {
        JSON.parse(failure.body);
        json = true;
      } catch {
        // plain text
      }
      reply = textReply(status, failure.body, json ? 'application/json; charset=UTF-8' : 'text/plain; charset=utf-8');
    } else {
      reply = { status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(failure.body, null, endpoint.startsWith('youtube.') ? 2 : 0) };
    }
    reply.headers = { ...reply.headers, ...failure.headers };
    return reply;
  }

  function send(response: http.ServerResponse, reply: Reply, record: RecordedRequest): void {
    if (response.destroyed) return;
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
    response.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
    response.end(body);
    record.status = reply.status;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const rawQuery: Record<string, string> = {};
    for (const [name, value] of url.searchParams) rawQuery[name] = name in rawQuery ? `${rawQuery[name]},${value}` : value;
    const query: Record<string, string> = {};
    for (const [name, value] of Object.entries(rawQuery)) {
      if (SECRET_PARAMETERS.includes(name)) {
        query[name] = '<redacted>';
        for (const secret of value.split(',')) if (!api.secretsSeen.includes(secret)) api.secretsSeen.push(secret);
      } else {
        query[name] = value;
      }
    }
    const path = url.pathname;
    const target = route(path);
    const record: RecordedRequest = { endpoint: target.endpoint, method: request.method ?? 'GET', path, query };
    api.requests.push(record);
    const flag = (note: string) => {
      record.note = record.note ? `${record.note}; ${note}` : note;
      if (!api.unexpected.includes(record)) api.unexpected.push(record);
    };
    // The sync only reads; drain any body so the connection stays usable.
    request.resume();

    if (record.method !== 'GET') {
      flag(`method ${record.method}`);
      send(response, textReply(405, 'Method Not Allowed\n'), record);
      return;
    }
    const ctx: HandlerContext = { data: api.data, origin, options, path, query: rawQuery, flag, issuedTokens };
    const failure = target.endpoint === 'unknown' ? undefined : takeFailure(target.endpoint, record);
    if (!failure || target.endpoint === 'unknown') {
      send(response, await target.run(ctx), record);
      return;
    }
    record.injected = true;
    if (failure.reset) {
      request.socket.destroy();
      return;
    }
    if (failure.hang) {
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    if (failure.delayMs) await sleep(failure.delayMs);
    if (response.destroyed) return;
    if (failure.truncate) {
      const real = await target.run(ctx);
      const body = typeof real.body === 'string' ? Buffer.from(real.body) : real.body;
      send(response, { status: failure.status ?? 200, headers: { ...real.headers, ...failure.headers }, body: body.subarray(0, Math.floor(body.length / 2)) }, record);
      return;
    }
    if (failure.delayMs && failure.status === undefined && failure.body === undefined) {
      const real = await target.run(ctx);
      send(response, { ...real, headers: { ...real.headers, ...failure.headers } }, record);
      return;
    }
    send(response, failureReply(target.endpoint, failure), record);
  }

  return api;
}
