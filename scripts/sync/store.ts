/**
 * The archive on disk: `content/posts/<platform>/<id>/post.json` and `content/archive.json`.
 *
 * Git history is the audit trail, so every write is atomic (a crash leaves the old file or the new one,
 * never half of one) and formatting is stable (2-space JSON in schema key order, "\n" line ends), so that
 * `git diff` shows only real changes. A lock file keeps two syncs from writing the same archive at once.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { hostname } from 'node:os';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { archiveStateSchema, ARCHIVE_STATE_FILE, type ArchiveState } from '#archive/state.ts';
import { PLATFORMS, isValidPostId, postFolder, postKey, postSchema, type Platform, type Post } from '#archive/post.ts';
import { FatalSyncError, ItemError } from './errors.ts';
import { describeIssues } from '#archive/parse.ts';

// ---------------------------------------------------------------------------------------------------------
// Atomic writes

/** Our temp files: `.<target name>.<pid>.<random hex>.tmp`, beside the target (a rename never crosses disks). */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]+\.tmp$/;

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
  const found = [
    ...(await tempFilesIn(contentDir, false)),
    ...(await tempFilesIn(join(contentDir, 'posts'), true)),
  ];
  for (const path of found) await rm(path, { force: true });
  return found;
}

async function tempFilesIn(folder: string, recursive: boolean): Promise<string[]> {
  const entries = await readdirIfExists(folder);
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isFile() && TEMP_FILE.test(entry.name)) found.push(path);
    // Dirent.isDirectory() is false for symlinks, so the walk never leaves the archive.
    else if (recursive && entry.isDirectory()) found.push(...(await tempFilesIn(path, true)));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The sync lock

export interface SyncLock {
  path: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

export const LOCK_FILE = '.sync.lock';
/** An unreadable lock this old is a leftover, not a sync being started. */
const CORRUPT_LOCK_MAX_AGE_MS = 6 * 60 * 60 * 1000;
/** The guard file held while a stale lock is removed; this old, its holder died in those few milliseconds. */
const BREAKER_MAX_AGE_MS = 60_000;

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

const LOCK_ACTION = 'Wait for the other sync to finish; if none is running, delete content/.sync.lock';

/**
 * Takes `content/.sync.lock`, or throws FatalSyncError('locked') while another live sync holds it.
 * A lock left by a dead process on this host, or an unreadable one older than 6 hours, is taken over.
 * `now` gives the lock's `startedAt` only; ages are measured against file times, on the real clock.
 */
export async function acquireLock(contentDir: string, now: () => Date = () => new Date()): Promise<SyncLock> {
  const path = join(contentDir, LOCK_FILE);
  // Several rounds: after a stale lock is removed, another process may still win the race to create it.
  for (let round = 0; round < 20; round++) {
    const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: now().toISOString() };
    const content = `${JSON.stringify(owner)}\n`;
    if (await createExclusive(path, content, contentDir)) return heldLock(path, content);

    const existing = await inspectLock(path);
    if (existing.state === 'gone') continue;
    if (existing.state === 'held') throw lockedError(existing.description);
    const removal = await removeStaleLock(path, existing.raw);
    if (removal === 'busy') await delay(25);
  }
  throw lockedError('a stale lock is being removed by another process, which did not finish within a second');
}

/** Creates the file only if it does not exist ('wx' is atomic); false if it does. */
async function createExclusive(path: string, content: string, contentDir: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (errorCode(error) === 'ENOENT') {
      throw new FatalSyncError('configuration', `The content folder ${contentDir} does not exist.`, 'Run the sync from the repository root, or create the content folder.');
    }
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
  return true;
}

function heldLock(path: string, content: string): SyncLock {
  return {
    path,
    async release() {
      // Remove only our own lock: never one that someone else took after ours was (wrongly) broken.
      if ((await readIfExists(path)) === content) await rm(path, { force: true });
    },
  };
}

type LockInspection =
  | { state: 'gone' }
  | { state: 'held'; description: string }
  | { state: 'stale'; raw: string };

/** Decides whether an existing lock belongs to a live sync. */
async function inspectLock(path: string): Promise<LockInspection> {
  let raw: string;
  let modifiedAt: Date;
  try {
    [raw, modifiedAt] = await Promise.all([readFile(path, 'utf8'), stat(path).then((info) => info.mtime)]);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'gone' };
    throw error;
  }
  const owner = parseLockOwner(raw);
  if (!owner) {
    // Real time, not the injectable clock: mtime is real time too.
    if (Date.now() - modifiedAt.getTime() > CORRUPT_LOCK_MAX_AGE_MS) return { state: 'stale', raw };
    // Possibly a sync that created the file a moment ago and has not written it yet.
    return { state: 'held', description: `content/${LOCK_FILE} exists but cannot be read; it was last changed at ${modifiedAt.toISOString()}` };
  }
  if (owner.hostname === hostname() && !isProcessAlive(owner.pid)) return { state: 'stale', raw };
  return {
    state: 'held',
    description: `another sync holds content/${LOCK_FILE}: process ${owner.pid} on ${owner.hostname}, started at ${owner.startedAt}`,
  };
}

