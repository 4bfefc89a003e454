import { describe, expect, it } from 'vitest';
import { isValidPostId, postSchema, storedPostSchema } from '#archive/post.ts';
import { makePost, makeVideo, valid } from '../fixtures/posts.ts';

function issues(value: unknown): string[] {
  const result = postSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('post schema', () => {
  it('accepts a well-formed Instagram post and YouTube video', () => {
    expect(issues(makePost())).toEqual([]);
    expect(issues(makeVideo())).toEqual([]);
  });

  it('rejects ids that could escape the content folder', () => {
    expect(issues(makePost({ id: '../../x' }))).toContain('id: is not a valid instagram id');
    expect(issues(makeVideo({ id: 'abc/def1234' }))).toContain('id: is not a valid youtube id');
    expect(isValidPostId('youtube', 'dQw4w9WgXcQ')).toBe(true);
    expect(isValidPostId('youtube', 'dQw4w9WgXc')).toBe(false);
    expect(isValidPostId('instagram', '1789569566800455O')).toBe(false);
  });

  it('rejects a media file name that is a path', () => {
    const post = makePost();
    const media = [{ ...post.media[0]!, file: '../secret.jpg' }] as typeof post.media;
    expect(issues({ ...post, media }).join()).toMatch(/media\.0\.file/);
  });

  it('rejects kinds that do not belong to the platform and carousels with one item', () => {
    expect(issues(makeVideo({ kind: 'reel' }))).toContain('kind: "reel" is not a youtube kind');
    expect(issues(makePost({ kind: 'carousel' }))).toContain('media: a carousel has at least two items');
  });

  it('requires live details for a live broadcast and a title for YouTube', () => {
    expect(issues(makeVideo({ kind: 'live' }))).toContain('live: is required for a live broadcast');
    expect(issues(makeVideo({ title: '  ' }))).toContain('title: a YouTube video always has a title');
    expect(issues(makePost({ title: '' }))).toEqual([]);
    expect(issues(makeVideo({ live: { status: 'completed' } }))).toContain('live: belongs only to a live broadcast');
    expect(issues(makePost({ durationSeconds: 3 }))).toContain('durationSeconds: an image or carousel has no duration');
  });

  it('rejects non-https permalinks, impossible dates and unknown fields', () => {
    expect(issues(makePost({ permalink: 'javascript:alert(1)' })).join()).toMatch(/permalink/);
    expect(issues(makePost({ publishedAt: '2026-02-30T00:00:00Z' })).join()).toMatch(/publishedAt/);
    expect(issues({ ...makePost(), extra: true }).join()).toMatch(/extra/);
  });

  it('requires a public note when staff withdraw a post', () => {
    const post = makePost();
    const withdrawn = { ...post, provenance: { ...post.provenance, removed: { at: '2026-11-01T00:00:00Z', reason: 'withdrawn' as const } } };
    expect(issues(withdrawn)).toContain('provenance.removed.note: a withdrawal needs a public reason');
    expect(issues({ ...withdrawn, provenance: { ...withdrawn.provenance, removed: { ...withdrawn.provenance.removed, note: 'Salah unggah.' } } })).toEqual([]);
  });

  it('keeps withdrawals out of post.json: the stored schema refuses what the presented one allows', () => {
    const post = makePost();
    const withdrawn = { ...post, provenance: { ...post.provenance, removed: { at: '2026-11-01T00:00:00Z', reason: 'withdrawn' as const, note: 'Salah unggah.' } } };
    expect(postSchema.safeParse(withdrawn).success).toBe(true);
    const stored = storedPostSchema.safeParse(withdrawn);
    expect(stored.success).toBe(false);
    expect(stored.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['provenance.removed.reason']);
    expect(storedPostSchema.safeParse({ ...post, provenance: { ...post.provenance, removed: { at: '2026-11-01T00:00:00Z', reason: 'deleted' } } }).success).toBe(true);
  });

  it('round-trips through JSON unchanged', () => {
    const post = valid(makeVideo({ provenance: { ...makeVideo().provenance, versions: [{ title: 'Lama', text: 'Teks lama', replacedAt: '2026-04-01T00:00:00Z' }] } }));
    expect(postSchema.parse(JSON.parse(JSON.stringify(post)))).toEqual(post);
  });
});

describe('the permalink', () => {
  it('must be on the platform’s own hosts, whatever a file says', () => {
    expect(postSchema.safeParse(makePost({ permalink: 'https://www.instagram.com/p/C1a2b3c4d5e/' })).success).toBe(true);
    for (const permalink of ['https://evil.example/p/C1a2b3c4d5e/', 'https://www.youtube.com/watch?v=x', 'https://instagram.com.evil.example/p/x/']) {
      const result = postSchema.safeParse(makePost({ permalink }));
      expect(result.success, permalink).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toContain("is not on instagram's own hosts");
    }
  });
});
