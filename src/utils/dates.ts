/**
 * Dates shown to readers are in Asia/Jakarta time (WIB), whatever the machine's zone. Stored dates are
 * ISO 8601 instants; these helpers are the only place that turns them into calendar values.
 */

export const TIME_ZONE = 'Asia/Jakarta';
export const LOCALE = 'id-ID';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long', year: 'numeric' });
const monthNameFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long' });
const shortMonthFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'short' });
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function toDate(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${String(value)}`);
  return date;
}

/** Year, month (1–12) and day of an instant on the Jakarta calendar. */
export function jakartaDateParts(value: string | Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(toDate(value)).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** "27 November 2026" */
export function formatDate(value: string | Date): string {
  return dateFormat.format(toDate(value));
}

/** "27 November 2026, 14.30 WIB" */
export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} WIB`;
}

/** "November 2026" for a calendar month (month 1–12). */
export function formatMonth(year: number, month: number): string {
  return monthFormat.format(Date.UTC(year, month - 1, 1));
}

/** "November" */
export function monthName(month: number): string {
  return monthNameFormat.format(Date.UTC(2000, month - 1, 1));
}

/** "Nov" (for chart axes) */
export function shortMonthName(month: number): string {
  return shortMonthFormat.format(Date.UTC(2000, month - 1, 1)).replace(/\.$/, '');
}

/** "1:02:03" or "4:05" for a duration in seconds. */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** ISO 8601 duration ("PT1H2M3S") for machine-readable markup. */
export function isoDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

/** Two-digit month for paths: 3 → "03". */
export function padMonth(month: number): string {
  return String(month).padStart(2, '0');
}
