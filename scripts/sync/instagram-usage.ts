/**
 * Instagram's rate-limit usage, as its answers report it in headers, and the stop it calls for.
 *
 * Meta counts calls, CPU time and total time over a rolling hour and reports each as a percentage:
 * `X-App-Usage` (`{"call_count":28,"total_time":25,"total_cputime":25}`) and `X-Business-Use-Case-Usage`
 * (`{"<id>":[{"type":"instagram","call_count":100,…,"estimated_time_to_regain_access":12}]}`, minutes).
 * Retrying into a limit only extends it, so the sync stops the platform at once and says when access
 * should return.
 * @see https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 */
import { FatalSyncError } from './errors.ts';

export interface UsageReading {
  /** The highest usage percentage any header reported (calls, CPU time or total time). */
  percent: number;
  /** Minutes until access returns, when Meta estimated it (only once throttled). */
  regainAccessMinutes: number | undefined;
}

/** Stop before the next request at this share of the hourly allowance: the last few calls are not worth a block. */
export const USAGE_STOP_PERCENT = 95;

const METRICS = ['call_count', 'total_time', 'total_cputime'] as const;

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function percentOf(entry: unknown): number {
  if (typeof entry !== 'object' || entry === null) return 0;
  return Math.max(0, ...METRICS.map((metric) => numberOr((entry as Record<string, unknown>)[metric]) ?? 0));
}

function parseHeader(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined; // a header we cannot read tells us nothing; the API's error codes still stop us
  }
}

/** The usage an answer reports, or undefined when it carries no (readable) usage header. */
export function readUsage(headers: Headers): UsageReading | undefined {
  const app = parseHeader(headers.get('x-app-usage'));
  const business = parseHeader(headers.get('x-business-use-case-usage'));
  const businessEntries =
    typeof business === 'object' && business !== null ? Object.values(business).flatMap((list) => (Array.isArray(list) ? list : [])) : [];
  if (app === undefined && businessEntries.length === 0) return undefined;
  const regain = businessEntries
    .map((entry) => numberOr((entry as Record<string, unknown> | null)?.estimated_time_to_regain_access))
    .filter((minutes): minutes is number => minutes !== undefined);
  return {
    percent: Math.max(percentOf(app), ...businessEntries.map(percentOf)),
    regainAccessMinutes: regain.length > 0 ? Math.max(...regain) : undefined,
  };
}

/** Whether the sync should send no further request to Instagram in this run. */
export function usageCallsForStop(usage: UsageReading | undefined): boolean {
  return usage !== undefined && (usage.percent >= USAGE_STOP_PERCENT || (usage.regainAccessMinutes ?? 0) > 0);
}

const clock = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const UTC_CLOCK = clock('UTC');
const WIB_CLOCK = clock('Asia/Jakarta');

/** "in about 12 min (around 09:54 UTC, 16.54 WIB)", or what is known without Meta's estimate. */
export function whenAccessReturns(usage: UsageReading | undefined, now: Date): string {
  const minutes = usage?.regainAccessMinutes;
  if (!minutes) return 'Meta gave no estimate of when access returns; its limits are counted over a rolling hour';
  const at = new Date(now.getTime() + minutes * 60_000);
  return `access returns in about ${Math.ceil(minutes)} min (around ${UTC_CLOCK.format(at)} UTC, ${WIB_CLOCK.format(at).replace(':', '.')} WIB)`;
}

const RATE_LIMIT_ACTION =
  'Nothing was lost: everything archived before stays, and the next scheduled run after that continues. If it happens often, sync less often (the schedule in .github/workflows/publish.yml).';

/** The stop for a rate limit Instagram reported as an error (codes 4, 17, 32, 613, 80001–80014). */
export function rateLimitedStop(code: number | undefined, message: string, usage: UsageReading | undefined, now: Date): FatalSyncError {
  return new FatalSyncError(
    'rate-limited',
    `Instagram: the API rate limit is reached (code ${code}: ${message}); ${whenAccessReturns(usage, now)}.`,
    RATE_LIMIT_ACTION,
    'instagram',
  );
}

/** The stop before a request, when the last answer's headers said the allowance is (nearly) spent. */
export function nearLimitStop(usage: UsageReading, now: Date): FatalSyncError {
  return new FatalSyncError(
    'rate-limited',
    `Instagram: the API usage headers report ${Math.round(usage.percent)}% of the hourly allowance used, so the sync stopped before reaching the limit; ${whenAccessReturns(usage, now)}.`,
    RATE_LIMIT_ACTION,
    'instagram',
  );
}
