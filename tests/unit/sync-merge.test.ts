import { describe, expect, it } from 'vitest';
import { LAST_SEEN_REFRESH_MS, markRemoved, matchMedia, mergeUpstream } from '#sync/merge.ts';
import { needsRevisit } from '#sync/revisit.ts';
import type { UpstreamPost } from '#sync/upstream.ts';
import { postSchema, type Post, type PostMedia } from '#archive/post.ts';
import { makePost } from '../fixtures/posts.ts';

const NOW = '2026-11-27T00:00:00Z';

function upstreamOf(post: Post, overrides: Partial<UpstreamPost> = {}): UpstreamPost {
  const { schemaVersion: _, provenance: __, media: ___, ...fields } = post;
  return { ...fields, media: [{ role: 'image', url: 'https://cdn.example/1.jpg', baseName: '1' }], ...overrides };
}

describe('mergeUpstream', () => {
  it('creates a new post with first and last seen now and no history', () => {
    const fresh = makePost();
    const { post, change } = mergeUpstream(undefined, upstreamOf(fresh), fresh.media, NOW);
    expect(change).toBe('new');
    expect(post.provenance).toEqual({ source: 'instagram-graph-api', firstSeenAt: NOW, lastSeenAt: NOW, versions: [] });
    expect(postSchema.safeParse(post).success).toBe(true);
  });

  it('keeps the earlier title and text when they change', () => {
    const existing = makePost({ title: 'Lama', text: 'Teks lama' });
    const { post, change } = mergeUpstream(existing, upstreamOf(existing, { title: 'Baru', text: 'Teks baru' }), existing.media, NOW);
    expect(change).toBe('edited');
    expect(post.title).toBe('Baru');
    expect(post.provenance.versions).toEqual([{ title: 'Lama', text: 'Teks lama', replacedAt: NOW }]);
    expect(post.provenance.firstSeenAt).toBe(existing.provenance.firstSeenAt);
    expect(post.provenance.lastSeenAt).toBe(NOW);
  });

  it('changes nothing (not even lastSeenAt) for an unchanged post seen recently', () => {
    const existing = makePost({ provenance: { ...makePost().provenance, lastSeenAt: '2026-11-26T00:00:00Z' } });
    const { post, change } = mergeUpstream(existing, upstreamOf(existing), existing.media, NOW);
    expect(change).toBe('unchanged');
    expect(post).toEqual(existing);
  });

  it('refreshes lastSeenAt of an unchanged post once it is a week old', () => {
    const old = new Date(Date.parse(NOW) - LAST_SEEN_REFRESH_MS).toISOString().replace('.000', '');
    const existing = makePost({ provenance: { ...makePost().provenance, lastSeenAt: old } });
    const { post, change } = mergeUpstream(existing, upstreamOf(existing), existing.media, NOW);
    expect(change).toBe('unchanged');
    expect(post.provenance.lastSeenAt).toBe(NOW);
  });

  it('restores a post that was gone and comes back, but never undoes a withdrawal', () => {
    const gone = markRemoved(makePost(), 'deleted', '2026-10-01T00:00:00Z');
    const restored = mergeUpstream(gone, upstreamOf(gone), gone.media, NOW);
    expect(restored.change).toBe('restored');
    expect(restored.post.provenance.removed).toBeUndefined();

    const base = makePost();
    const withdrawn: Post = { ...base, provenance: { ...base.provenance, removed: { at: '2026-10-01T00:00:00Z', reason: 'withdrawn', note: 'Salah unggah.' } } };
    const kept = mergeUpstream(withdrawn, upstreamOf(withdrawn), withdrawn.media, NOW);
    expect(kept.post.provenance.removed).toEqual(withdrawn.provenance.removed);
  });

  it('reports other upstream changes (a live broadcast that ended) as updated', () => {
    const existing = makePost();
    const { change, post } = mergeUpstream(existing, upstreamOf(existing, { account: { ...existing.account, name: 'Nama Baru' } }), existing.media, NOW);
    expect(change).toBe('updated');
    expect(post.account.name).toBe('Nama Baru');
  });
});

describe('markRemoved', () => {
  it('marks once and keeps the first removal time', () => {
    const first = markRemoved(makePost(), 'private', '2026-10-01T00:00:00Z');
    expect(first.provenance.removed).toEqual({ at: '2026-10-01T00:00:00Z', reason: 'private' });
    expect(markRemoved(first, 'deleted', NOW)).toBe(first);
  });
});

