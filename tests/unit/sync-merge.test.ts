import { describe, expect, it } from 'vitest';
import { LAST_SEEN_REFRESH_MS, markRemoved, mergeUpstream } from '#sync/merge.ts';
import { needsRevisit } from '#sync/revisit.ts';
import type { UpstreamPost } from '#sync/upstream.ts';
import { postSchema, type Post } from '#archive/post.ts';
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
