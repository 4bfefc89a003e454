/** What the run asks of a platform module (youtube.ts, instagram.ts). */
import type { Platform } from '../../src/schemas/post.ts';
import type { ItemError } from './errors.ts';
import type { UpstreamPost } from './upstream.ts';

export interface FetchMode {
  /** Walk the whole history instead of stopping at the first archived post. */
  full: boolean;
  /** Ids already archived for this platform. */
  known: ReadonlySet<string>;
  /** Archived ids to fetch again even when the listing stops before them (pending media, live broadcasts). */
  refresh: ReadonlySet<string>;
}

export type SourceItem =
  | { type: 'post'; post: UpstreamPost }
  | { type: 'gone'; id: string; reason: 'private' | 'deleted' }
  | { type: 'error'; error: ItemError }
  | { type: 'warning'; message: string };

export interface PlatformSource {
  readonly platform: Platform;
  /** Posts newest first (and items that failed or are gone), as the listing reaches them. */
  fetch(mode: FetchMode): AsyncIterable<SourceItem>;
  /** After a full walk: what became of archived posts the listing did not show. */
  explainMissing(ids: string[]): Promise<Map<string, 'private' | 'deleted' | 'present'>>;
}