describe('revisiting archived posts', () => {
  const pendingPost = (attempts: number, lastAttemptAt: string) =>
    makePost({ media: [{ status: 'pending', role: 'image', reason: 'HTTP 404', attempts, lastAttemptAt }] });

  it('retries a failed image on the next run, then after 1 h, 2 h, 4 h … at most a week', () => {
    expect(needsRevisit(pendingPost(1, NOW), NOW)).toBe(true);
    expect(needsRevisit(pendingPost(2, '2026-11-26T23:30:00Z'), NOW)).toBe(false);
    expect(needsRevisit(pendingPost(2, '2026-11-26T23:00:00Z'), NOW)).toBe(true);
    expect(needsRevisit(pendingPost(4, '2026-11-26T21:00:00Z'), NOW)).toBe(false);
    expect(needsRevisit(pendingPost(4, '2026-11-26T20:00:00Z'), NOW)).toBe(true);
    expect(needsRevisit(pendingPost(30, '2026-11-20T00:00:00Z'), NOW)).toBe(true);
    expect(needsRevisit(pendingPost(30, '2026-11-21T00:00:01Z'), NOW)).toBe(false);
  });

  it('looks at live broadcasts on air or about to start, not at removed posts', () => {
    const live = (status: 'upcoming' | 'live' | 'completed', scheduledStartAt: string) =>
      makePost({ live: { status, scheduledStartAt } } as Partial<Post>);
    expect(needsRevisit(live('live', '2026-11-26T00:00:00Z'), NOW)).toBe(true);
    expect(needsRevisit(live('upcoming', '2026-11-27T00:30:00Z'), NOW)).toBe(true);
    expect(needsRevisit(live('upcoming', '2026-12-03T02:00:00Z'), NOW)).toBe(false);
    expect(needsRevisit(live('completed', '2026-11-26T00:00:00Z'), NOW)).toBe(false);
    expect(needsRevisit(markRemoved(pendingPost(1, NOW), 'deleted', NOW), NOW)).toBe(false);
  });
});

describe('matchMedia: which archived item each upstream item continues', () => {
  const mirrored = (file: string, childId?: string): PostMedia => ({
    status: 'mirrored',
    role: 'image',
    ...(childId ? { childId } : {}),
    file,
    width: 10,
    height: 10,
    sha256: 'a'.repeat(64),
    mirroredAt: NOW,
  });
  const child = (childId: string) => ({ childId });

  it('matches carousel items by their own id, wherever they moved, and a new id with nothing', () => {
    const previous = [mirrored('11.jpg', '11'), mirrored('22.jpg', '22'), mirrored('33.jpg', '33'), mirrored('44.jpg', '44')];
    // The second slide deleted: the fourth is still the fourth file, never the third position's.
    expect(matchMedia(previous, [child('11'), child('33'), child('44')])).toEqual([0, 2, 3]);
    expect(matchMedia(previous, [child('44'), child('11'), child('55')])).toEqual([3, 0, undefined]);
  });
  it('matches a carousel archived before items had ids by position only while it has as many items', () => {
    const legacy = [mirrored('1.jpg'), mirrored('2.jpg'), mirrored('3.jpg'), mirrored('4.jpg')];
    expect(matchMedia(legacy, [child('11'), child('22'), child('33'), child('44')])).toEqual([0, 1, 2, 3]);
    expect(matchMedia(legacy, [child('11'), child('33'), child('44')])).toEqual([undefined, undefined, undefined]);
  });
  it('matches items without ids (a photo, a poster) by position, and everything is new for a new post', () => {
    expect(matchMedia([mirrored('poster.jpg')], [{}])).toEqual([0]);
    expect(matchMedia(undefined, [child('11'), {}])).toEqual([undefined, undefined]);
  });
});

describe('mergeUpstream: a carousel whose media list changed', () => {
  it('keeps the earlier media list as a version, with the title and text it had, and counts an edit', () => {
    const children = ['17900000000000011', '17900000000000022', '17900000000000033', '17900000000000044'];
    const media: PostMedia[] = children.map((childId) => ({ status: 'mirrored', role: 'image', childId, file: `${childId}.jpg`, width: 10, height: 10, sha256: 'b'.repeat(64), mirroredAt: NOW }));
    const existing = makePost({ kind: 'carousel', media });
    const upstream = upstreamOf(existing, { media: [0, 2, 3].map((index) => ({ role: 'image', url: 'https://cdn.example/x.jpg', baseName: children[index]!, childId: children[index]! })) });
    const { post, change } = mergeUpstream(existing, upstream, [media[0]!, media[2]!, media[3]!], NOW);
    expect(change).toBe('edited');
    expect(post.provenance.versions).toEqual([{ title: existing.title, text: existing.text, media, replacedAt: NOW }]);
    expect(postSchema.safeParse(post).success).toBe(true);
    // The same list again is no change.
    const again = mergeUpstream(post, upstream, post.media, NOW);
    expect(again.change).toBe('unchanged');
    expect(again.post.provenance.versions).toHaveLength(1);
  });
});
