/**
 * Where the sync may fetch media from: the platforms' own hosts, listed here and nowhere else (a post's
 * permalink hosts belong to the archive format: PERMALINK_HOSTS in src/archive/post.ts). An API answer is
 * data: a media URL or a redirect naming any other host is refused, never followed.
 */
import type { Platform } from '#archive/post.ts';
import { DEFAULT_INSTAGRAM_API_ROOT, DEFAULT_YOUTUBE_API_ROOT } from './config.ts';

/**
 * The hosts the platforms serve images from, over https: an exact name, or `*.name` for any host under
 * that name. Instagram's media URLs are on its CDN (scontent-….cdninstagram.com) or Facebook's
 * (….fbcdn.net); YouTube's thumbnails are on i.ytimg.com (i9.ytimg.com for some live broadcasts).
 */
export const MEDIA_HOSTS: Readonly<Record<Platform, readonly string[]>> = {
  instagram: ['*.cdninstagram.com', '*.fbcdn.net'],
  youtube: ['i.ytimg.com', 'i9.ytimg.com'],
};


const DEFAULT_API_ROOTS: Readonly<Record<Platform, string>> = {
  instagram: DEFAULT_INSTAGRAM_API_ROOT,
  youtube: DEFAULT_YOUTUBE_API_ROOT,
};

/** What a run may fetch media from. */
export interface MediaSources {
  /** Host patterns (as in MEDIA_HOSTS), over https, at public internet addresses only. */
  hosts: readonly string[];
  /**
   * Origins taken as they are (http allowed, addresses not checked): the API root of a platform whose
   * root the environment overrides, i.e. the fake API of the tests or a local mirror. Nothing else of
   * that platform is allowed then.
   */
  origins: readonly string[];
}

/** The media sources of a run: each configured platform's CDN hosts, or the origin of its overridden API root. */
export function mediaSourcesFor(roots: Partial<Record<Platform, { apiRoot: string } | undefined>>): MediaSources {
  const hosts: string[] = [];
  const origins: string[] = [];
  for (const platform of Object.keys(MEDIA_HOSTS) as Platform[]) {
    const root = roots[platform]?.apiRoot;
    if (root === undefined) continue;
    const origin = new URL(root).origin;
    if (origin === new URL(DEFAULT_API_ROOTS[platform]).origin) hosts.push(...MEDIA_HOSTS[platform]);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { hosts, origins };
}

/** Whether `host` (lower case, as URL parsing leaves it) matches a pattern of MEDIA_HOSTS's form. */
export function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const parent = pattern.slice(1); // ".cdninstagram.com"
  return host.endsWith(parent) && host.length > parent.length;
}

/**
 * Why a media URL (or a redirect's target) may not be fetched, naming its host; undefined when it may.
 * This check needs no network: whether the host's addresses are public is checked as it connects.
 */
export function mediaRefusal(url: URL, sources: MediaSources): string | undefined {
  const where = url.host || url.protocol;
  if (sources.origins.includes(url.origin) && !url.username && !url.password) return undefined;
  if (!sources.hosts.some((pattern) => hostMatches(url.hostname, pattern))) return `${where} is not a host media may be fetched from`;
  if (url.protocol !== 'https:') return `${where} is not https`;
  if (url.username || url.password || url.port) return `${where} is not a plain https host`;
  return undefined;
}
