/**
 * The sync's HTTP client (Instagram Graph API, media downloads), on `fetch`.
 *
 * Every attempt has a deadline; failures a retry may fix (network errors, timeouts, 429, 5xx, broken
 * bodies) become `RetryableError`s and go through `withRetry`; other answers are classified by the caller.
 * Error messages name the endpoint and the status, never the URL: its query holds the access token. As a
 * last guard, any secret value from the URL is scrubbed from every error that leaves this module.
 *
 * Bodies are capped: an API answer at MAX_API_BYTES, a file at `maxBytes`. Media come only from the
 * sources the run allows (hosts.ts): each redirect is checked before it is followed, and a CDN host is
 * connected to only at a public address, checked by the lookup of the connection itself
 * (public-address.ts). That needs undici's own `fetch` and `Agent`: a dispatcher works only with the
 * `fetch` of the undici that made it, and Node's built-in one exports no `Agent`.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { apiMessage, HttpStatusError, RetryableError } from './errors.ts';
import { mediaRefusal, type MediaSources } from './hosts.ts';
import { NonPublicAddressError, publicOnlyLookup } from './public-address.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryHooks, type RetryPolicy } from './retry.ts';

export interface HttpOptions {
  /** Deadline of one attempt, body included (default 20 s). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  hooks?: RetryHooks;
  userAgent?: string;
  /** Called once per HTTP attempt, for request counting. */
  onAttempt?: (endpoint: string) => void;
  /** Sees every answer's headers before it is handled (Instagram reads its rate-limit usage there). */
  onResponse?: (response: Response) => void;
  /** Where media may be fetched from; without it, `getBytes` fetches nothing. */
  mediaSources?: MediaSources;
}

/** Decides fatal / item / retryable for an answer that is not 2xx, 429 or 5xx. `body` is parsed JSON when it parses, else text. */
export type ErrorClassifier = (status: number, body: unknown, response: Response) => Error;

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** The largest API answer read: a page of 50 posts is well under 1 MB. */
export const MAX_API_BYTES = 8 * 1024 * 1024;
/** Redirects followed for one file (a CDN uses one or two). */
export const MAX_REDIRECTS = 5;

/** GETs JSON. Resolves with the parsed body of a 2xx answer; throws the classifier's error for 4xx. */
export async function getJson(url: URL, endpoint: string, classify: ErrorClassifier, options: HttpOptions = {}): Promise<unknown> {
  const tooLarge = () => new RetryableError(`${endpoint}: the answer is larger than the limit of ${formatBytes(MAX_API_BYTES)}`);
  const send: Send = (init) => fetch(url, init);
  return attemptWithRetry(url, endpoint, options, { accept: 'application/json' }, send, async (response, io) => {
    const text = async () => (await readAtMost(response, MAX_API_BYTES, tooLarge, io)).toString('utf8');
    if (response.ok) {
      const body = await text();
      try {
        return JSON.parse(body) as unknown;
      } catch {
        throw new RetryableError(`${endpoint}: response was not valid JSON (truncated?)`);
      }
    }
    throwIfWorthRetrying(endpoint, response);
    throw classify(response.status, parseBodyLoosely(await text()), response);
  });
}

/** GETs a file (an image) of at most `maxBytes` (default 20 MB). A 4xx answer is an `HttpStatusError`, not retried. */
export async function getBytes(
  url: URL,
  endpoint: string,
  options: HttpOptions & { maxBytes?: number } = {},
): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const sources = options.mediaSources ?? { hosts: [], origins: [] };
  const tooLarge = () => new Error(`${endpoint}: file is larger than the limit of ${formatBytes(maxBytes)}`);
  const send: Send = (init) => followCheckedRedirects(url, endpoint, sources, init);
  return attemptWithRetry(url, endpoint, options, {}, send, async (response, io) => {
    if (!response.ok) {
      throwIfWorthRetrying(endpoint, response);
      await response.body?.cancel();
      throw new HttpStatusError(endpoint, response.status, `${endpoint}: HTTP ${statusText(response)}`);
    }
    const bytes = await readAtMost(response, maxBytes, tooLarge, io);
    return { bytes, contentType: response.headers.get('content-type') ?? undefined };
  });
}

/** A URL the run may not fetch media from (not a platform's host, not https, not a public address). */
export class RefusedUrlError extends Error {
  override name = 'RefusedUrlError';
}

/** Sends one request of an attempt (the deadline's signal and the headers are in `init`). */
type Send = (init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

let publicOnly: Agent | undefined;

/** The connections media are fetched over: to public addresses only, checked as each connects. */
export function publicOnlyAgent(): Agent {
  return (publicOnly ??= new Agent({ connect: { lookup: publicOnlyLookup() } }));
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a file, following redirects by hand: every hop's URL must be one the run may fetch media
 * from, checked BEFORE it is requested, so a CDN that redirects elsewhere never makes us ask there.
 */
async function followCheckedRedirects(start: URL, endpoint: string, sources: MediaSources, init: Parameters<Send>[0]): Promise<Response> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const refusal = mediaRefusal(url, sources);
    if (refusal) throw new RefusedUrlError(`${endpoint}: refused ${hop === 0 ? 'the URL' : 'a redirect'}: ${refusal}`);
    // The configured origins (a test's fake API) are on loopback by design; every CDN host must be public.
    const dispatcher = sources.origins.includes(url.origin) ? undefined : publicOnlyAgent();
    let response: Response;
    try {
      // undici's Response is the same class as the global one; their TypeScript types differ in detail only.
      response = (await undiciFetch(url, { ...init, redirect: 'manual', ...(dispatcher ? { dispatcher } : {}) })) as unknown as Response;
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof NonPublicAddressError) throw new RefusedUrlError(`${endpoint}: refused ${cause.message}`, { cause });
      throw error;
    }
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new RefusedUrlError(`${endpoint}: more than ${MAX_REDIRECTS} redirects`);
    try {
      url = new URL(location, url);
    } catch {
      throw new RefusedUrlError(`${endpoint}: a redirect to something that is not a URL`);
    }
  }
}

