/**
 * The shape of `content/`: which folders and files may exist where. One walk lists the post folders for
 * the other checks, and reports everything that has no place in the archive.
 *
 *   content/archive.json
 *   content/posts/<platform>/<shard>/<id>/post.json + the media files it names
 *   content/withdrawals/<platform>/<shard>/<id>.json
 *
 * Division of work with `readArchivedPosts` (src/archive/archive-fs.ts), which the caller also runs: it already
 * reports every visible entry of `posts/`, `posts/<platform>/` and `posts/<platform>/<shard>/` that is not a
 * platform, shard or post folder, every post folder outside its shard, and every post.json it cannot
 * accept. This walk adds what it skips on purpose: hidden entries there (the sync ignores them; an archive
 * must not hold them), everything inside post folders, the rest of `content/`, and folders that hold more
 * entries than GitHub advises (MAX_FOLDER_ENTRIES).
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidPostId, PLATFORMS, type Platform } from '#archive/post.ts';
import {
  ARCHIVE_STATE_FILE,
  LOCK_FILE,
  MAX_FOLDER_ENTRIES,
  POST_FILE,
  POSTS_DIR,
  SHARD_PATTERN,
  TEMP_FILE,
  WITHDRAWALS_DIR,
} from '#archive/layout.ts';
import { error, type Problem } from './problems.ts';

export interface PostFolder {
  platform: Platform;
  id: string;
  /** Relative to `content/`, with "/" (its shard's folder, or another when misplaced). */
  path: string;
  /** Whether `post.json` is there; without it the folder is a post a sync never finished. */
  hasPostFile: boolean;
  /** Plain files other than post.json and temp files: the mirrored media, or orphans. */
  files: string[];
}

export interface ArchiveLayout {
  postFolders: PostFolder[];
  /** Whether `posts/` is absent or a real folder, so that `readArchivedPosts` can walk it. */
  postsReadable: boolean;
  /** Every entry met, relative to `content/`, for the letter-case check. */
  paths: string[];
  problems: Problem[];
  /** The most entries a folder may hold before it is reported. */
  maxEntries: number;
}

const TEMP_FILE_NOTE = 'a temporary file left by a sync that was killed mid-write; the next sync removes it (never commit it)';
const LOCK_NOTE =
  'the sync lock: a sync is running (verify again when it has finished) or was killed (the next sync takes the lock over). ' +
  'Never commit it: a committed lock names another machine, and every sync on a fresh checkout would refuse to run';

/** `maxEntries` is for tests, which cannot afford 3,001 real folders. */
export async function readLayout(contentDir: string, maxEntries = MAX_FOLDER_ENTRIES): Promise<ArchiveLayout> {
  const layout: ArchiveLayout = { postFolders: [], postsReadable: true, paths: [], problems: [], maxEntries };
  for (const entry of await listFolder(contentDir, '', layout)) {
    const path = entry.name;
    if (entry.name === ARCHIVE_STATE_FILE) continue; // its own check reads it (and says if it cannot)
    if (entry.name === POSTS_DIR || entry.name === WITHDRAWALS_DIR) {
      if (!entry.isDirectory()) {
        layout.problems.push(error(path, 'must be a folder'));
        if (entry.name === POSTS_DIR) layout.postsReadable = false;
      } else if (entry.name === POSTS_DIR) await readPostsTree(contentDir, layout);
      else await readWithdrawalsTree(contentDir, layout);
      continue;
    }
    // The sync's lock and its short-lived guard file (`.sync.lock.breaking`).
    if (entry.name.startsWith(LOCK_FILE)) layout.problems.push(error(path, LOCK_NOTE));
    else if (TEMP_FILE.test(entry.name)) layout.problems.push(error(path, TEMP_FILE_NOTE));
    else layout.problems.push(error(path, `not part of the archive (content/ holds only ${ARCHIVE_STATE_FILE}, ${POSTS_DIR}/ and ${WITHDRAWALS_DIR}/)`));
  }
  return layout;
}

async function readPostsTree(contentDir: string, layout: ArchiveLayout): Promise<void> {
  for (const { path, platform, entry } of await shardEntries(contentDir, POSTS_DIR, layout)) {
    // Any other visible stray, and a post folder outside its shard, is reported by readArchivedPosts.
    if (entry.isDirectory() && isValidPostId(platform, entry.name)) {
      layout.postFolders.push(await readPostFolder(contentDir, platform, entry.name, path, layout));
    }
  }
}

/**
 * The visible entries of every shard, `<root>/<platform>/<shard>/<entry>`; hidden entries met on the way are
 * reported. Entries beside the shards (the layout before them) are the archive readers' to report.
 */
