import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeCopy } from '#site/integrations/media-files.ts';
import { copiesShownFor } from '#site/lib/media.ts';
import { MAX_SIDE, MEDIA_VARIANTS, mediaCopy, variantOfFile } from '#site/utils/media-variants.ts';
import { makePost } from '../fixtures/posts.ts';

const sha = 'ab'.repeat(32);
const photo = { sha256: sha, width: 1080, height: 1350 };

describe('mediaCopy', () => {
  it('names a copy after the original and its recipe, at the recipe width and the original aspect', () => {
    expect(mediaCopy(photo, 'page')).toEqual({ file: `${sha}-560w60q3e.webp`, width: 560, height: 700, variant: 'page', sha256: sha });
    expect(mediaCopy(photo, 'thumb')).toEqual({ file: `${sha}-360w60q.jpg`, width: 360, height: 450, variant: 'thumb', sha256: sha });
    // 1280×720 → 560×315 exactly; 1000×333 → 560×186.48 → 186.
    expect(mediaCopy({ sha256: sha, width: 1280, height: 720 }, 'page')).toMatchObject({ width: 560, height: 315 });
    expect(mediaCopy({ sha256: sha, width: 1000, height: 333 }, 'page')).toMatchObject({ width: 560, height: 186 });
  });

  it('never enlarges a small original, and never gives a height of 0', () => {
    expect(mediaCopy({ sha256: sha, width: 200, height: 100 }, 'page')).toMatchObject({ width: 200, height: 100 });
    expect(mediaCopy({ sha256: sha, width: 4000, height: 1 }, 'thumb')).toMatchObject({ width: 360, height: 1 });
  });

  it('keeps an extreme strip within what the format can encode, at least 1 px wide', () => {
    expect(mediaCopy({ sha256: sha, width: 2, height: 40_000 }, 'page')).toMatchObject({ width: 1, height: MAX_SIDE.webp });
    expect(mediaCopy({ sha256: sha, width: 1_000, height: 40_000 }, 'page')).toMatchObject({ width: 410, height: MAX_SIDE.webp });
    expect(mediaCopy({ sha256: sha, width: 360, height: 100_000 }, 'thumb')).toMatchObject({ width: 236, height: MAX_SIDE.jpeg });
  });

  it('a valid 2×40000 PNG (1.7 KB) is encoded into both copies at the sizes the pages state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warta-strip-'));
    try {
      const original = join(dir, '1.png');
      await writeFile(original, await sharp({ create: { width: 2, height: 40_000, channels: 3, background: '#c00' } }).png().toBuffer());
      for (const variant of ['page', 'thumb'] as const) {
        const copy = mediaCopy({ sha256: sha, width: 2, height: 40_000 }, variant);
        const encoded = await sharp(await encodeCopy(original, copy)).metadata();
        expect([encoded.width, encoded.height]).toEqual([copy.width, copy.height]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('variantOfFile', () => {
  it('reads back the variant of every name mediaCopy gives', () => {
    for (const variant of Object.keys(MEDIA_VARIANTS) as (keyof typeof MEDIA_VARIANTS)[]) {
      expect(variantOfFile(mediaCopy(photo, variant).file)).toEqual({ sha256: sha, variant });
    }
  });

  it('refuses names no current recipe makes, and anything that is not a plain name', () => {
    for (const file of [`${sha}-560w61q3e.webp`, `${sha}-560w60q.webp`, `${sha}-560w60q4e.webp`, `${sha}-560w60q3e.jpg`, `${sha}-360w60q3e.jpg`, `${sha}.jpg`, `../${sha}-560w60q.webp`, `${sha.toUpperCase()}-560w60q.webp`, `${sha}-560w60q.webp/x`]) {
      expect(variantOfFile(file), file).toBeUndefined();
    }
  });
});

describe('copiesShownFor', () => {
  it('a page copy of every mirrored image, a thumbnail of the lead only, nothing of a withdrawn post, each file once', () => {
    const carousel = makePost({ id: '17895695668004550' });
    const [first] = carousel.media;
    carousel.media = [
      { ...first!, file: '1.jpg', sha256: '11'.repeat(32) },
      { ...first!, file: '2.jpg', sha256: '22'.repeat(32) },
    ] as typeof carousel.media;
    const withdrawn = makePost({ id: '17895695668004551' });
    withdrawn.media = [{ ...first!, sha256: '33'.repeat(32) }] as typeof withdrawn.media;
    withdrawn.provenance.removed = { at: '2026-01-01T00:00:00Z', reason: 'withdrawn', note: 'x' } as never;
    const files = copiesShownFor([carousel, carousel, withdrawn]).map((copy) => copy.file.replace(/^(..).{62}/, '$1'));
    expect(files.sort()).toEqual(['11-360w60q.jpg', '11-560w60q3e.webp', '22-560w60q3e.webp']);
  });
});
