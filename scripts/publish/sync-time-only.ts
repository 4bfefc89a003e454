/**
 * `node scripts/publish/sync-time-only.ts`: exits 0 when the staged `content/archive.json` differs from
 * the committed one in `lastSyncAt` alone, 1 otherwise (any other change, a new file, or an error).
 *
 * Every run stamps `lastSyncAt`; committing that stamp alone would add 48 empty commits a day and bury
 * the real changes in git history. The published site still shows the run's time: it is built from the
 * working tree. Anything else in the file (the Instagram token's expiry, the uploads playlist) is kept.
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
  process.exitCode = staged !== undefined && onlySyncTimeChanged(gitShow(`HEAD:${file}`), staged) ? 0 : 1;
}
