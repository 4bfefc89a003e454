/**
 * Retrying a flaky operation: only `RetryableError`s are retried, with "full jitter" exponential backoff
 * or the wait the server asked for (Retry-After). Everything else is thrown at once.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
import { setTimeout as delay } from 'node:timers/promises';
import { RetryableError } from './errors.ts';

export interface RetryPolicy {
  /** Total attempts, the first one included (1 = no retry). */
  attempts: number;
  /** Backoff cap after the first failure; it doubles with every further failure. */
  baseDelayMs: number;
  /** Largest backoff between two attempts. */
  maxDelayMs: number;
  /** Longest server-requested wait we sit out; a longer one ends the retrying at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export interface RetryHooks {
  /** Waits between attempts (tests record instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter (tests make it predictable). */
  random?: () => number;
  /** Told before each wait; `attempt` is the number (from 1) of the attempt that just failed. */
  onRetry?: (info: { attempt: number; delayMs: number; error: RetryableError }) => void;
}

/** Runs `operation` until it succeeds, a non-retryable error occurs, or the policy's attempts are used up. */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  hooks: RetryHooks = {},
): Promise<T> {
  assertValidPolicy(policy);
  const sleep = hooks.sleep ?? ((ms: number) => delay(ms));
  const random = hooks.random ?? Math.random;

  const started = Date.now();
  const giveUp = (error: RetryableError, message: string, attempts: number): RetryableError => {
    const final = new RetryableError(message, error.retryAfterMs, error.status);
    final.gaveUp = { attempts, elapsedMs: Date.now() - started };
    return final;
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      if (attempt >= policy.attempts) {
        throw giveUp(error, `${error.message} (gave up after ${plural(attempt, 'attempt')})`, attempt);
      }
      if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) {
        // A server that wants us gone for minutes is not helped by a CI job sleeping that long.
        throw giveUp(
          error,
          `${error.message} (the server asked to wait ${seconds(error.retryAfterMs)}, longer than the ` +
            `${seconds(policy.maxRetryAfterMs)} we wait; gave up after ${plural(attempt, 'attempt')})`,
          attempt,
        );
      }
      const delayMs = retryDelayMs(attempt, error.retryAfterMs, policy, random);
      hooks.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/**
 * The wait after failed attempt number `attempt` (from 1): the server's Retry-After when it sent one,
 * else a random time up to min(maxDelay, base * 2^(attempt-1)), so many clients do not retry in step.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.max(0, Math.ceil(retryAfterMs));
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * cap);
}

const DELTA_SECONDS = /^-?\d+(\.\d+)?$/;
/** IMF-fixdate and RFC 850 dates (both end in "GMT"), and asctime dates (which have no zone, but are UTC). */
const HTTP_DATE = /^[A-Za-z]{3,9}, \d{2}[ -][A-Za-z]{3}[ -]\d{2}(\d{2})? \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * A Retry-After header as milliseconds to wait: delta-seconds or an HTTP-date; a date in the past or a
 * negative number is 0; anything else is undefined (we fall back to our own backoff).
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DELTA_SECONDS.test(text)) return Math.max(0, Math.round(Number(text) * 1000));
  // Date.parse alone accepts nonsense such as "foo 1", so only real HTTP-date shapes reach it.
  const date = HTTP_DATE.test(text) ? Date.parse(text) : ASCTIME_DATE.test(text) ? Date.parse(`${text} GMT`) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function assertValidPolicy(policy: RetryPolicy): void {
  const { attempts, baseDelayMs, maxDelayMs, maxRetryAfterMs } = policy;
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`Retry policy: attempts must be a whole number ≥ 1, got ${attempts}`);
  for (const [name, value] of Object.entries({ baseDelayMs, maxDelayMs, maxRetryAfterMs })) {
    if (!(value >= 0)) throw new RangeError(`Retry policy: ${name} must be ≥ 0, got ${value}`);
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
