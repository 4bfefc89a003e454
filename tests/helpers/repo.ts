/**
 * Where things are, and what the archive in content/ holds, read through the archive's one reader
 * (src/archive/archive-fs.ts) but otherwise independently of the site's code: which posts are listed,
 * and in what order, is worked out here again, so the site tests compare the built output with the
 * source of truth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchivedPosts, readArchiveState as readStateFile, readWithdrawals as readWithdrawalFiles } from '#archive/archive-fs.ts';
import { POSTS_DIR } from '#archive/layout.ts';
import type { Post } from '#archive/post.ts';
import type { ArchiveState } from '#archive/state.ts';
import type { Withdrawal } from '#archive/withdrawal.ts';
import { siteConfig } from '#site/site.config.ts';
import { applyWithdrawals } from '#site/utils/withdrawals.ts';
import { createPaths } from '#site/utils/paths.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');
export const CONTENT_DIR = path.join(REPO_ROOT, 'content');

export { siteConfig };
export const sitePaths = createPaths(siteConfig.baseUrl);
/** The base path of every URL on the site, e.g. "/warta/". */
export const BASE_PATH = sitePaths.home();

/** The committed archive, read once; any file the reader cannot accept fails every test that looks. */
const archive = await (async () => {
  if (!existsSync(path.join(CONTENT_DIR, POSTS_DIR))) throw new Error(`No archive found: ${path.join(CONTENT_DIR, POSTS_DIR)} does not exist.`);
  const [posts, withdrawals, state] = await Promise.all([readArchivedPosts(CONTENT_DIR), readWithdrawalFiles(CONTENT_DIR), readStateFile(CONTENT_DIR)]);
  const problems = [...posts.problems, ...withdrawals.problems];
  if (problems.length) throw new Error(`content/ has files the archive reader refuses: ${problems.map((problem) => `${problem.file}: ${problem.message}`).join('; ')}`);
  return { posts: [...posts.posts.values()], withdrawals: withdrawals.withdrawals.map((entry) => entry.withdrawal), state };
})();

/** Every post in content/posts/<platform>/<shard>/<id>/post.json, in `<platform>/<id>` order. */
export function readAllPosts(): Post[] {
  return [...archive.posts];
}

/** Every staff withdrawal in content/withdrawals/<platform>/<shard>/<id>.json. */
export function readWithdrawals(): Withdrawal[] {
  return [...archive.withdrawals];
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
  return archive.state;
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
