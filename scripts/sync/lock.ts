/**
 * The sync lock, `content/.sync.lock`: one sync at a time per archive. It records who holds it (pid,
 * host, start); a lock whose process is gone from this host, or an unreadable one older than 6 hours, is
 * taken over, under a short-lived guard file so that two runs never both break the same stale lock.
 *
 * Kept by hand rather than from proper-lockfile: that library judges a lock stale by its age (its holder
 * touches it every few seconds), so a run started right after a killed one is refused until the lock
 * ages out, while this one sees at once that the holder's process is gone.
 */
import { open, readFile, rm, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { errorCode, readIfExists } from '#archive/archive-fs.ts';
import { LOCK_FILE } from '#archive/layout.ts';
import { FatalSyncError } from './errors.ts';

export { LOCK_FILE };

export interface SyncLock {
  path: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

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
