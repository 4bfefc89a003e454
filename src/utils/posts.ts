/**
 * Pure queries over posts: sorting, grouping and counting. Pages get posts from `getArchive()` and call
 * these; tests call them with plain arrays.
 */
import type { Post } from '#archive/post.ts';
import { jakartaDateParts } from './dates.ts';

/** Newest first by publication time; ties broken by id so the order never depends on file order. */
export function sortNewestFirst<T extends Pick<Post, 'publishedAt' | 'id'>>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => {
    const byTime = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
    return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Withdrawn posts keep their page (a tombstone) but leave lists, feeds and search. */
export function isListed(post: Pick<Post, 'provenance'>): boolean {
  return post.provenance.removed?.reason !== 'withdrawn';
}

export function isRemoved(post: Pick<Post, 'provenance'>): boolean {
  return post.provenance.removed !== undefined;
}

export function isEdited(post: Pick<Post, 'provenance'>): boolean {
  return post.provenance.versions.length > 0;
}

export interface MonthGroup<T> {
  year: number;
  month: number;
  posts: T[];
}
export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  count: number;
}

/** Posts grouped by Jakarta calendar year and month, newest year and month first, posts newest first. */
export function groupByYearMonth<T extends Pick<Post, 'publishedAt' | 'id'>>(posts: readonly T[]): YearGroup<T>[] {
  const years = new Map<number, Map<number, T[]>>();
  for (const post of sortNewestFirst(posts)) {
    const { year, month } = jakartaDateParts(post.publishedAt);
    const months = years.get(year) ?? new Map<number, T[]>();
    months.set(month, [...(months.get(month) ?? []), post]);
    years.set(year, months);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => {
      const monthGroups = [...months.entries()].sort(([a], [b]) => b - a).map(([month, list]) => ({ year, month, posts: list }));
      return { year, months: monthGroups, count: monthGroups.reduce((sum, group) => sum + group.posts.length, 0) };
    });
}

/** Every hashtag with its posts (newest first), most used first, then alphabetical. */
export function groupByHashtag<T extends Pick<Post, 'publishedAt' | 'id' | 'hashtags'>>(
  posts: readonly T[],
): { tag: string; posts: T[] }[] {
  const byTag = new Map<string, T[]>();
  for (const post of sortNewestFirst(posts)) {
    for (const tag of post.hashtags) byTag.set(tag, [...(byTag.get(tag) ?? []), post]);
  }
  return [...byTag.entries()]
    .map(([tag, list]) => ({ tag, posts: list }))
    .sort((a, b) => b.posts.length - a.posts.length || a.tag.localeCompare(b.tag, 'id'));
}

export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

/** Posts per Jakarta month over the whole span of the archive, months without posts included as 0. */
export function countByMonth(posts: readonly Pick<Post, 'publishedAt'>[]): MonthCount[] {
  if (posts.length === 0) return [];
  const counts = new Map<number, number>();
  for (const post of posts) {
    const { year, month } = jakartaDateParts(post.publishedAt);
    const key = year * 12 + (month - 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const result: MonthCount[] = [];
  for (let key = Math.min(...keys); key <= Math.max(...keys); key++) {
    result.push({ year: Math.floor(key / 12), month: (key % 12) + 1, count: counts.get(key) ?? 0 });
  }
  return result;
}