async function shardEntries(contentDir: string, root: string, layout: ArchiveLayout) {
  const found: { path: string; platform: Platform; entry: Dirent }[] = [];
  const visible = async (path: string) => (await listFolder(contentDir, path, layout)).filter((entry) => {
    if (entry.name.startsWith('.')) layout.problems.push(hiddenEntryProblem(`${path}/${entry.name}`, entry.name));
    return !entry.name.startsWith('.');
  });
  for (const platformEntry of await visible(root)) {
    const platform = platformEntry.name;
    if (!platformEntry.isDirectory() || !isPlatform(platform)) continue;
    for (const shardEntry of await visible(`${root}/${platform}`)) {
      if (!shardEntry.isDirectory() || !SHARD_PATTERN.test(shardEntry.name)) continue;
      const shardPath = `${root}/${platform}/${shardEntry.name}`;
      for (const entry of await visible(shardPath)) found.push({ path: `${shardPath}/${entry.name}`, platform, entry });
    }
  }
  return found;
}

async function readPostFolder(contentDir: string, platform: Platform, id: string, path: string, layout: ArchiveLayout): Promise<PostFolder> {
  const folder: PostFolder = { platform, id, path, hasPostFile: false, files: [] };
  for (const entry of await listFolder(contentDir, folder.path, layout)) {
    const path = `${folder.path}/${entry.name}`;
    if (TEMP_FILE.test(entry.name)) layout.problems.push(error(path, TEMP_FILE_NOTE));
    else if (!entry.isFile()) layout.problems.push(error(path, 'not a plain file: a post folder holds only post.json and its media files'));
    else if (entry.name === POST_FILE) folder.hasPostFile = true;
    else folder.files.push(entry.name);
  }
  return folder;
}

async function readWithdrawalsTree(contentDir: string, layout: ArchiveLayout): Promise<void> {
  for (const platformEntry of await listFolder(contentDir, WITHDRAWALS_DIR, layout)) {
    const platformPath = `${WITHDRAWALS_DIR}/${platformEntry.name}`;
    if (!platformEntry.isDirectory() || !isPlatform(platformEntry.name)) {
      layout.problems.push(error(platformPath, `not a platform folder (expected one of: ${PLATFORMS.join(', ')})`));
      continue;
    }
    const platform = platformEntry.name;
    const notWithdrawal = (path: string) => layout.problems.push(error(path, `not a withdrawal file (expected ${WITHDRAWALS_DIR}/${platform}/<shard>/<${platform} id>.json)`));
    for (const shardEntry of await listFolder(contentDir, platformPath, layout)) {
      const shardPath = `${platformPath}/${shardEntry.name}`;
      // A withdrawal from before the shards is reported by readWithdrawals, with what to run.
      if (!shardEntry.isDirectory() || !SHARD_PATTERN.test(shardEntry.name)) {
        if (!isWithdrawalName(platform, shardEntry)) notWithdrawal(shardPath);
        continue;
      }
      for (const entry of await listFolder(contentDir, shardPath, layout)) {
        // A well-named file is read and checked by readWithdrawals; here only what has no place is reported.
        if (!isWithdrawalName(platform, entry)) notWithdrawal(`${shardPath}/${entry.name}`);
      }
    }
  }
}

/** `<id>.json`, a plain file with a valid id (in its shard or not: readWithdrawals judges the place). */
function isWithdrawalName(platform: Platform, entry: Dirent): boolean {
  return entry.isFile() && entry.name.endsWith('.json') && isValidPostId(platform, entry.name.slice(0, -'.json'.length));
}

/** A folder's entries in a stable order; each is also recorded for the letter-case check, and counted. */
async function listFolder(contentDir: string, path: string, layout: ArchiveLayout): Promise<Dirent[]> {
  const entries = await readdir(join(contentDir, path), { withFileTypes: true });
  if (entries.length > layout.maxEntries) layout.problems.push(error(path || '.', tooManyEntries(entries.length, layout.maxEntries)));
  const sorted = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) layout.paths.push(path ? `${path}/${entry.name}` : entry.name);
  return sorted;
}

/** `.DS_Store` and the like: the sync never reads them, but nothing hidden belongs in the record. */
function hiddenEntryProblem(path: string, name: string): Problem {
  return error(path, TEMP_FILE.test(name) ? TEMP_FILE_NOTE : 'a hidden file or folder, not part of the archive');
}

function isPlatform(name: string): name is Platform {
  return (PLATFORMS as readonly string[]).includes(name);
}

/** GitHub slows down, and its web view truncates, folders of more entries than this. */
function tooManyEntries(count: number, max: number): string {
  return `holds ${count} entries, more than the ${max} GitHub advises for one folder: posts and withdrawals belong in their shards (src/archive/layout.ts)`;
}
