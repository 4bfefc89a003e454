/**
 * The names of `content/`, in one place: where posts, withdrawals and the archive's own state live,
 * and which file names the sync uses while it writes. Pure (no Node built-ins), so the site may import it.
 *
 *   content/archive.json                       the archive's state (state.ts)
 *   content/posts/<platform>/<id>/post.json    one post (post.ts), its media beside it
 *   content/withdrawals/<platform>/<id>.json   a staff withdrawal (withdrawal.ts)
 */
import type { ArchiveState } from './state.ts';

export const ARCHIVE_STATE_FILE = 'archive.json';
export const POSTS_DIR = 'posts';
export const POST_FILE = 'post.json';
export const WITHDRAWALS_DIR = 'withdrawals';

/** The lock a running sync holds (`content/.sync.lock`); it is never committed. */
export const LOCK_FILE = '.sync.lock';

/** Temp files of an atomic write: `.<target name>.<pid>.<random hex>.tmp`, beside the target. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]+\.tmp$/;

/** The state of an archive no sync has touched yet. */
export const EMPTY_ARCHIVE_STATE: ArchiveState = Object.freeze({ schemaVersion: 1, sample: false, lastSyncAt: null });

/** `withdrawals/<platform>/<id>.json`, relative to `content/`. */
export function withdrawalFile(platform: string, id: string): string {
  return `${WITHDRAWALS_DIR}/${platform}/${id}.json`;
}
