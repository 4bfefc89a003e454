/** Outages and limits as staff read them: the outage line, Instagram's usage headers, and the Graph API version setting. */
import { describe, expect, it } from 'vitest';
import { apiVersionWarning, DEFAULT_INSTAGRAM_API_VERSION, readSettings } from '#sync/config.ts';
import { FatalSyncError, outageStop, RetryableError } from '#sync/errors.ts';
import { nearLimitStop, readUsage, usageCallsForStop, whenAccessReturns } from '#sync/instagram-usage.ts';
import { withRetry } from '#sync/retry.ts';
import { siteConfig } from '#site/site.config.ts';

const instant = () => Promise.resolve();

describe('outageStop', () => {
  it('turns spent retries into one plain line naming the platform, the status and the attempts', async () => {
    const error = await withRetry(
      () => Promise.reject(new RetryableError('YouTube playlistItems: HTTP 503 Backend Error', undefined, 503)),
      { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1_000 },
      { sleep: instant },
    ).catch((caught: unknown) => caught as RetryableError);
    expect(error.gaveUp).toMatchObject({ attempts: 5 });
    const stop = outageStop('youtube', error);
    expect(stop).toBeInstanceOf(FatalSyncError);
    expect(stop).toMatchObject({ reason: 'unavailable', platform: 'youtube' });
    expect(stop.message).toMatch(/^YouTube answered HTTP 503 to 5 attempts over 1 s \(YouTube playlistItems: HTTP 503 Backend Error\)\.$/);
    expect(stop.action).toMatch(/^Nothing was lost.*next scheduled run tries again/);
  });

  it('says "no usable answer" when there was no HTTP status (timeouts, broken bodies)', () => {
    const stop = outageStop('instagram', new RetryableError('Instagram: the media page did not have the expected shape'));
    expect(stop.message).toBe('Instagram gave no usable answer to 1 attempt (Instagram: the media page did not have the expected shape).');
  });
});

describe('Instagram usage headers', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('reads the highest percentage of X-App-Usage and X-Business-Use-Case-Usage, and the time to regain access', () => {
    expect(readUsage(headers({}))).toBeUndefined();
    expect(readUsage(headers({ 'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":31}' }))).toEqual({ percent: 31, regainAccessMinutes: undefined });
    const business = JSON.stringify({
      '17841400000000001': [
        { type: 'instagram', call_count: 100, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 12 },
        { type: 'instagram', call_count: 40, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 0 },
      ],
    });
    expect(readUsage(headers({ 'x-app-usage': '{"call_count":3}', 'x-business-use-case-usage': business }))).toEqual({ percent: 100, regainAccessMinutes: 12 });
    expect(readUsage(headers({ 'x-app-usage': 'not json' }))).toBeUndefined();
  });

  it('stops at 95% or once Meta names a time to regain access', () => {
    expect(usageCallsForStop(undefined)).toBe(false);
    expect(usageCallsForStop({ percent: 94, regainAccessMinutes: undefined })).toBe(false);
    expect(usageCallsForStop({ percent: 95, regainAccessMinutes: undefined })).toBe(true);
    expect(usageCallsForStop({ percent: 10, regainAccessMinutes: 3 })).toBe(true);
  });

  it('says when access returns, in UTC and WIB', () => {
    const now = new Date('2026-12-02T09:42:00Z');
    expect(whenAccessReturns({ percent: 100, regainAccessMinutes: 12 }, now)).toBe('access returns in about 12 min (around 09:54 UTC, 16.54 WIB)');
    expect(whenAccessReturns(undefined, now)).toMatch(/no estimate/);
    expect(nearLimitStop({ percent: 96.4, regainAccessMinutes: undefined }, now)).toMatchObject({ reason: 'rate-limited', platform: 'instagram', message: expect.stringContaining('96% of the hourly allowance') });
  });
});

describe('INSTAGRAM_API_VERSION and --max-new', () => {
  const env = { INSTAGRAM_ACCESS_TOKEN: 'IGAAtoken-for-config-tests-000000' };

  it('defaults to a current version and accepts another', () => {
    expect(readSettings([], env, siteConfig, '/repo').instagram!.apiVersion).toBe(DEFAULT_INSTAGRAM_API_VERSION);
    expect(readSettings([], { ...env, INSTAGRAM_API_VERSION: 'v25.0' }, siteConfig, '/repo').instagram!.apiVersion).toBe('v25.0');
  });

  it('refuses a value that is not a version, naming the variable', () => {
    expect(() => readSettings([], { ...env, INSTAGRAM_API_VERSION: '25' }, siteConfig, '/repo')).toThrow(/INSTAGRAM_API_VERSION: must be a Graph API version such as "v\d+\.0"/);
  });

  it('warns within 60 days of a version’s retirement', () => {
    expect(apiVersionWarning('v23.0', new Date('2027-06-01T00:00:00Z'))).toBeUndefined();
    expect(apiVersionWarning('v23.0', new Date('2027-09-01T00:00:00Z'))).toMatch(/v23\.0 will be retired by Meta on 2027-10-08, in 37 day\(s\).*INSTAGRAM_API_VERSION/);
    expect(apiVersionWarning('v23.0', new Date('2027-10-09T00:00:00Z'))).toMatch(/was retired by Meta on 2027-10-08/);
    expect(apiVersionWarning(DEFAULT_INSTAGRAM_API_VERSION, new Date('2026-12-02T00:00:00Z'))).toBeUndefined();
  });

  it('--max-new takes a whole number from 1', () => {
    expect(readSettings(['--max-new', '300'], env, siteConfig, '/repo').flags.maxNew).toBe(300);
    expect(readSettings([], env, siteConfig, '/repo').flags.maxNew).toBeUndefined();
    for (const bad of ['0', '-3', 'all', '1.5']) {
      expect(() => readSettings([`--max-new=${bad}`], env, siteConfig, '/repo')).toThrow(/--max-new must be a whole number/);
    }
  });
});
