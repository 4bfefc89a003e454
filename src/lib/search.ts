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

/** Where the search bundles are in dist/: `pagefind/<year>/`. */
export const SEARCH_DIR = 'pagefind';

/** Every page is Indonesian; Pagefind's stemming and its WebAssembly follow the language. */
export const SEARCH_LANGUAGE = 'id';

/** Pagefind's script and WebAssembly: only the newest year's bundle has them (src/integrations/pagefind.ts). */
export const PAGEFIND_SCRIPT = 'pagefind.js';
export const PAGEFIND_WASM = `wasm.${SEARCH_LANGUAGE}.pagefind`;

/**
 * The search page's attribute naming the newest bundle's page list (`pagefind.<hash>.pf_meta`), which the
 * page fetches early: the name is known only once Pagefind has written the bundle, after the page was
 * rendered, so the page carries it empty and the search integration fills it in.
 */
export const PAGE_LIST_ATTRIBUTE = 'data-page-list';

/** The year a post is searched under (WIB): its `tahun` filter, and the search bundle it is indexed in. */
export function searchYearOf(post: Pick<Post, 'publishedAt'>): string {
  return String(jakartaDateParts(post.publishedAt).year);
}

/** A post page's Pagefind filters: platform and account as readers see them, and the year in WIB. */
export function searchFiltersOf(post: Pick<Post, 'platform' | 'publishedAt'>, account: Pick<SiteAccount, 'name'>): Record<FilterKey, string> {
  return { platform: t.platforms[post.platform], akun: account.name, tahun: searchYearOf(post) };
}

/**
 * The posts of each search bundle, newest year first. Search is one Pagefind bundle per year so that a
 * first search loads one year's page list (Pagefind's list of every page it may return, about 6 bytes
 * per page even compressed) rather than the whole archive's: at 10,000 posts that list alone was 86 KB.
 */
export function searchBundlesOf<P extends Pick<Post, 'publishedAt'>>(posts: readonly P[]): { year: string; posts: P[] }[] {
  const byYear = new Map<string, P[]>();
  for (const post of posts) {
    const year = searchYearOf(post);
    const members = byYear.get(year);
    if (members) members.push(post);
    else byYear.set(year, [post]);
  }
  return [...byYear].map(([year, members]) => ({ year, posts: members })).sort((a, b) => Number(b.year) - Number(a.year));
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
