/**
 * What search knows of a post, at build time: the filter values each post page gives Pagefind, and the
 * same values collected for the search form, so the form offers exactly what the index holds (and works
 * before any script has loaded).
 */
import type { Post } from '#archive/post.ts';
import { t } from '../i18n/id.ts';
import { accountOf, type SiteAccount } from '../utils/accounts.ts';
import { formatDate, jakartaDateParts } from '../utils/dates.ts';
import { FILTER_KEYS, type FilterKey } from '../utils/search.ts';

/** A post page's Pagefind filters: platform and account as readers see them, and the year in WIB. */
export function searchFiltersOf(post: Pick<Post, 'platform' | 'publishedAt'>, account: Pick<SiteAccount, 'name'>): Record<FilterKey, string> {
  return { platform: t.platforms[post.platform], akun: account.name, tahun: String(jakartaDateParts(post.publishedAt).year) };
}

/** The date a result shows (Pagefind `date` meta). */
export function searchDateOf(post: Pick<Post, 'publishedAt'>): string {
  return formatDate(post.publishedAt);
}

/** Every value of each filter among the searchable posts: platforms and accounts A–Z, years newest first. */
export function searchFilterOptions(posts: readonly Post[], accounts: readonly SiteAccount[]): Record<FilterKey, string[]> {
  const values = Object.fromEntries(FILTER_KEYS.map((key) => [key, new Set<string>()])) as Record<FilterKey, Set<string>>;
  for (const post of posts) {
    const filters = searchFiltersOf(post, accountOf(accounts, post));
    for (const key of FILTER_KEYS) values[key].add(filters[key]);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'id');
  return {
    platform: [...values.platform].sort(byName),
    akun: [...values.akun].sort(byName),
    tahun: [...values.tahun].sort((a, b) => Number(b) - Number(a)),
  };
}
