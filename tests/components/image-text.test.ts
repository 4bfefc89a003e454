/**
 * Text read in images, as readers meet it (Astro's container API): a collapsed section that says a
 * machine read it, hostile words kept as text, and the words as alt text where the platform gave none.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import ImageText from '#site/components/ImageText.astro';
import PostMedia from '#site/components/PostMedia.astro';
import type { MirroredMedia, Post } from '#archive/post.ts';
import { t } from '#site/i18n/id.ts';
import { makePost } from '#tests/fixtures/posts.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const HOSTILE = 'Pasar Murah <script>alert(1)</script>\njavascript:alert(2) https://penipu.example/daftar';

function image(file: string, sha: string, extra: Partial<MirroredMedia> = {}): MirroredMedia {
  return { status: 'mirrored', role: 'image', file, width: 1080, height: 1350, sha256: sha.repeat(64), mirroredAt: '2026-11-12T04:28:56Z', ...extra };
}
const reading = (text: string, sha: string) => ({ text, confidence: 90, engine: 'tesseract.js 7.0.0, ind 4.0.0_best_int', readAt: '2026-11-12T04:28:56Z', imageSha256: sha.repeat(64) });

const carousel: Post = makePost({
  kind: 'carousel',
  media: [
    image('1.jpg', 'a', { ocr: reading(HOSTILE, 'a') }),
    image('2.jpg', 'b', { alt: 'Foto kegiatan pasar murah.', ocr: reading('Dinas Perdagangan', 'b') }),
    image('3.jpg', 'c', { ocr: reading('', 'c') }),
  ],
});

describe('ImageText', () => {
  it('shows each image\'s words, collapsed, under a heading that says a machine read them, as text only', async () => {
    const $ = cheerio.load(await container.renderToString(ImageText, { props: { post: carousel } }), null, false);
    expect($('details:not([open]) > summary').text()).toBe(t.imageText.heading);
    expect($('.image-text__label').toArray().map((label) => $(label).text())).toEqual([t.imageText.item(1, 3), t.imageText.item(2, 3)]);
    expect($('.image-text__text').first().text()).toBe(HOSTILE);
    expect($('script, a').length).toBe(0);
  });

  it('renders nothing when no image has legible words', async () => {
    const html = await container.renderToString(ImageText, { props: { post: makePost({ media: [image('1.jpg', 'c', { ocr: reading('', 'c') })] }) } });
    expect(html.trim()).toBe('');
  });
});

describe('PostMedia alt text', () => {
  it('uses the platform\'s alt text, else the words read in the image, else the title', async () => {
    const $ = cheerio.load(await container.renderToString(PostMedia, { props: { post: carousel, title: 'Pasar murah' } }), null, false);
    const alts = $('img').toArray().map((img) => $(img).attr('alt'));
    expect(alts[0]).toBe(t.imageText.alt('Pasar Murah <script>alert(1)</script> javascript:alert(2) https://penipu.example/daftar'));
    expect(alts[1]).toBe('Foto kegiatan pasar murah.');
    expect(alts[2]).toBe(`${t.post.galleryItem(3, 3)}: Pasar murah`);
  });
});
