/**
 * The fake world of the bench's idle sync (scripts/bench/idle-sync.ts) shows the synthetic archive as it
 * is: the media it holds as pending still answer 404, so an idle sync retries them, fails again and
 * mirrors nothing (serving them made every "idle" run download, decode and write them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idleWorld } from '#scripts/bench/idle-sync.ts';
import { syntheticPosts } from '#scripts/bench/synthetic-archive.ts';
import { startFakeApi, type FakeApi } from '#fake-api/server.ts';
import type { Post } from '#archive/post.ts';

const posts = syntheticPosts(1000);
const hasPending = (post: Post) => post.media.some((item) => item.status === 'pending');
let fake: FakeApi;

beforeAll(async () => {
  fake = await startFakeApi((origin) => idleWorld(origin, posts));
});
afterAll(async () => {
  await fake?.close();
});

const status = async (url: string | undefined) => (await fetch(url!)).status;

describe("the idle sync's fake world", () => {
  it('answers 404 for the pictures of posts with media pending, and serves the others', async () => {
    const pending = posts.filter((post) => hasPending(post) && !post.provenance.removed);
    expect(pending.map((post) => post.platform)).toEqual(expect.arrayContaining(['youtube', 'instagram']));
    for (const post of pending) {
      if (post.platform === 'youtube') {
        const video = fake.data.youtube.videos.find((entry) => entry.resource.id === post.id)!;
        expect(await status(video.resource.snippet.thumbnails.maxres?.url ?? video.resource.snippet.thumbnails.high!.url)).toBe(404);
      } else {
        const media = fake.data.instagram.media.find((entry) => entry.id === post.id)!;
        const urls = media.children ? media.children.data.map((child) => child.media_url) : [media.thumbnail_url ?? media.media_url];
        for (const url of urls) expect(await status(url)).toBe(404);
      }
    }
    const mirroredVideo = posts.find((post) => post.platform === 'youtube' && !hasPending(post))!;
    const video = fake.data.youtube.videos.find((entry) => entry.resource.id === mirroredVideo.id)!;
    expect(await status(video.resource.snippet.thumbnails.high!.url)).toBe(200);
  });

  it('lists every post but the removed ones, as archived', () => {
    const listed = [...fake.data.youtube.videos.map((entry) => entry.resource.id), ...fake.data.instagram.media.map((entry) => entry.id)];
    expect(listed.sort()).toEqual(posts.filter((post) => !post.provenance.removed).map((post) => post.id).sort());
  });
});
