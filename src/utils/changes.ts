/**
 * What changed in the archive, as dated events: an edit for each earlier version kept, a removal for a
 * post gone upstream, a withdrawal by staff. Feeds the changes RSS for people who watch what changes.
 */
import type { EarlierVersion, Post, PostMedia, RemovalReason } from '#archive/post.ts';

export type ChangeEvent =
  | { type: 'edited'; at: string; post: Post; earlier: { title: string; text: string } }
  | { type: 'removed'; at: string; post: Post; reason: Exclude<RemovalReason, 'withdrawn'> }
  | { type: 'withdrawn'; at: string; post: Post; note: string };

/** Every change of every post, newest first (ties: by post id, then edits before removals). */
export function changeEvents(posts: readonly Post[]): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const post of posts) {
    const removed = post.provenance.removed;
    // A withdrawn post's earlier texts are out of public view too.
    if (removed?.reason !== 'withdrawn') {
      for (const version of post.provenance.versions) {
        events.push({ type: 'edited', at: version.replacedAt, post, earlier: { title: version.title, text: version.text } });
      }
    }
    if (removed?.reason === 'withdrawn') events.push({ type: 'withdrawn', at: removed.at, post, note: removed.note ?? '' });
    else if (removed) events.push({ type: 'removed', at: removed.at, post, reason: removed.reason });
  }
  const order = { edited: 0, removed: 1, withdrawn: 2 };
  return events.sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0) || order[a.type] - order[b.type],
  );
}

/** How a version's media list differs from the one that replaced it: items gone, items new, now and then. */
export interface MediaChange {
  removed: number;
  added: number;
  before: number;
  after: number;
}

/** An item's identity across lists: its own id on the platform, else its file. */
function mediaIdentity(item: PostMedia, index: number): string {
  return item.childId ?? (item.status === 'mirrored' ? `file:${item.file}` : `pending:${index}`);
}

/**
 * What changed in the media list when version `index` of the post was replaced, or undefined when its
 * media list did not change then. The list that replaced it is the next version's that kept one, else the
 * post's own.
 */
export function versionMediaChange(post: Pick<Post, 'media' | 'provenance'>, index: number): MediaChange | undefined {
  const versions: readonly EarlierVersion[] = post.provenance.versions;
  const earlier = versions[index]?.media;
  if (!earlier) return undefined;
  const later = versions.slice(index + 1).find((version) => version.media)?.media ?? post.media;
  const before = new Set(earlier.map(mediaIdentity));
  const after = new Set(later.map(mediaIdentity));
  return {
    removed: [...before].filter((id) => !after.has(id)).length,
    added: [...after].filter((id) => !before.has(id)).length,
    before: earlier.length,
    after: later.length,
  };
}
