import { describe, expect, it } from 'vitest';
import { FatalSyncError, RetryableError } from '#sync/errors.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryHooks, type RetryPolicy } from '#sync/retry.ts';

const POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000, maxRetryAfterMs: 120_000 };

/** Hooks that record every wait instead of sleeping, with a fixed "random" number. */
function recordingHooks(random = 1) {
  const sleeps: number[] = [];
  const retries: number[] = [];
  const hooks: RetryHooks = {
    sleep: async (ms) => void sleeps.push(ms),
    random: () => random,
    onRetry: ({ attempt }) => void retries.push(attempt),
  };
  return { hooks, sleeps, retries };
}

/** An operation that fails with the given errors in turn, then succeeds with "ok". */
function failingThen(errors: Error[]) {
  const attempts: number[] = [];
  const operation = async (attempt: number) => {
    attempts.push(attempt);
    const error = errors[attempts.length - 1];
    if (error) throw error;
    return 'ok';
  };
  return { operation, attempts };
}

describe('withRetry', () => {
  it('uses the documented defaults', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ attempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 });
  });

  it('returns at once when the first attempt succeeds', async () => {
    const { hooks, sleeps } = recordingHooks();
    const { operation, attempts } = failingThen([]);
    await expect(withRetry(operation, POLICY, hooks)).resolves.toBe('ok');
    expect(attempts).toEqual([1]);
    expect(sleeps).toEqual([]);
  });

  it('backs off exponentially up to the cap, scaled by the jitter', async () => {
    const full = recordingHooks(1);
    const failures = () => [1, 2, 3, 4].map((n) => new RetryableError(`HTTP 503 #${n}`));
    const run = failingThen(failures());
    await expect(withRetry(run.operation, POLICY, full.hooks)).resolves.toBe('ok');
    expect(run.attempts).toEqual([1, 2, 3, 4, 5]);
    expect(full.sleeps).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(full.retries).toEqual([1, 2, 3, 4]);

    const quarter = recordingHooks(0.25);
    await withRetry(failingThen(failures()).operation, POLICY, quarter.hooks);
    expect(quarter.sleeps).toEqual([250, 500, 1_000, 1_250]);
  });

  it('waits as long as Retry-After asks, instead of the backoff', async () => {
    const { hooks, sleeps } = recordingHooks(1);
    const { operation } = failingThen([new RetryableError('HTTP 429', 7_000), new RetryableError('HTTP 429', 0)]);
    await expect(withRetry(operation, POLICY, hooks)).resolves.toBe('ok');
    expect(sleeps).toEqual([7_000, 0]);
  });

  it('does not sleep through a Retry-After longer than the policy allows', async () => {
    const { hooks, sleeps } = recordingHooks();
    const { operation, attempts } = failingThen([new RetryableError('instagram media: HTTP 429', 600_000)]);
    const error = await withRetry(operation, POLICY, hooks).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).message).toMatch(/instagram media: HTTP 429.*wait 600 s.*120 s/);
    expect((error as RetryableError).retryAfterMs).toBe(600_000);
    expect(attempts).toEqual([1]);
    expect(sleeps).toEqual([]);
  });

  it('rethrows anything but a RetryableError at once', async () => {
    const { hooks, sleeps } = recordingHooks();
    const fatal = new FatalSyncError('invalid-credentials', 'bad key', 'Renew the key.');
    const { operation, attempts } = failingThen([fatal]);
    await expect(withRetry(operation, POLICY, hooks)).rejects.toBe(fatal);
    expect(attempts).toEqual([1]);
    expect(sleeps).toEqual([]);
  });

  it('throws the last error, saying how many attempts were made, when all attempts fail', async () => {
    const { hooks, sleeps } = recordingHooks();
    const { operation, attempts } = failingThen([1, 2, 3].map((n) => new RetryableError(`HTTP 502 #${n}`)));
    const error = await withRetry(operation, { ...POLICY, attempts: 3 }, hooks).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as Error).message).toBe('HTTP 502 #3 (gave up after 3 attempts)');
    expect(attempts).toEqual([1, 2, 3]);
    expect(sleeps).toHaveLength(2);
  });

  it('refuses a policy without attempts', async () => {
    await expect(withRetry(async () => 'ok', { ...POLICY, attempts: 0 })).rejects.toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBe(0);
  });

  it('reads HTTP dates (IMF-fixdate, RFC 850, asctime) as the time left', () => {
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Friday, 20-Nov-26 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri Nov 20 10:00:05 2026', now)).toBe(5_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for missing or garbage values', () => {
    for (const value of [undefined, null, '', '  ', 'soon', 'foo 1', '1s', '2026-11-20T10:00:30Z']) {
      expect(parseRetryAfter(value, now), String(value)).toBeUndefined();
    }
  });
});