function parseLockOwner(raw: string): LockOwner | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner> | null;
    if (
      value && Number.isInteger(value.pid) && value.pid! > 0 &&
      typeof value.hostname === 'string' && value.hostname !== '' && typeof value.startedAt === 'string'
    ) {
      return { pid: value.pid!, hostname: value.hostname, startedAt: value.startedAt };
    }
  } catch {
    // Falls through: corrupt.
  }
  return undefined;
}

/** Signal 0 checks existence only. EPERM means the process exists but belongs to someone else. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

/**
 * Removes a stale lock, under a short-lived guard file. Without the guard, two runs that both judged the
 * same old lock stale could race: the first removes it and takes a fresh lock, the second then deletes
 * that fresh lock, and both would sync. Under the guard the lock is re-read and removed only if unchanged.
 */
async function removeStaleLock(path: string, staleContent: string): Promise<'done' | 'busy'> {
  const breaker = `${path}.breaking`;
  let guard;
  try {
    guard = await open(breaker, 'wx');
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    // Real time, as above: this guards a few milliseconds of real work.
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtime.getTime() > BREAKER_MAX_AGE_MS) await rm(breaker, { force: true });
    return 'busy';
  }
  try {
    if ((await readIfExists(path)) === staleContent) await unlink(path);
  } finally {
    await guard.close();
    await rm(breaker, { force: true });
  }
  return 'done';
}

function lockedError(description: string): FatalSyncError {
  return new FatalSyncError('locked', `The archive is locked: ${description}.`, LOCK_ACTION);
}

// ---------------------------------------------------------------------------------------------------------
// Posts

export const POST_FILE = 'post.json';

/** The folder of one post; `postFolder` refuses ids that could climb out of `content/`. */
export function postDirectory(contentDir: string, platform: Platform, id: string): string {
  return join(contentDir, postFolder(platform, id));
}

/** A post as its file holds it: validated, keys in schema order, 2-space JSON, trailing "\n". */
export function serializePost(post: Post): string {
  const result = postSchema.safeParse(post);
  if (!result.success) {
    const issues = describeIssues(result.error.issues, '(post)');
    const message = `Refusing to write ${describePost(post)}: it does not match the post schema (${issues})`;
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
  /** Files (relative to `content/`, with "/") that could not be read as a post; the sync must leave them alone. */
  problems: { file: string; message: string }[];
}

/**
 * Reads every `content/posts/<platform>/<id>/post.json`. A file that is not JSON, fails the schema, or whose
 * platform/id differ from its folder is reported, not returned. A post folder without `post.json` (a run
 * killed before writing it) is not a post and not a problem: the sync writes it afresh.
 */
export async function readArchivedPosts(contentDir: string): Promise<ArchivedPosts> {
  const archive: ArchivedPosts = { posts: new Map(), problems: [] };
  const postsDir = join(contentDir, 'posts');
  const report = (path: string, message: string) =>
    archive.problems.push({ file: relative(contentDir, path).split(sep).join('/'), message });

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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  const result = postSchema.safeParse(value);
  if (!result.success) {
    return { problem: `does not match the post schema: ${describeIssues(result.error.issues, '(post)')}` };
  }
  const post = result.data;
  if (post.platform !== platform || post.id !== folderId) {
    return { problem: `holds ${post.platform}/${post.id} but sits in the folder of ${platform}/${folderId}` };
  }
  return { post };
}

// ---------------------------------------------------------------------------------------------------------
// content/archive.json

const EMPTY_ARCHIVE_STATE: ArchiveState = { schemaVersion: 1, sample: false, lastSyncAt: null };

/** Reads `content/archive.json`; a missing file is a new, empty archive. */
export async function readArchiveState(contentDir: string): Promise<ArchiveState> {
  const text = await readIfExists(join(contentDir, ARCHIVE_STATE_FILE));
  if (text === undefined) return { ...EMPTY_ARCHIVE_STATE };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw archiveStateError(`is not valid JSON (${(error as Error).message})`);
  }
  const result = archiveStateSchema.safeParse(value);
  if (!result.success) {
    throw archiveStateError(`does not match its schema: ${describeIssues(result.error.issues, '(file)')}`);
  }
  return result.data;
}

export async function writeArchiveState(contentDir: string, state: ArchiveState): Promise<void> {
  await writeFileAtomic(join(contentDir, ARCHIVE_STATE_FILE), formatJson(archiveStateSchema.parse(state)));
}

function archiveStateError(problem: string): FatalSyncError {
  return new FatalSyncError(
    'configuration',
    `content/${ARCHIVE_STATE_FILE} ${problem}.`,
    `Fix content/${ARCHIVE_STATE_FILE} (see src/schemas/archive.ts) or restore it from git history.`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/** Stable JSON for git: 2 spaces, "\n" at the end. */
function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function isPlatform(value: unknown): value is Platform {
  return (PLATFORMS as readonly unknown[]).includes(value);
}

function describePost(post: Partial<Post> | undefined): string {
  return `${String(post?.platform)}/${String(post?.id)}`;
}

async function readIfExists(path: string): Promise<string | undefined> {
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

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
