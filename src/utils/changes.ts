/**
 * What changed in the archive, as dated events: an edit for each earlier version kept, a removal for a
 * post gone upstream, a withdrawal by staff. Feeds the changes RSS for people who watch what changes.
 */
import type { Post, RemovalReason } from '#archive/post.ts';

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
