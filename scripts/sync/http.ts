/**
 * The sync's HTTP client (Instagram Graph API, media downloads), on Node's own `fetch`.
 *
 * Every attempt has a deadline; failures a retry may fix (network errors, timeouts, 429, 5xx, broken
 * bodies) become `RetryableError`s and go through `withRetry`; other answers are classified by the caller.
 * Error messages name the endpoint and the status, never the URL: its query holds the access token. As a
 * last guard, any secret value from the URL is scrubbed from every error that leaves this module.
 */
import { HttpStatusError, RetryableError } from './errors.ts';
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
}

/** Decides fatal / item / retryable for an answer that is not 2xx, 429 or 5xx. `body` is parsed JSON when it parses, else text. */
export type ErrorClassifier = (status: number, body: unknown, response: Response) => Error;

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** GETs JSON. Resolves with the parsed body of a 2xx answer; throws the classifier's error for 4xx. */
export async function getJson(url: URL, endpoint: string, classify: ErrorClassifier, options: HttpOptions = {}): Promise<unknown> {
  return attemptWithRetry(url, endpoint, options, { accept: 'application/json' }, async (response, io) => {
    if (response.ok) {
      const text = await io(() => response.text());
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new RetryableError(`${endpoint}: response was not valid JSON (truncated?)`);
      }
    }
    throwIfWorthRetrying(endpoint, response);
    throw classify(response.status, parseBodyLoosely(await io(() => response.text())), response);
  });
}

/** GETs a file (an image) of at most `maxBytes` (default 20 MB). A 4xx answer is an `HttpStatusError`, not retried. */
export async function getBytes(
  url: URL,
  endpoint: string,
  options: HttpOptions & { maxBytes?: number } = {},
): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return attemptWithRetry(url, endpoint, options, {}, async (response, io) => {
    if (!response.ok) {
      throwIfWorthRetrying(endpoint, response);
      await response.body?.cancel();
      throw new HttpStatusError(endpoint, response.status, `${endpoint}: HTTP ${statusText(response)}`);
    }
    const bytes = await readAtMost(response, maxBytes, endpoint, io);
    return { bytes, contentType: response.headers.get('content-type') ?? undefined };
  });
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
      const response = await io(() => fetch(url, { headers: requestHeaders, signal: AbortSignal.timeout(timeoutMs) }));
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
async function readAtMost(response: Response, maxBytes: number, endpoint: string, io: NetworkIo): Promise<Buffer> {
  const tooLarge = () => new Error(`${endpoint}: file is larger than the limit of ${formatBytes(maxBytes)}`);
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

function statusText(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
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
