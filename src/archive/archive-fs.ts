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
import { basename, dirname, join } from 'node:path';
import type { Dirent } from 'node:fs';
import { ArchiveFileError, ItemError, MisplacedFilesError, type Misplaced } from './errors.ts';
import {
  ARCHIVE_STATE_FILE,
  EMPTY_ARCHIVE_STATE,
  locatePostFolder,
  locateWithdrawalFile,
  misplacedMessage,
  POST_FILE,
  postFolder,
  POSTS_DIR,
  SHARD_PATTERN,
  TEMP_FILE,
  withdrawalFile,
  WITHDRAWALS_DIR,
  type Located,
} from './layout.ts';
import { describeIssues, parseJsonText } from './parse.ts';
import { PLATFORMS, postKey, storedPostSchema, type Platform, type Post } from './post.ts';
import { archiveStateSchema, type ArchiveState } from './state.ts';
import { withdrawalSchema, type Withdrawal } from './withdrawal.ts';
import { FILES_AT_ONCE, inTurns } from '../utils/in-turns.ts';

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

/** Level by level, each level's folders listed FILES_AT_ONCE at a time: an archive has one folder per post. */
async function tempFilesIn(folder: string, recursive: boolean): Promise<string[]> {
  const found: string[] = [];
  let level = [folder];
  while (level.length) {
    const listings = await inTurns(level, FILES_AT_ONCE, async (dir) => ({ dir, entries: await readdirIfExists(dir) }));
    level = [];
    for (const { dir, entries } of listings) {
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isFile() && TEMP_FILE.test(entry.name)) found.push(path);
        // Dirent.isDirectory() is false for symlinks, so the walk never leaves the archive.
        else if (recursive && entry.isDirectory()) level.push(path);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Posts

/** The folder of one post (layout.ts); `postFolder` refuses ids that could climb out of `content/`. */
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
 * Reads every `content/posts/<platform>/<shard>/<id>/post.json`. A file that is not JSON, fails the schema,
 * or whose platform/id differ from its folder is reported, not returned. A post folder without `post.json`
 * (a run killed before writing it) is not a post and not a problem: the sync writes it afresh.
 * A post folder outside its shard throws a `MisplacedFilesError`: skipped, its post would look new to the sync.
 */
export async function readArchivedPosts(contentDir: string): Promise<ArchivedPosts> {
  const { folders, problems } = await findPostFolders(contentDir);
  refuseMisplaced(folders, postFolder);
  // Read FILES_AT_ONCE at a time (one by one, a 10,000-post archive waits on 40,000 file operations in
  // turn), then taken in folder order, so the map and the problems come out as from a serial read.
  const outcomes = await inTurns(folders, FILES_AT_ONCE, async ({ path, platform, id }) => {
    const file = `${path}/${POST_FILE}`;
    let text: string | undefined;
    try {
      text = await readIfExists(join(contentDir, file));
    } catch (error) {
      return { file, problem: `cannot be read (${errorCode(error) ?? (error as Error).message})` };
    }
    return text === undefined ? undefined : { file, ...parsePostFile(text, platform, id) };
  });
  const archive: ArchivedPosts = { posts: new Map(), problems };
  for (const outcome of outcomes) {
    if (!outcome) continue;
    if ('post' in outcome) archive.posts.set(postKey(outcome.post), outcome.post);
    else problems.push({ file: outcome.file, message: outcome.problem });
  }
  return archive;
}

/** A post folder or withdrawal file found in `content/`: which one, where (relative, "/"), and whether in its place. */
export interface Found extends Located {
  path: string;
}

/**
 * Every post folder under `content/posts/`, in its shard or not, in `<platform>/<id>` order, and the visible
 * entries that are neither a platform, a shard nor a post folder.
 */
export async function findPostFolders(contentDir: string): Promise<{ folders: Found[]; problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  const folders: Found[] = [];
  const notPlatform = (path: string) => problems.push({ file: path, message: `not a platform folder (expected one of: ${PLATFORMS.join(', ')})` });
  for (const { path, platform, entry } of await shardedEntries(contentDir, POSTS_DIR, notPlatform)) {
    const located = entry.isDirectory() ? locatePostFolder(path) : undefined;
    if (located) folders.push({ ...located, path });
    else problems.push({ file: path, message: `not a post folder (expected ${POSTS_DIR}/${platform}/<shard>/<a valid ${platform} id>)` });
  }
  return { folders: sortByKey(folders), problems };
}

/** Every `<platform>/<shard>/<id>.json` under `content/withdrawals/`, in its shard or not; anything else is left to verify. */
export async function findWithdrawalFiles(contentDir: string): Promise<Found[]> {
  const found: Found[] = [];
  for (const { path, entry } of await shardedEntries(contentDir, WITHDRAWALS_DIR, () => {})) {
    const located = entry.isFile() ? locateWithdrawalFile(path) : undefined;
    if (located) found.push({ ...located, path });
  }
  return sortByKey(found);
}

/**
 * The entries where posts or withdrawals sit: `<root>/<platform>/<shard>/<entry>`, and the leftovers of the
 * layout before shards, `<root>/<platform>/<entry>` (a name of two hex digits there is taken for a shard).
 */
async function shardedEntries(contentDir: string, root: string, notPlatform: (path: string) => void) {
  const entries: { path: string; platform: Platform; entry: Dirent }[] = [];
  for (const platformEntry of sortedVisible(await readdirIfExists(join(contentDir, root)))) {
    const platformPath = `${root}/${platformEntry.name}`;
    const platform = platformEntry.name;
    if (!platformEntry.isDirectory() || !isPlatform(platform)) {
      notPlatform(platformPath);
      continue;
    }
    const outer = sortedVisible(await readdirIfExists(join(contentDir, platformPath)));
    // The shards' listings, FILES_AT_ONCE at a time, each in the place of its shard.
    const inside = await inTurns(outer, FILES_AT_ONCE, async (entry) =>
      entry.isDirectory() && SHARD_PATTERN.test(entry.name) ? sortedVisible(await readdirIfExists(join(contentDir, platformPath, entry.name))) : undefined,
    );
    for (const [index, entry] of outer.entries()) {
      const path = `${platformPath}/${entry.name}`;
      const shard = inside[index];
      if (!shard) entries.push({ path, platform, entry });
      else for (const inner of shard) entries.push({ path: `${path}/${inner.name}`, platform, entry: inner });
    }
  }
  return entries;
}

/** Every post folder and withdrawal file outside its shard: what `npm run migrate-layout` moves. */
export async function findMisplaced(contentDir: string): Promise<Misplaced[]> {
  const { folders } = await findPostFolders(contentDir);
  return [...misplacedOf(folders, postFolder), ...misplacedOf(await findWithdrawalFiles(contentDir), withdrawalFile)];
}

function misplacedOf(found: readonly Found[], placeOf: (platform: Platform, id: string) => string): Misplaced[] {
  return found.flatMap(({ path, platform, id, placement }) =>
    placement === 'sharded' ? [] : [{ file: path, message: misplacedMessage(placement, placeOf(platform, id)) }],
  );
}

/** Throws a `MisplacedFilesError` naming everything outside the place `placeOf` gives it. */
function refuseMisplaced(found: readonly Found[], placeOf: (platform: Platform, id: string) => string): void {
  const misplaced = misplacedOf(found, placeOf);
  if (misplaced.length) throw new MisplacedFilesError(misplaced);
}

/** In `<platform>/<id>` order, the order of the posts map (one id found in two places: by path). */
function sortByKey(found: Found[]): Found[] {
  const order = (item: Found) => `${postKey(item)}\u0000${item.path}`;
  return found.sort((a, b) => byText(order(a), order(b)));
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
  /** Valid withdrawals, each named for the post it withdraws, in `<platform>/<id>` order. */
  withdrawals: { file: string; withdrawal: Withdrawal }[];
  /** Files that are not valid withdrawals (or sit where none belongs). */
  problems: FileProblem[];
}

/**
 * Every `content/withdrawals/<platform>/<shard>/<id>.json`, checked as JSON, against the schema and against its
 * own name. One outside its shard throws a `MisplacedFilesError`: skipped, its post would be published again.
 */
export async function readWithdrawals(contentDir: string): Promise<ReadWithdrawals> {
  const found = await findWithdrawalFiles(contentDir);
  refuseMisplaced(found, withdrawalFile);
  const result: ReadWithdrawals = { withdrawals: [], problems: [] };
  for (const { path: file, platform, id } of found) {
    const outcome = parseWithdrawal(await readFile(join(contentDir, file), 'utf8'), platform, id);
    if ('withdrawal' in outcome) result.withdrawals.push({ file, withdrawal: outcome.withdrawal });
    else result.problems.push({ file, message: outcome.problem });
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
  return entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => byText(a.name, b.name));
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `code` of a Node file-system error (ENOENT, EEXIST, …). */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
