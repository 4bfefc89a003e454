/**
 * `node scripts/publish/sync-time-only.ts`: exits 0 when the staged `content/archive.json` differs from
 * the committed one in `lastSyncAt` alone and the committed stamp is under 22 hours old, 1 otherwise (any
 * other change, a new file, a day-old stamp, or an error): 0 leaves the change uncommitted.
 *
 * Every run stamps `lastSyncAt`; committing that stamp alone would add 48 empty commits a day and bury
 * the real changes in git history. Once a day it is committed anyway: the site is built from commits
 * only, and its "last sync" should never be more than a day old (the new commit is then published,
 * as any commit the live site lacks is). Anything else in the file (the token's expiry) is kept.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

/** Whether two versions of archive.json differ in `lastSyncAt` only (unreadable text counts as a change). */
export function onlySyncTimeChanged(before: string | undefined, after: string): boolean {
  if (before === undefined) return false;
  try {
    const [a, b] = [JSON.parse(before), JSON.parse(after)];
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
    delete a.lastSyncAt;
    delete b.lastSyncAt;
    return isDeepStrictEqual(a, b);
  } catch {
    return false;
  }
}

/** Committed sync times older than this are renewed by a commit of the new one. */
export const SYNC_TIME_COMMIT_HOURS = 22;

/** Whether the change can stay uncommitted: the sync time alone moved, less than a day after the committed one. */
export function syncTimeCanWait(before: string | undefined, after: string): boolean {
  if (!onlySyncTimeChanged(before, after)) return false;
  const [was, now] = [JSON.parse(before!).lastSyncAt, JSON.parse(after).lastSyncAt];
  const age = Date.parse(now) - Date.parse(was);
  return Number.isFinite(age) && age < SYNC_TIME_COMMIT_HOURS * 3_600_000;
}

function gitShow(spec: string): string | undefined {
  try {
    return execFileSync('git', ['show', spec], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = 'content/archive.json';
  const staged = gitShow(`:${file}`);
  process.exitCode = staged !== undefined && syncTimeCanWait(gitShow(`HEAD:${file}`), staged) ? 0 : 1;
}
