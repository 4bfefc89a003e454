/**
 * What a search result shows: Pagefind's `image` meta of every post page names the small WebP that the
 * page's <picture> already has (at most 320 px wide), never the full-size original, so a first search does
 * not download whole photos.
 */
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../helpers/dist.ts';
import { BASE_PATH, distFileForPath, readListedPosts, sitePaths } from '../helpers/repo.ts';

const withImages = readListedPosts().filter((post) => post.media.some((item) => item.status === 'mirrored'));

describe('search result images', () => {
  it('the sample has posts with images to check', () => {
    expect(withImages.length).toBeGreaterThan(20);
  });

  it.each(withImages.map((post) => [`${post.platform}/${post.id}`, post] as const))('%s: a small WebP that exists', async (_key, post) => {
    const $ = loadHtml(distFileForPath(sitePaths.post(post)));
    const metas = $('[data-pagefind-meta*="image:"]').toArray().map((element) => $(element).attr('data-pagefind-meta')!);
    expect(metas).toHaveLength(1);
    const url = /image:([^,\s]+)/.exec(metas[0]!)![1]!;
    expect(url.startsWith(`${BASE_PATH}_astro/`) && url.endsWith('.webp'), url).toBe(true);
    const file = distFileForPath(url);
    expect(existsSync(file), url).toBe(true);
    const { width } = await sharp(file).metadata();
    expect(width).toBeLessThanOrEqual(320);
  });
});
