/**
 * How a fresh upstream record changes an archived post. Pure: no I/O, the time is passed in.
 * Rules: a post is never deleted; a changed title, text or media list (a carousel item deleted, added or
 * moved) keeps the earlier one with the time it was replaced; a post gone upstream is marked removed; a staff withdrawal is never undone by a sync.
 */
import type { Post, PostMedia, RemovalReason } from '#archive/post.ts';
import type { UpstreamMedia, UpstreamPost } from './upstream.ts';

export type PostChange = 'new' | 'edited' | 'restored' | 'updated' | 'unchanged';

/**
 * `lastSeenAt` is refreshed at most this often when nothing else changed, so that a full reconcile
 * does not rewrite every file (and bury real changes in git history) on each run.
 */
export const LAST_SEEN_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;

const SOURCES = { youtube: 'youtube-data-api-v3', instagram: 'instagram-graph-api' } as const;

export interface MergeResult {
  post: Post;
  change: PostChange;
}

/** Deep equality of JSON data, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, entry]) => entry !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([key, entry]) => [key, canonical(entry)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Which archived media item each upstream item continues (its index in `previous`), or undefined for a new
 * one. Carousel items are matched by their own id, anything else (a photo, a video's poster) by position.
 * A carousel archived before its items had ids is matched by position only while it has as many items;
 * otherwise every item is new and the earlier list is kept as a version: a file never changes hands.
 */
export function matchMedia(previous: readonly PostMedia[] | undefined, upstream: readonly Pick<UpstreamMedia, 'childId'>[]): (number | undefined)[] {
  if (!previous) return upstream.map(() => undefined);
  const byChild = new Map(previous.flatMap((item, index) => (item.childId === undefined ? [] : [[item.childId, index] as const])));
  return upstream.map((item, index) => {
    if (item.childId !== undefined && byChild.size > 0) return byChild.get(item.childId);
    if (item.childId !== undefined && previous.length !== upstream.length) return undefined;
    return index < previous.length ? index : undefined;
  });
}

/** Whether the media list is another one than the archived list: an item gone, added or moved. */
function mediaListChanged(previous: readonly PostMedia[], matches: readonly (number | undefined)[]): boolean {
  return matches.length !== previous.length || matches.some((match, index) => match !== index);
}

export function mergeUpstream(existing: Post | undefined, upstream: UpstreamPost, media: PostMedia[], now: string): MergeResult {
  const { media: _plannedMedia, ...fields } = upstream;
  if (!existing) {
    const post: Post = {
      schemaVersion: 1,
      ...fields,
      media,
      provenance: { source: SOURCES[upstream.platform], firstSeenAt: now, lastSeenAt: now, versions: [] },
    };
    return { post, change: 'new' };
  }

  const mediaChanged = mediaListChanged(existing.media, matchMedia(existing.media, upstream.media));
  const edited = existing.title !== upstream.title || existing.text !== upstream.text || mediaChanged;
  const versions = edited
    ? [...existing.provenance.versions, { title: existing.title, text: existing.text, ...(mediaChanged ? { media: existing.media } : {}), replacedAt: now }]
    : existing.provenance.versions;
  const wasGone = existing.provenance.removed !== undefined && existing.provenance.removed.reason !== 'withdrawn';
  const removed = wasGone ? undefined : existing.provenance.removed;

  const candidate: Post = {
    schemaVersion: 1,
    ...fields,
    media,
    provenance: { ...existing.provenance, versions, ...(removed ? { removed } : {}) },
  };
  if (!removed) delete candidate.provenance.removed;

  const changed = !sameJson({ ...candidate, provenance: null }, { ...existing, provenance: null }) || edited || wasGone;
  const stale = Date.parse(now) - Date.parse(existing.provenance.lastSeenAt) >= LAST_SEEN_REFRESH_MS;
  if (changed || stale) candidate.provenance.lastSeenAt = now;

  const change: PostChange = edited ? 'edited' : wasGone ? 'restored' : changed ? 'updated' : 'unchanged';
  return { post: candidate, change };
}

/** Marks a post gone upstream; a post already marked keeps its first removal time. */
export function markRemoved(post: Post, reason: Exclude<RemovalReason, 'withdrawn'>, now: string): Post {
  if (post.provenance.removed) return post;
  return { ...post, provenance: { ...post.provenance, removed: { at: now, reason } } };
}