const SECRET_PARAMS = new Set(['access_token', 'key', 'client_secret', 'fb_exchange_token', 'token']);
const SECRET_PARAM_IN_TEXT = /([?&](?:access_token|key|client_secret|fb_exchange_token|token)=)[^&#\s]*/gi;
const REDACTED = '<redacted>';

/** A URL fit for a log: secret query values (and any password) replaced by "<redacted>", fragment dropped. */
export function redactUrl(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url).replace(SECRET_PARAM_IN_TEXT, `$1${REDACTED}`);
  }
  const query = [...parsed.searchParams]
    .map(([name, value]) => `${encodeURIComponent(name)}=${isSecretParam(name) ? REDACTED : encodeURIComponent(value)}`)
    .join('&');
  const credentials = parsed.username ? `${parsed.username}${parsed.password ? `:${REDACTED}` : ''}@` : '';
  return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}${query ? `?${query}` : ''}`;
}

function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}

/** Runs one network read (fetch, body), turning its timeouts and transport failures into `RetryableError`s. */
type NetworkIo = <R>(read: () => Promise<R>) => Promise<R>;

/**
 * One fetch per attempt, each under its own deadline; `handle` turns the response into a value or an error,
 * reading the body through `io` so that only network failures (never a classifier's error) count as retryable.
 */
async function attemptWithRetry<T>(
  url: URL,
  endpoint: string,
  options: HttpOptions,
  headers: Record<string, string>,
  send: Send,
  handle: (response: Response, io: NetworkIo) => Promise<T>,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secrets = secretValues(url);
  const requestHeaders = options.userAgent ? { ...headers, 'user-agent': options.userAgent } : headers;
  const io: NetworkIo = async (read) => {
    try {
      return await read();
    } catch (error) {
      throw asRetryableIfTransport(error, endpoint, timeoutMs);
    }
  };

  const attempt = async (): Promise<T> => {
    options.onAttempt?.(endpoint);
    try {
      // The signal also aborts reading the body, so a server that stalls mid-answer is cut off too.
      const response = await io(() => send({ headers: requestHeaders, signal: AbortSignal.timeout(timeoutMs) }));
      options.onResponse?.(response);
      return await handle(response, io);
    } catch (error) {
      throw scrubSecrets(error, secrets);
    }
  };
  return withRetry(attempt, options.retry ?? DEFAULT_RETRY_POLICY, options.hooks);
}

/** 429 and 5xx are the server's trouble, not ours: worth another try (after Retry-After when it says so). */
function throwIfWorthRetrying(endpoint: string, response: Response): void {
  if (response.status === 429 || response.status >= 500) {
    void response.body?.cancel().catch(() => {});
    throw new RetryableError(`${endpoint}: HTTP ${statusText(response)}`, parseRetryAfter(response.headers.get('retry-after')), response.status);
  }
}

/** Timeouts and network failures (fetch's "fetch failed", a body stream cut off) become retryable. */
function asRetryableIfTransport(error: unknown, endpoint: string, timeoutMs: number): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'TimeoutError') {
    return new RetryableError(`${endpoint}: no answer within ${Math.round(timeoutMs / 100) / 10} s`);
  }
  if (error instanceof TypeError || typeof (error as NodeJS.ErrnoException).code === 'string') {
    return new RetryableError(`${endpoint}: network error (${transportReason(error)})`);
  }
  return error;
}

/** The most telling short reason of a network failure, e.g. "ECONNRESET" or "other side closed". */
function transportReason(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    return cause.message || error.message;
  }
  return (error as NodeJS.ErrnoException).code ?? error.message;
}

/** Reads the body, aborting as soon as it grows beyond `maxBytes` (Content-Length may be absent or wrong). */
async function readAtMost(response: Response, maxBytes: number, tooLarge: () => Error, io: NetworkIo): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await io(() => reader.read());
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function parseBodyLoosely(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** "404 Not Found": the reason phrase is the server's words, so it is quoted as such. */
function statusText(response: Response): string {
  return response.statusText ? `${response.status} ${apiMessage(response.statusText, 60)}` : String(response.status);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

/** Secret query values (raw and percent-encoded) and any password in the URL. */
function secretValues(url: URL): string[] {
  const values = [...url.searchParams].filter(([name]) => isSecretParam(name)).map(([, value]) => value);
  if (url.password) values.push(decodeURIComponent(url.password));
  // Very short values would scrub ordinary words; real tokens are long.
  return [...new Set(values.flatMap((value) => [value, encodeURIComponent(value)]))].filter((value) => value.length >= 6);
}

/** Last guard: whatever built the error (a classifier quoting a body, an exotic network error), no secret leaves. */
function scrubSecrets(error: unknown, secrets: string[]): unknown {
  if (!(error instanceof Error) || secrets.length === 0) return error;
  const scrub = (text: string) => secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
  if (secrets.some((secret) => error.message.includes(secret))) error.message = scrub(error.message);
  if (error.stack && secrets.some((secret) => error.stack!.includes(secret))) error.stack = scrub(error.stack);
  return error;
}
