/**
 * What the walk (walk.ts) asks of a platform module (youtube.ts, instagram.ts): read one page of the
 * account's listing, fetch the full posts for some ids, and explain archived posts the listing lost.
 * Paging, stopping, resuming and capping are the walk's business, the same for both platforms.
 */
import type { Platform } from '#archive/post.ts';
import type { ItemError } from './errors.ts';
import type { UpstreamPost } from './upstream.ts';

export type SourceItem =
  | { type: 'post'; post: UpstreamPost }
  | { type: 'gone'; id: string; reason: 'private' | 'deleted' }
  | { type: 'error'; error: ItemError }
  | { type: 'warning'; message: string };

export interface ListingPage {
  /** Post ids on this page, newest first, as the API gave them (the walk checks them). */
  ids: string[];
  /** What else the page showed: placeholders of gone posts, items that could not be read. */
  notes: SourceItem[];
  /** The cursor of the next, older page; null at the end of the listing. */
  next: string | null;
}

export interface PlatformSource {
  readonly platform: Platform;
  /** One page of the listing, newest first; `cursor` null is the newest page. */
  listPage(cursor: string | null): Promise<ListingPage>;
  /** The full posts (or why not) for these ids: listed on a page read in this run, or archived ones to look at again. */
  details(ids: readonly string[]): AsyncIterable<SourceItem>;
  /** After a complete walk: what became of archived posts the listing did not show. */
  explainMissing(ids: string[]): Promise<Map<string, 'private' | 'deleted' | 'present'>>;
}

/** The API refused a saved cursor (expired or unknown page token): the walk starts again from the newest page. */
export class StaleCursorError extends Error {
  override name = 'StaleCursorError';
}
