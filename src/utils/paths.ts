/**
 * Every address on the site, built in one place so that links honour the configured base path
 * (e.g. /warta/ on GitHub Pages) and encode untrusted parts.
 */
import type { Platform } from '#archive/post.ts';
import { padMonth } from './dates.ts';

export interface SiteAddress {
  /** Origin and base path, ending in "/": https://example.org/warta/ */
  baseUrl: string;
}

export function basePath(baseUrl: string): string {
  const { pathname } = new URL(baseUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** Builds the site's paths for one base URL. */
export function createPaths(baseUrl: string) {
  const base = basePath(baseUrl);
  const at = (...segments: (string | number)[]) =>
    `${base}${segments.map((segment) => encodeURIComponent(String(segment))).join('/')}${segments.length ? '/' : ''}`;
  const file = (...segments: string[]) => `${base}${segments.map(encodeURIComponent).join('/')}`;
  return {
    home: () => at(),
    post: (post: { platform: Platform; id: string }) => at('pos', post.platform, post.id),
    account: (slug: string) => at('akun', slug),
    accounts: () => at('akun'),
    hashtag: (tag: string) => at('tagar', tag),
    hashtags: () => at('tagar'),
    archive: () => at('arsip'),
    archiveYear: (year: number) => at('arsip', year),
    archiveMonth: (year: number, month: number) => at('arsip', year, padMonth(month)),
    search: () => at('cari'),
    transparency: () => at('transparansi'),
    openData: () => at('data'),
    feed: () => file('rss.xml'),
    changesFeed: () => file('perubahan.xml'),
    accountFeed: (slug: string) => file('akun', slug, 'rss.xml'),
    hashtagFeed: (tag: string) => file('tagar', tag, 'rss.xml'),
    postsJson: () => file('data', 'posts.json'),
    postsCsv: () => file('data', 'posts.csv'),
    manifest: () => file('data', 'manifest-sha256.txt'),
    record: () => file('data', 'record-sha256.txt'),
    /** A file under the base path; `/` separates folders (each segment is encoded). */
    asset: (path: string) => file(...path.split('/')),
    /** The absolute URL of a path from this object. */
    absolute: (path: string) => new URL(path, baseUrl).href,
  };
}

export type SitePaths = ReturnType<typeof createPaths>;
