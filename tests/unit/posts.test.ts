import { describe, expect, it } from 'vitest';
import { countByMonth, groupByHashtag, groupByYearMonth, isListed, sortNewestFirst } from '#site/utils/posts.ts';
import { makePost } from '../fixtures/posts.ts';

const post = (id: string, publishedAt: string, hashtags: string[] = []) => makePost({ id, publishedAt, hashtags });

describe('sortNewestFirst', () => {
  it('orders by time, newest first, ties by id, without changing the input', () => {
    const input = [post('2', '2026-01-01T00:00:00Z'), post('3', '2026-05-01T00:00:00+07:00'), post('1', '2026-01-01T00:00:00Z')];
    expect(sortNewestFirst(input).map((p) => p.id)).toEqual(['3', '1', '2']);
    expect(input.map((p) => p.id)).toEqual(['2', '3', '1']);
  });
  it('compares instants, not strings', () => {
    // 08:00+07:00 is 01:00Z: earlier than 02:00Z although the string sorts later.
    const sorted = sortNewestFirst([post('1', '2026-01-01T08:00:00+07:00'), post('2', '2026-01-01T02:00:00Z')]);
    expect(sorted.map((p) => p.id)).toEqual(['2', '1']);
  });
});

describe('groupByYearMonth', () => {
  it('groups by the Jakarta calendar, newest first', () => {
    const groups = groupByYearMonth([
      post('1', '2025-12-31T18:00:00Z'), // 1 January 2026 in Jakarta
      post('2', '2025-12-15T00:00:00Z'),
      post('3', '2026-02-01T00:00:00Z'),
      post('4', '2026-01-20T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.year, g.count])).toEqual([[2026, 3], [2025, 1]]);
    expect(groups[0]!.months.map((m) => [m.month, m.posts.map((p) => p.id)])).toEqual([[2, ['3']], [1, ['4', '1']]]);
  });
});

describe('groupByHashtag', () => {
  it('lists tags by use, then alphabetically, with their posts newest first', () => {
    const groups = groupByHashtag([
      post('1', '2026-01-01T00:00:00Z', ['banjir', 'tapsel']),
      post('2', '2026-02-01T00:00:00Z', ['tapsel']),
      post('3', '2026-03-01T00:00:00Z', ['anggaran']),
    ]);
    expect(groups.map((g) => [g.tag, g.posts.map((p) => p.id)])).toEqual([['tapsel', ['2', '1']], ['anggaran', ['3']], ['banjir', ['1']]]);
  });
});

describe('countByMonth', () => {
  it('covers every month of the span, zeros included', () => {
    expect(countByMonth([post('1', '2025-11-10T00:00:00Z'), post('2', '2026-01-05T00:00:00Z'), post('3', '2026-01-06T00:00:00Z')])).toEqual([
      { year: 2025, month: 11, count: 1 },
      { year: 2025, month: 12, count: 0 },
      { year: 2026, month: 1, count: 2 },
    ]);
    expect(countByMonth([])).toEqual([]);
  });
});

describe('isListed', () => {
  it('keeps removed-upstream posts listed but not staff withdrawals', () => {
    const base = makePost();
    const removed = (reason: 'deleted' | 'withdrawn') => ({ ...base, provenance: { ...base.provenance, removed: { at: '2026-11-01T00:00:00Z', reason } } });
    expect(isListed(base)).toBe(true);
    expect(isListed(removed('deleted'))).toBe(true);
    expect(isListed(removed('withdrawn'))).toBe(false);
  });
});
