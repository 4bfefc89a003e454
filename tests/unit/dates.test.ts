import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatMonth, isoDuration, jakartaDateParts } from '#site/utils/dates.ts';

describe('dates in Asia/Jakarta', () => {
  it('puts an evening UTC instant on the next Jakarta day, month and year', () => {
    expect(jakartaDateParts('2025-12-31T17:30:00Z')).toEqual({ year: 2026, month: 1, day: 1 });
    expect(jakartaDateParts('2025-12-31T16:59:59Z')).toEqual({ year: 2025, month: 12, day: 31 });
  });
  it('formats in Indonesian with WIB', () => {
    expect(formatDate('2026-11-27T03:05:00Z')).toBe('27 November 2026');
    expect(formatDateTime('2026-11-27T03:05:00Z')).toBe('27 November 2026, 10.05 WIB');
    expect(formatDateTime('2026-08-16T20:00:00Z')).toBe('17 Agustus 2026, 03.00 WIB');
    expect(formatMonth(2026, 2)).toBe('Februari 2026');
  });
  it('rejects an invalid date instead of printing "Invalid Date"', () => {
    expect(() => formatDate('2026-13-01')).toThrow(RangeError);
  });
  it('formats durations for people and machines', () => {
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(isoDuration(3723)).toBe('PT1H2M3S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(120)).toBe('PT2M');
  });
});
