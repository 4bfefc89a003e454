/**
 * Typed failures of a sync run. A `FatalSyncError` ends the run (non-zero exit) with a message written
 * for the staff member who reads the CI log; an `ItemError` skips one post and the run goes on.
 * Messages never contain secrets: they are built from API error bodies and our own words, never URLs.
 */
import type { Platform } from '#archive/post.ts';

// An item that could not be archived is the archive writer's error as much as the sync's.
export { ItemError, printableId } from '#archive/errors.ts';

export type { FatalReason } from '#scripts/shared/sync-summary.ts';
import type { FatalReason } from '#scripts/shared/sync-summary.ts';

export class FatalSyncError extends Error {
  override name = 'FatalSyncError';
  readonly reason: FatalReason;
  readonly platform: Platform | undefined;
  /** What a person should do about it, in one or two sentences. */
  readonly action: string;

  constructor(reason: FatalReason, message: string, action: string, platform?: Platform) {
    super(message);
    this.reason = reason;
    this.action = action;
    this.platform = platform;
  }
}

/** An HTTP failure that a retry may fix (5xx, 429, rate limits, timeouts, broken bodies). */
export class RetryableError extends Error {
  override name = 'RetryableError';
  /** Server-requested wait (Retry-After), when it gave one. */
  readonly retryAfterMs: number | undefined;
  /** The HTTP status of the answer, when there was one (none for a timeout or a dropped connection). */
  readonly status: number | undefined;
  /** Set by `withRetry` when it stopped trying: how many attempts were made, over how long. */
  gaveUp: { attempts: number; elapsedMs: number } | undefined;

  constructor(message: string, retryAfterMs?: number, status?: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
    this.status = status;
  }
}

/**
 * Text an API (or any server) wrote, made fit to quote in one of our messages: one line (every control
 * character and line or paragraph separator becomes a space), no `::` (so nothing in it can read as a
 * GitHub Actions workflow command such as `::error::` or `::add-mask::`, wherever the line is printed),
 * and at most `max` characters. Every server text that enters an error message goes through here.
 */
export function apiMessage(text: unknown, max = 300): string {
  // A hostile JSON body may put anything where a message belongs, even {"toString": 1}, which String() throws on.
  const quoted = typeof text === 'string' ? text : (JSON.stringify(text) ?? typeof text);
  const line = quoted
    .replace(/[\p{Cc}\u2028\u2029\u0085]+/gu, ' ')
    .replace(/:{2,}/g, (colons) => colons.split('').join(' '))
    .replace(/##\[/g, '# #[')
    .replace(/ {2,}/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const PLATFORM_NAMES: Record<Platform, string> = { youtube: 'YouTube', instagram: 'Instagram' };

/** What staff read when a platform did not answer: nothing is lost, and the schedule tries again. */
export const OUTAGE_ACTION =
  'Nothing was lost: everything archived before stays as it is, and the next scheduled run tries again. Only if this repeats for more than a day, report this message.';

/**
 * A platform that kept failing (every retry spent, or a broken answer) as a stop of that platform:
 * an outage is not a bug, so it ends with exit 1 and one plain line, e.g.
 * "YouTube answered HTTP 503 to 5 attempts over 11 s (playlistItems)."
 */
export function outageStop(platform: Platform, error: RetryableError): FatalSyncError {
  const name = PLATFORM_NAMES[platform];
  const attempts = error.gaveUp?.attempts ?? 1;
  const over = error.gaveUp ? ` over ${Math.max(1, Math.round(error.gaveUp.elapsedMs / 1000))} s` : '';
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}${over}`;
  // The message already names the endpoint and what went wrong; drop our "(gave up …)" tail, said better here.
  const detail = error.message.replace(/ \(gave up after \d+ attempts?\)$/, '');
  const what = error.status !== undefined ? `${name} answered HTTP ${error.status} to ${tries}` : `${name} gave no usable answer to ${tries}`;
  return new FatalSyncError('unavailable', `${what} (${detail}).`, OUTAGE_ACTION, platform);
}

/** A download answered with a status that retrying will not change (404, 403, 410, …). */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  readonly endpoint: string;
  readonly status: number;

  constructor(endpoint: string, status: number, message: string) {
    super(message);
    this.endpoint = endpoint;
    this.status = status;
  }
}
