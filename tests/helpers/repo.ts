/**
 * Where things are, and what the archive in content/ holds, read independently of the site's code
 * (only the shared schema, site config and path builder are reused), so the site tests compare the
 * built output with the source of truth.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postSchema, type Post } from '#archive/post.ts';
import { archiveStateSchema, ARCHIVE_STATE_FILE, type ArchiveState } from '#archive/state.ts';
import { siteConfig } from '#site/site.config.ts';
import { withdrawalSchema, WITHDRAWALS_DIR, type Withdrawal } from '#archive/withdrawal.ts';
import { applyWithdrawals } from '#site/utils/withdrawals.ts';
import { createPaths } from '#site/utils/paths.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');
export const CONTENT_DIR = path.join(REPO_ROOT, 'content');

export { siteConfig };
export const sitePaths = createPaths(siteConfig.baseUrl);
/** The base path of every URL on the site, e.g. "/warta/". */
export const BASE_PATH = sitePaths.home();

/** Every post in content/posts/<platform>/<id>/post.json, parsed with the shared schema. */
export function readAllPosts(): Post[] {
  const postsDir = path.join(CONTENT_DIR, 'posts');
  if (!existsSync(postsDir)) throw new Error(`No archive found: ${postsDir} does not exist.`);
  const posts: Post[] = [];
  for (const platform of readdirSync(postsDir).sort()) {
    const platformDir = path.join(postsDir, platform);
    if (!statSync(platformDir).isDirectory()) continue;
    for (const id of readdirSync(platformDir).sort()) {
      const file = path.join(platformDir, id, 'post.json');
      if (!existsSync(file)) continue;
      const parsed = postSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${path.relative(REPO_ROOT, file)} does not match the post schema: ${parsed.error.message}`);
      posts.push(parsed.data);
    }
  }
  return posts;
}

/** Every staff withdrawal in content/withdrawals/<platform>/<id>.json, parsed with the shared schema. */
export function readWithdrawals(): Withdrawal[] {
  const dir = path.join(CONTENT_DIR, WITHDRAWALS_DIR);
  if (!existsSync(dir)) return [];
  return listFiles(dir, (name) => name.endsWith('.json')).map((file) => withdrawalSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))));
}

/** Every post as the site presents it: post.json with the staff withdrawals applied. */
export function readPresentedPosts(): Post[] {
  return applyWithdrawals(readAllPosts(), readWithdrawals()).posts;
}

/** Listed posts (not withdrawn), newest first; ties broken by id as the site does. */
export function readListedPosts(): Post[] {
  return readPresentedPosts()
    .filter((post) => post.provenance.removed?.reason !== 'withdrawn')
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readArchiveState(): ArchiveState {
  return archiveStateSchema.parse(JSON.parse(readFileSync(path.join(CONTENT_DIR, ARCHIVE_STATE_FILE), 'utf8')));
}

export const keyOf = (post: Pick<Post, 'platform' | 'id'>) => `${post.platform}/${post.id}`;

/** The dist/ file that a site URL path (with the base) is served from. */
export function distFileForPath(urlPath: string): string {
  if (!urlPath.startsWith(BASE_PATH)) throw new Error(`${urlPath} is not under the site's base path ${BASE_PATH}`);
  const relative = decodeURIComponent(urlPath.slice(BASE_PATH.length));
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  return path.join(DIST_DIR, ...file.split('/'));
}

export function readDist(relative: string): string {
  return readFileSync(path.join(DIST_DIR, relative), 'utf8');
}

/** Every file below a folder whose name passes the test, as paths relative to that folder (with "/"). */
export function listFiles(dir: string, keep: (name: string) => boolean, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...listFiles(path.join(dir, entry.name), keep, relative));
    else if (keep(entry.name)) found.push(relative);
  }
  return found.sort();
}

/** Posts whose kind is one of the given kinds (listed posts only), newest first. */
export function postsOfKind(...kinds: Post['kind'][]): Post[] {
  return readListedPosts().filter((post) => kinds.includes(post.kind));
}

/** The listed post with the longest text. */
export function longestTextPost(): Post {
  const posts = readListedPosts();
  if (posts.length === 0) throw new Error('The archive has no listed posts.');
  return posts.reduce((a, b) => ([...b.text].length > [...a.text].length ? b : a));
}
