/**
 * Which archived posts an incremental run looks at again although the listing stops before them: posts
 * with media still pending (with growing pauses, so a file that 404s for good costs little) and live
 * broadcasts that may have changed state.
 */
import type { Post, PostMedia } from '#archive/post.ts';

const HOUR = 60 * 60 * 1000;
/** Longest pause between two attempts at a pending media file. */
export const MAX_RETRY_PAUSE_MS = 7 * 24 * HOUR;
/** An upcoming broadcast is checked from this long before its scheduled start. */
export const LIVE_LOOKAHEAD_MS = HOUR;

/** On the next run after the first failure, then after 1 h, 2 h, 4 h, … up to a week. */
export function isDueForRetry(item: Extract<PostMedia, { status: 'pending' }>, now: string): boolean {
  const pause = item.attempts <= 1 ? 0 : Math.min(MAX_RETRY_PAUSE_MS, HOUR * 2 ** (item.attempts - 2));
  return Date.parse(now) - Date.parse(item.lastAttemptAt) >= pause;
}

export function needsRevisit(post: Post, now: string): boolean {
  if (post.provenance.removed) return false;
  if (post.media.some((item) => item.status === 'pending' && isDueForRetry(item, now))) return true;
  if (!post.live || post.live.status === 'completed') return false;
  if (post.live.status === 'live') return true;
  const start = post.live.scheduledStartAt ?? post.publishedAt;
  return Date.parse(start) - Date.parse(now) <= LIVE_LOOKAHEAD_MS;
}
