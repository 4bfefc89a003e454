/**
 * The names of `content/`, in one place: where posts, withdrawals and the archive's own state live,
 * and which file names the sync uses while it writes. Pure (no Node built-ins), so the site may import it.
 *
 *   content/archive.json                                 the archive's state (state.ts)
 *   content/posts/<platform>/<shard>/<id>/post.json      one post (post.ts), its media beside it
 *   content/withdrawals/<platform>/<shard>/<id>.json     a staff withdrawal (withdrawal.ts)
 *
 * `<shard>` is the first two hex digits of the sha256 of the id (`printf %s ID | sha256sum | cut -c1-2`).
 * GitHub advises at most 3,000 entries per folder; 256 shards per platform keep every folder far below
 * that up to about 700,000 posts per platform. The shard depends on the id alone, so a post never moves.
 * Archives from before the shards (`posts/<platform>/<id>/`, `withdrawals/<platform>/<id>.json`) are
 * refused by every reader and moved into place by `npm run migrate-layout`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ArchiveState } from './state.ts';
// post.ts imports this module's names too; only functions use the import, so the cycle is harmless.
import { isValidPostId, PLATFORMS, type Platform } from './post.ts';

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

/** GitHub's guidance for one folder of a repository; `npm run verify` holds every folder of content/ to it. */
export const MAX_FOLDER_ENTRIES = 3_000;

/** A shard folder's name: two lower-case hex digits. */
export const SHARD_PATTERN = /^[0-9a-f]{2}$/;

/** What staff run to move an archive from before the shards (or a hand-misplaced post) into place. */
export const MIGRATE_COMMAND = 'npm run migrate-layout';

/** The shard of an id: the first two hex digits of the sha256 of its UTF-8 bytes. */
export function shardOf(id: string): string {
  return bytesToHex(sha256(utf8ToBytes(id))).slice(0, 2);
}

/**
 * Where a post lives inside `content/`: `posts/<platform>/<shard>/<id>`, `post.json` and media inside.
 * The id is validated first so that no value from an API can climb out of the folder.
 */
export function postFolder(platform: Platform, id: string): string {
  return `${POSTS_DIR}/${platform}/${shardOf(checkedId(platform, id))}/${id}`;
}

/** `withdrawals/<platform>/<shard>/<id>.json`, relative to `content/`. */
export function withdrawalFile(platform: Platform, id: string): string {
  return `${WITHDRAWALS_DIR}/${platform}/${shardOf(checkedId(platform, id))}/${id}.json`;
}

/** A post's folder before the shards, `posts/<platform>/<id>`: what `npm run migrate-layout` moves. */
export function unshardedPostFolder(platform: Platform, id: string): string {
  return `${POSTS_DIR}/${platform}/${checkedId(platform, id)}`;
}

/** A withdrawal before the shards, `withdrawals/<platform>/<id>.json`. */
export function unshardedWithdrawalFile(platform: Platform, id: string): string {
  return `${WITHDRAWALS_DIR}/${platform}/${checkedId(platform, id)}.json`;
}

function checkedId(platform: Platform, id: string): string {
  if (!isValidPostId(platform, id)) {
    throw new Error(`Refusing to build a path from an invalid ${platform} id: ${JSON.stringify(id)}`);
  }
  return id;
}

/** A post folder or withdrawal file found in `content/`, and whether it is where its id puts it. */
export interface Located {
  platform: Platform;
  id: string;
  /** `sharded`: in its place. `unsharded`: the layout before shards. `wrong-shard`: in another id's shard. */
  placement: 'sharded' | 'unsharded' | 'wrong-shard';
}

/**
 * Which post a folder is, from its path relative to `content/` ("/"-separated): `posts/<platform>/<shard>/<id>`,
 * or one of the misplaced forms; undefined for anything else.
 */
export function locatePostFolder(path: string): Located | undefined {
  const [root, ...rest] = path.split('/');
  return root === POSTS_DIR ? locate(rest) : undefined;
}

/** Which withdrawal a file is, from its path relative to `content/`: `withdrawals/<platform>/<shard>/<id>.json` or a misplaced form. */
export function locateWithdrawalFile(path: string): Located | undefined {
  const [root, ...rest] = path.split('/');
  const last = rest.at(-1);
  if (root !== WITHDRAWALS_DIR || !last?.endsWith('.json')) return undefined;
  return locate([...rest.slice(0, -1), last.slice(0, -'.json'.length)]);
}

/** `[platform, id]` or `[platform, shard, id]`. */
function locate(segments: string[]): Located | undefined {
  const platform = segments[0];
  const id = segments.at(-1);
  if (!isPlatform(platform) || id === undefined || !isValidPostId(platform, id)) return undefined;
  if (segments.length === 2) return { platform, id, placement: 'unsharded' };
  if (segments.length !== 3 || !SHARD_PATTERN.test(segments[1]!)) return undefined;
  return { platform, id, placement: segments[1] === shardOf(id) ? 'sharded' : 'wrong-shard' };
}

function isPlatform(value: string | undefined): value is Platform {
  return (PLATFORMS as readonly (string | undefined)[]).includes(value);
}

/**
 * What staff read about a post or withdrawal that is not where its id puts it, after its path:
 * "is in the layout before shards; its place is content/…: run `npm run migrate-layout`, …".
 */
export function misplacedMessage(placement: Exclude<Located['placement'], 'sharded'>, place: string): string {
  const why = placement === 'unsharded' ? 'is in the layout before shards' : 'is in the wrong shard (the first two hex digits of the sha256 of the id)';
  return `${why}; its place is content/${place}: run \`${MIGRATE_COMMAND}\`, which moves every post and withdrawal into place, then commit the moves`;
}

/**
 * Why the post `post` cannot stand in `folder` (relative to `content/`), or undefined when that is its
 * place: the folder must be the one `postFolder` names. For readers that meet a post by its file (the
 * site's content collection); `readArchivedPosts` walks the folders and judges them before reading.
 */
export function postFolderProblem(folder: string, post: { platform: Platform; id: string }): string | undefined {
  const located = locatePostFolder(folder);
  if (located?.platform !== post.platform || located.id !== post.id) return `describes ${post.platform}/${post.id}: platform and id must match the folder`;
  return located.placement === 'sharded' ? undefined : misplacedMessage(located.placement, postFolder(post.platform, post.id));
}

/** The same for a withdrawal and its file: it must be the file `withdrawalFile` names. */
export function withdrawalFileProblem(file: string, withdrawal: { platform: Platform; id: string }): string | undefined {
  const located = locateWithdrawalFile(file);
  if (located?.platform !== withdrawal.platform || located.id !== withdrawal.id) return `names ${withdrawal.platform}/${withdrawal.id}: the file name must match`;
  return located.placement === 'sharded' ? undefined : misplacedMessage(located.placement, withdrawalFile(withdrawal.platform, withdrawal.id));
}
