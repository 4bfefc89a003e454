/**
 * What the built site publishes of the mirrored images: at most two copies of an original (a WebP for its
 * post page, a small JPEG of the lead image for lists, search, feeds and link previews), never the original
 * itself, never a file nothing points at, and each at exactly the size the markup states.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../helpers/dist.ts';
import { BASE_PATH, DIST_DIR, distFileForPath, listFiles, readAllPosts, readListedPosts, sitePaths } from '../helpers/repo.ts';
import { mediaCopy } from '#site/utils/media-variants.ts';

const MEDIA = path.join(DIST_DIR, 'media');
const mediaUrl = (file: string) => `${BASE_PATH}media/${file}`;
const published = readdirSync(MEDIA).sort();
const listed = readListedPosts();
const mirroredOf = (post: (typeof listed)[number]) => post.media.filter((item) => item.status === 'mirrored');
const withImages = listed.filter((post) => mirroredOf(post).length > 0);

/** Every reference to dist/media in the built HTML and XML, with the size stated beside it where there is one. */
function references(): { url: string; width?: string; height?: string; where: string }[] {
  const found: { url: string; width?: string; height?: string; where: string }[] = [];
  for (const file of listFiles(DIST_DIR, (name) => name.endsWith('.html'))) {
    const $ = loadHtml(path.join(DIST_DIR, file));
    $('img').each((_, element) => {
      const img = $(element);
      found.push({ url: img.attr('src')!, width: img.attr('width'), height: img.attr('height'), where: file });
    });
    const og = $('meta[property="og:image"]').attr('content');
    if (og) {
      found.push({
        url: new URL(og).pathname,
        width: $('meta[property="og:image:width"]').attr('content'),
        height: $('meta[property="og:image:height"]').attr('content'),
        where: `${file} og:image`,
      });
    }
  }
  for (const file of listFiles(DIST_DIR, (name) => name.endsWith('.xml'))) {
    for (const match of readFileSync(path.join(DIST_DIR, file), 'utf8').matchAll(/url="([^"]+\/media\/[^"]+)"/g)) {
      found.push({ url: new URL(match[1]!).pathname, where: file });
    }
  }
  return found;
}

const refs = references();

describe('published image copies', () => {
  it('the sample has posts with images, and carousels, to check', () => {
    expect(withImages.length).toBeGreaterThan(20);
    expect(withImages.some((post) => mirroredOf(post).length > 1)).toBe(true);
  });

  it('every image the site points at is in dist/media, at the size the markup states', async () => {
    const mediaRefs = refs.filter((ref) => ref.url.startsWith(`${BASE_PATH}media/`));
    expect(mediaRefs.length).toBeGreaterThan(withImages.length * 2);
    // Every <img> of the site is a published copy (no image reaches the page another way).
    expect(refs.filter((ref) => !ref.url.startsWith(`${BASE_PATH}media/`))).toEqual([]);
    const sizes = new Map<string, { width?: number; height?: number }>();
    for (const ref of mediaRefs) {
      if (!sizes.has(ref.url)) sizes.set(ref.url, await sharp(distFileForPath(ref.url)).metadata());
      if (ref.width === undefined) continue;
      const actual = sizes.get(ref.url)!;
      expect(`${ref.width}×${ref.height}`, `${ref.where}: ${ref.url}`).toBe(`${actual.width}×${actual.height}`);
    }
  });

  it('every file in dist/media is pointed at', () => {
    const pointed = new Set(refs.map((ref) => ref.url));
    expect(published.filter((file) => !pointed.has(mediaUrl(file)))).toEqual([]);
  });

  it('two copies at most of an original: a WebP of every image, a JPEG of each lead image', () => {
    const images = withImages.flatMap(mirroredOf);
    expect(published).toHaveLength(new Set(images.map((item) => item.sha256)).size + new Set(withImages.map((post) => mirroredOf(post)[0]!.sha256)).size);
    for (const file of published) {
      const sha256 = file.slice(0, 64);
      expect(images.some((item) => item.sha256 === sha256), `${file} is of no listed post's image`).toBe(true);
    }
  });

  it.each(withImages.map((post) => [`${post.platform}/${post.id}`, post] as const))('%s: WebP on the page, the JPEG thumbnail for sharing', async (_key, post) => {
    const $ = loadHtml(distFileForPath(sitePaths.post(post)));
    const pageImages = $('main img').toArray().map((element) => $(element).attr('src')!);
    expect(pageImages.length).toBe(post.platform === 'youtube' ? 1 : mirroredOf(post).length);
    for (const src of pageImages) {
      expect(src.endsWith('.webp'), src).toBe(true);
      const { width, format } = await sharp(distFileForPath(src)).metadata();
      expect(format).toBe('webp');
      expect(width).toBeLessThanOrEqual(560);
    }
    const og = new URL($('meta[property="og:image"]').attr('content')!).pathname;
    expect(og).toBe(mediaUrl(mediaCopy(mirroredOf(post)[0]!, 'thumb').file));
    const { width, format } = await sharp(distFileForPath(og)).metadata();
    expect(format).toBe('jpeg');
    // Link previews (WhatsApp) want at least 300 px; lists and search results need no more than 360.
    expect(width).toBeGreaterThanOrEqual(Math.min(300, mirroredOf(post)[0]!.width));
    expect(width).toBeLessThanOrEqual(360);
  });
});

describe('no file is published twice', () => {
  it('no file of dist/ is a committed original', () => {
    const originals = new Set(readAllPosts().flatMap((post) => post.media.flatMap((item) => (item.status === 'mirrored' ? [item.sha256] : []))));
    const copies = listFiles(DIST_DIR, () => true).filter((file) => originals.has(createHash('sha256').update(readFileSync(path.join(DIST_DIR, file))).digest('hex')));
    expect(copies).toEqual([]);
  });
});
