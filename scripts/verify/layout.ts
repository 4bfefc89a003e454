/**
 * The shape of `content/`: which folders and files may exist where. One walk lists the post folders for
 * the other checks, and reports everything that has no place in the archive.
 *
 *   content/archive.json
 *   content/posts/<platform>/<id>/post.json + the media files it names
 *   content/withdrawals/<platform>/<id>.json
 *
 * Division of work with `readArchivedPosts` (src/archive/archive-fs.ts), which the caller also runs: it already
 * reports every visible entry of `posts/` and `posts/<platform>/` that is not a platform or post folder,
 * and every post.json it cannot accept. This walk adds what it skips on purpose: hidden entries there
 * (the sync ignores them; an archive must not hold them), everything inside post folders, and the rest
 * of `content/`.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidPostId, PLATFORMS, type Platform } from '#archive/post.ts';
import { ARCHIVE_STATE_FILE, LOCK_FILE, POST_FILE, POSTS_DIR, TEMP_FILE, WITHDRAWALS_DIR } from '#archive/layout.ts';
import { error, type Problem } from './problems.ts';

export interface PostFolder {
  platform: Platform;
  id: string;
  /** Relative to `content/`, with "/". */
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
}

const TEMP_FILE_NOTE = 'a temporary file left by a sync that was killed mid-write; the next sync removes it (never commit it)';
const LOCK_NOTE =
  'the sync lock: a sync is running (verify again when it has finished) or was killed (the next sync takes the lock over). ' +
  'Never commit it: a committed lock names another machine, and every sync on a fresh checkout would refuse to run';

export async function readLayout(contentDir: string): Promise<ArchiveLayout> {
  const layout: ArchiveLayout = { postFolders: [], postsReadable: true, paths: [], problems: [] };
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
  for (const platformEntry of await listFolder(contentDir, POSTS_DIR, layout)) {
    const platformPath = `${POSTS_DIR}/${platformEntry.name}`;
    if (platformEntry.name.startsWith('.')) {
      layout.problems.push(hiddenEntryProblem(platformPath, platformEntry.name));
      continue;
    }
    // Any other visible stray is reported by readArchivedPosts.
    if (!platformEntry.isDirectory() || !isPlatform(platformEntry.name)) continue;
    const platform = platformEntry.name;
    for (const postEntry of await listFolder(contentDir, platformPath, layout)) {
      const path = `${platformPath}/${postEntry.name}`;
      if (postEntry.name.startsWith('.')) layout.problems.push(hiddenEntryProblem(path, postEntry.name));
      else if (postEntry.isDirectory() && isValidPostId(platform, postEntry.name)) {
        layout.postFolders.push(await readPostFolder(contentDir, platform, postEntry.name, layout));
      }
    }
  }
}

async function readPostFolder(contentDir: string, platform: Platform, id: string, layout: ArchiveLayout): Promise<PostFolder> {
  const folder: PostFolder = { platform, id, path: `${POSTS_DIR}/${platform}/${id}`, hasPostFile: false, files: [] };
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
    for (const entry of await listFolder(contentDir, platformPath, layout)) {
      const path = `${platformPath}/${entry.name}`;
      const id = entry.name.endsWith('.json') ? entry.name.slice(0, -'.json'.length) : undefined;
      // A well-named file is read and checked by readWithdrawals; here only what has no place is reported.
      if (!entry.isFile() || id === undefined || !isValidPostId(platform, id)) layout.problems.push(error(path, `not a withdrawal file (expected a file named <${platform} id>.json)`));
    }
  }
}

/** A folder's entries in a stable order; each is also recorded for the letter-case check. */
async function listFolder(contentDir: string, path: string, layout: ArchiveLayout): Promise<Dirent[]> {
  const entries = await readdir(join(contentDir, path), { withFileTypes: true });
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
