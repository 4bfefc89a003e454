/**
 * Walking an account's listing, newest page to oldest, the same way for both platforms.
 *
 * A run makes one or two passes. An incremental run over a finished history reads from the newest page
 * and stops at the first page that holds an archived post. While the history is unfinished (a first
 * import cut off by a timeout, a kill, a quota stop or `--max-new`), a run first picks up what is new at
 * the top, then continues the walk where the last run left it, to the end of the listing or the cap.
 * After every page of a continuing walk whose posts have all been handed out, a checkpoint names the
 * cursor of that page: the run records it, so a run killed at any moment loses at most one page of work.
 */
import type { HistoryWalk } from '#archive/state.ts';
import { isValidPostId, type Platform } from '#archive/post.ts';
import { ItemError, RetryableError } from './errors.ts';
import { StaleCursorError, type PlatformSource, type SourceItem } from './source.ts';

export interface WalkPass {
  /** Cursor of the page to start at; null is the newest page. */
  from: string | null;
  /** End the pass after the first page that holds an archived post (nothing older is new). */
  stopAtKnown: boolean;
}

export interface WalkOptions {
  passes: readonly WalkPass[];
  /** Ids already archived for the account. */
  known: ReadonlySet<string>;
  /** Fetch archived posts again too (a full reconcile, which compares them for edits). */
  includeKnown: boolean;
  /** Archived ids to fetch again wherever the walk ends (pending media, live broadcasts). */
  refresh: ReadonlySet<string>;
  /** Most new posts to hand out in this run (undefined: no cap). */
  maxNew?: number | undefined;
}

/**
 * Why the walk ended: it read the last page of the listing; it caught up with the archive; it handed out
 * `maxNew` new posts; or the paging came back to a page already read (a fault upstream).
 */
export type WalkEnd = 'listing-end' | 'caught-up' | 'capped' | 'loop';

export type WalkItem =
  | SourceItem
  | { type: 'checkpoint'; cursor: string | null }
  | { type: 'end'; how: WalkEnd };

const ID_LABEL: Record<Platform, string> = { youtube: 'YouTube video', instagram: 'Instagram media' };
const PLATFORM_NAME: Record<Platform, string> = { youtube: 'YouTube', instagram: 'Instagram' };

/** The walk's items in order: notes and posts of each page, checkpoints between pages, and one `end` last. */
export async function* walkListing(source: PlatformSource, options: WalkOptions): AsyncGenerator<WalkItem> {
  const { platform } = source;
  const seen = new Set<string>();
  const refreshLeft = new Set(options.refresh);
  let newCount = 0;
  let end: WalkEnd = 'caught-up';

  passes: for (const pass of options.passes) {
    let cursor = pass.from;
    let restarted = false;
    const read = new Set<string | null>();
    for (;;) {
      let page;
      try {
        page = await source.listPage(cursor);
      } catch (error) {
        if (!(error instanceof StaleCursorError) || cursor === null) throw error;
        // A cursor the API itself just handed out being refused is the API's fault, not a stale save.
        if (restarted) throw new RetryableError(`${PLATFORM_NAME[platform]}: ${error.message}, again after starting from the newest post`);
        yield { type: 'warning', message: `${PLATFORM_NAME[platform]}: ${error.message}; walking again from the newest post (archived posts are skipped).` };
        restarted = true;
        cursor = null;
        read.clear();
        continue;
      }
      read.add(cursor);
      yield* page.notes;

      const wanted: string[] = [];
      let capped = false;
      for (const id of page.ids) {
        if (seen.has(id)) continue; // a post repeated across pages is handled once
        seen.add(id);
        if (!isValidPostId(platform, id)) {
          yield { type: 'error', error: new ItemError(platform, id, `is not a valid ${ID_LABEL[platform]} id`) };
          continue;
        }
        const known = options.known.has(id);
        if (known && !options.includeKnown && !refreshLeft.has(id)) continue;
        if (!known) {
          if (options.maxNew !== undefined && newCount >= options.maxNew) {
            capped = true;
            break;
          }
          newCount += 1;
        }
        refreshLeft.delete(id);
        wanted.push(id);
      }
      if (wanted.length > 0) yield* source.details(wanted);
      if (capped) {
        end = 'capped';
        break passes;
      }
      if (pass.stopAtKnown && page.ids.some((id) => options.known.has(id))) {
        end = 'caught-up';
        continue passes;
      }
      // Only a walk that reads every page may record where it got to; a pass that stops at the archive skips pages.
      if (!pass.stopAtKnown) yield { type: 'checkpoint', cursor };
      if (page.next === null) {
        // The listing was read from this pass's start to its end; from the top, that is the whole history.
        end = 'listing-end';
        if (pass.from === null) break passes;
        continue passes;
      }
      if (read.has(page.next)) {
        yield { type: 'warning', message: `${PLATFORM_NAME[platform]}: the paging links came back to a page already read; stopped there.` };
        end = 'loop';
        break passes;
      }
      cursor = page.next;
    }
  }
  if (refreshLeft.size > 0) yield* source.details([...refreshLeft]);
  yield { type: 'end', how: end };
}

/**
 * The passes of one run over an account: a full reconcile reads everything from the top; a finished
 * history is read down to the archive; an unfinished one from the top when it has no resume point yet,
 * else first down to the archive (what is new since) and then on from where the last run stopped.
 */
export function planPasses(history: Pick<HistoryWalk, 'complete' | 'resumeFrom'>, full: boolean): WalkPass[] {
  if (full) return [{ from: null, stopAtKnown: false }];
  if (history.complete) return [{ from: null, stopAtKnown: true }];
  if (history.resumeFrom === null) return [{ from: null, stopAtKnown: false }];
  return [
    { from: null, stopAtKnown: true },
    { from: history.resumeFrom, stopAtKnown: false },
  ];
}
