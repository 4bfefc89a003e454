/**
 * Typed failures of reading and writing the archive. An `ItemError` names one post (or media file) that
 * could not be archived: the sync reports it, counts it and goes on. An `ArchiveFileError` names a file
 * of `content/` that cannot be used as it is. A `MisplacedFilesError` stops every reader of an archive
 * whose posts or withdrawals are not where their ids put them (one from before the shards, or a folder
 * moved by hand): reading on would drop those posts, or let the sync archive them a second time.
 */
import type { Platform } from './post.ts';

/** One item (a post or a media file) that could not be archived; reported, counted, skipped. */
export class ItemError extends Error {
  override name = 'ItemError';
  readonly platform: Platform;
  /** The item's id as the API gave it (already made printable), or "(no id)". */
  readonly itemId: string;

  constructor(platform: Platform, itemId: unknown, message: string) {
    super(message);
    this.platform = platform;
    this.itemId = printableId(itemId);
  }
}

/** A file of `content/` that is missing where it must be, unreadable, or not what its schema says. */
export class ArchiveFileError extends Error {
  override name = 'ArchiveFileError';
  /** Relative to `content/`, with "/". */
  readonly file: string;
  /** What is wrong, e.g. "is not valid JSON (…)". */
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`content/${file} ${problem}.`);
    this.file = file;
    this.problem = problem;
  }
}

/** One post folder or withdrawal file away from its place, both relative to `content/`, with "/". */
export interface Misplaced {
  /** Where it is. */
  file: string;
  /** What staff read about it, after its path (layout.ts `misplacedMessage`). */
  message: string;
}

/** Posts or withdrawals outside their shard: the archive must be migrated before anything reads it. */
export class MisplacedFilesError extends Error {
  override name = 'MisplacedFilesError';
  readonly misplaced: readonly Misplaced[];

  constructor(misplaced: readonly Misplaced[]) {
    const shown = misplaced.slice(0, 5).map((entry) => `\n  content/${entry.file} ${entry.message}`);
    const more = misplaced.length > shown.length ? `\n  … and ${misplaced.length - shown.length} more` : '';
    super(`${misplaced.length} post folder(s) or withdrawal(s) of content/ are not where their id puts them:${shown.join('')}${more}`);
    this.misplaced = misplaced;
  }
}

/** Ids come from the network: show at most 64 printable characters of them. */
export function printableId(id: unknown): string {
  if (typeof id !== 'string' && typeof id !== 'number') return '(no id)';
  const text = String(id).replace(/[^\x20-\x7e]/g, '?');
  return text.length > 64 ? `${text.slice(0, 61)}...` : text || '(no id)';
}
