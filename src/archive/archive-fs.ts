/**
 * The one Node reader and writer of `content/` (Node-only, as its name says: the site's pages read
 * posts through the content collection, never through this file).
 *
 * Git history is the audit trail, so every write is atomic (a crash leaves the old file or the new one,
 * never half of one) and formatting is stable (2-space JSON in schema key order, "\n" line ends), so that
 * `git diff` shows only real changes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ArchiveFileError, ItemError } from './errors.ts';
import { ARCHIVE_STATE_FILE, EMPTY_ARCHIVE_STATE, POST_FILE, POSTS_DIR, TEMP_FILE, WITHDRAWALS_DIR, withdrawalFile } from './layout.ts';
import { describeIssues, parseJsonText } from './parse.ts';
import { isValidPostId, PLATFORMS, postFolder, postKey, storedPostSchema, type Platform, type Post } from './post.ts';
import { archiveStateSchema, type ArchiveState } from './state.ts';
import { withdrawalSchema, type Withdrawal } from './withdrawal.ts';

/** A file of `content/` that could not be used, relative to `content/` with "/", and why. */
export interface FileProblem {
  file: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------
// Atomic writes
//
// Kept by hand rather than from write-file-atomic: that library names its temp files `<name>.<number>`
// (not recognisable as ours after a SIGKILL, when its exit handler never runs) and does not fsync the
// folder after the rename. Here a killed run's leftovers match TEMP_FILE and the next run removes them.

/** Writes a temp file in the same folder, flushes it to disk, and renames it over `path`. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      // Without the flush a power cut after the rename can leave the new name pointing at empty blocks.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable. Best effort: some systems (Windows) cannot open a folder for this. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is safely in the file either way; only the rename's durability is at stake.
  }
}

/**
 * Deletes temp files a killed run left in `content/` and under `content/posts/`; returns their paths.
 * Call it only while holding the sync lock: another running sync's temp files look just the same.
 */
export async function removeStaleTempFiles(contentDir: string): Promise<string[]> {
  const found = [...(await tempFilesIn(contentDir, false)), ...(await tempFilesIn(join(contentDir, POSTS_DIR), true))];
  for (const path of found) await rm(path, { force: true });
  return found;
}

async function tempFilesIn(folder: string, recursive: boolean): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdirIfExists(folder)) {
    const path = join(folder, entry.name);
    if (entry.isFile() && TEMP_FILE.test(entry.name)) found.push(path);
    // Dirent.isDirectory() is false for symlinks, so the walk never leaves the archive.
    else if (recursive && entry.isDirectory()) found.push(...(await tempFilesIn(path, true)));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Posts

/** The folder of one post; `postFolder` refuses ids that could climb out of `content/`. */
export function postDirectory(contentDir: string, platform: Platform, id: string): string {
  return join(contentDir, postFolder(platform, id));
}

/** A post as its file holds it: validated, keys in schema order, 2-space JSON, trailing "\n". */
export function serializePost(post: Post): string {
  const result = storedPostSchema.safeParse(post);
  if (!result.success) {
    const issues = describeIssues(result.error.issues, '(post)');
    const message = `Refusing to write ${String(post?.platform)}/${String(post?.id)}: it does not match the post schema (${issues})`;
    throw isPlatform(post?.platform) ? new ItemError(post.platform, post.id, message) : new Error(message);
  }
  return formatJson(result.data);
}

/** Writes `post.json` (validated first, so nothing invalid reaches the disk); says whether it changed. */
export async function writePost(contentDir: string, post: Post): Promise<'created' | 'updated' | 'unchanged'> {
  const text = serializePost(post);
  const folder = postDirectory(contentDir, post.platform, post.id);
  const path = join(folder, POST_FILE);
  const before = await readIfExists(path);
  // Skipping identical writes keeps a run of thousands of posts from fsyncing each one.
  if (before === text) return 'unchanged';
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(path, text);
  return before === undefined ? 'created' : 'updated';
}

export interface ArchivedPosts {
  /** Valid posts by `<platform>/<id>`, in sorted order. */
  posts: Map<string, Post>;
  /** Files that could not be read as a post; the sync must leave them alone. */
  problems: FileProblem[];
}

/**
 * Reads every `content/posts/<platform>/<id>/post.json`. A file that is not JSON, fails the schema, or whose
 * platform/id differ from its folder is reported, not returned. A post folder without `post.json` (a run
 * killed before writing it) is not a post and not a problem: the sync writes it afresh.
 */
export async function readArchivedPosts(contentDir: string): Promise<ArchivedPosts> {
  const archive: ArchivedPosts = { posts: new Map(), problems: [] };
  const report = (path: string, message: string) => archive.problems.push({ file: relativeFile(contentDir, path), message });
  const postsDir = join(contentDir, POSTS_DIR);

  for (const platformEntry of sortedVisible(await readdirIfExists(postsDir))) {
    const platformDir = join(postsDir, platformEntry.name);
    if (!platformEntry.isDirectory() || !isPlatform(platformEntry.name)) {
      report(platformDir, `not a platform folder (expected one of: ${PLATFORMS.join(', ')})`);
      continue;
    }
    const platform = platformEntry.name;
    for (const postEntry of sortedVisible(await readdirIfExists(platformDir))) {
      const folder = join(platformDir, postEntry.name);
      if (!postEntry.isDirectory() || !isValidPostId(platform, postEntry.name)) {
        report(folder, `not a post folder (the name must be a valid ${platform} id)`);
        continue;
      }
      const file = join(folder, POST_FILE);
      let text: string | undefined;
      try {
        text = await readIfExists(file);
      } catch (error) {
        report(file, `cannot be read (${errorCode(error) ?? (error as Error).message})`);
        continue;
      }
      if (text === undefined) continue;
      const outcome = parsePostFile(text, platform, postEntry.name);
      if ('post' in outcome) archive.posts.set(postKey(outcome.post), outcome.post);
      else report(file, outcome.problem);
    }
  }
  return archive;
}

/** One post file's text checked as JSON, against the schema, and against the folder it sits in. */
function parsePostFile(text: string, platform: Platform, folderId: string): { post: Post } | { problem: string } {
  const parsed = parseJsonText(storedPostSchema, text, 'post', '(post)');
  if ('problem' in parsed) return parsed;
  const post = parsed.value;
  if (post.platform !== platform || post.id !== folderId) {
    return { problem: `holds ${post.platform}/${post.id} but sits in the folder of ${platform}/${folderId}` };
  }
  return { post };
}

// ---------------------------------------------------------------------------------------------------------
// Withdrawals

export interface ReadWithdrawals {
  /** Valid withdrawals, each named for the post it withdraws, in path order. */
  withdrawals: { file: string; withdrawal: Withdrawal }[];
  /** Files that are not valid withdrawals (or sit where none belongs). */
  problems: FileProblem[];
}

/** Every `content/withdrawals/<platform>/<id>.json`, checked as JSON, against the schema and against its own name. */
export async function readWithdrawals(contentDir: string): Promise<ReadWithdrawals> {
  const result: ReadWithdrawals = { withdrawals: [], problems: [] };
  const root = join(contentDir, WITHDRAWALS_DIR);
  for (const platformEntry of sortedVisible(await readdirIfExists(root))) {
    const platform = platformEntry.name;
    if (!platformEntry.isDirectory() || !isPlatform(platform)) continue; // verify's layout walk reports these
    for (const entry of sortedVisible(await readdirIfExists(join(root, platform)))) {
      const id = entry.name.endsWith('.json') ? entry.name.slice(0, -'.json'.length) : undefined;
      if (!entry.isFile() || id === undefined || !isValidPostId(platform, id)) continue; // likewise
      const file = withdrawalFile(platform, id);
      const outcome = parseWithdrawal(await readFile(join(contentDir, file), 'utf8'), platform, id);
      if ('withdrawal' in outcome) result.withdrawals.push({ file, withdrawal: outcome.withdrawal });
      else result.problems.push({ file, message: outcome.problem });
    }
  }
  return result;
}

/** One withdrawal file's text checked as JSON, against the schema, and against its own name. */
export function parseWithdrawal(text: string, platform: Platform, id: string): { withdrawal: Withdrawal } | { problem: string } {
  const parsed = parseJsonText(withdrawalSchema, text, 'withdrawal');
  if ('problem' in parsed) return parsed;
  const withdrawal = parsed.value;
  if (withdrawal.platform !== platform || withdrawal.id !== id) {
    return { problem: `names ${withdrawal.platform}/${withdrawal.id}, but its path says ${platform}/${id}: the file must be named for the post it withdraws` };
  }
  return { withdrawal };
}

// ---------------------------------------------------------------------------------------------------------
// content/archive.json

/** Why `content/archive.json` cannot be used: unreadable, not JSON, or not its schema (`detail` says how). */
export interface ArchiveStateProblem {
  invalid: 'unreadable' | 'json' | 'schema';
  detail: string;
}

/** `content/archive.json` as data: the state (an empty archive when the file is missing), or what is wrong with it. */
export async function readArchiveStateFile(contentDir: string): Promise<{ state: ArchiveState; missing: boolean } | ArchiveStateProblem> {
  let text: string | undefined;
  try {
    text = await readIfExists(join(contentDir, ARCHIVE_STATE_FILE));
  } catch (error) {
    return { invalid: 'unreadable', detail: errorCode(error) ?? (error as Error).message };
  }
  if (text === undefined) return { state: { ...EMPTY_ARCHIVE_STATE }, missing: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { invalid: 'json', detail: (error as Error).message };
  }
  const result = archiveStateSchema.safeParse(value);
  if (!result.success) return { invalid: 'schema', detail: describeIssues(result.error.issues, '(file)') };
  return { state: result.data, missing: false };
}

/** The problem in words: "is not valid JSON (…)", "does not match its schema (src/archive/state.ts): …". */
export function describeArchiveStateProblem(problem: ArchiveStateProblem): string {
  switch (problem.invalid) {
    case 'unreadable':
      return `cannot be read (${problem.detail})`;
    case 'json':
      return `is not valid JSON (${problem.detail})`;
    case 'schema':
      return `does not match its schema (src/archive/state.ts): ${problem.detail}`;
  }
}

/** Reads `content/archive.json`; a missing file is a new, empty archive; a broken one an `ArchiveFileError`. */
export async function readArchiveState(contentDir: string): Promise<ArchiveState> {
  const outcome = await readArchiveStateFile(contentDir);
  if ('invalid' in outcome) throw new ArchiveFileError(ARCHIVE_STATE_FILE, describeArchiveStateProblem(outcome));
  return outcome.state;
}

export async function writeArchiveState(contentDir: string, state: ArchiveState): Promise<void> {
  await writeFileAtomic(join(contentDir, ARCHIVE_STATE_FILE), formatJson(archiveStateSchema.parse(state)));
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/** Stable JSON for git: 2 spaces, "\n" at the end. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function isPlatform(value: unknown): value is Platform {
  return (PLATFORMS as readonly unknown[]).includes(value);
}

function relativeFile(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join('/');
}

/** A file's text, or undefined when it does not exist (any other failure is thrown). */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function readdirIfExists(folder: string) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** Dot-files (`.DS_Store`, our temp files, the lock) are never posts; sorted for a stable order. */
function sortedVisible<T extends { name: string }>(entries: T[]): T[] {
  return entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The `code` of a Node file-system error (ENOENT, EEXIST, …). */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
