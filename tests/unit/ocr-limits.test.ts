/**
 * The OCR step refuses, from the file's header and before decoding a pixel, a picture too large or too
 * narrow to read: scaled to the reading width, a 1.7 KB PNG of 2×40000 pixels became 1000×20,000,000.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OCR_LIMITS, prepareForReading, readingSize, UnreadableImageError } from '#scripts/ocr/prepare.ts';
import { caught } from '../helpers/caught.ts';

const blank = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#fff' } }).png().toBuffer();

describe('readingSize', () => {
  it('gives the size a poster, a thumbnail or a phone photo is read at', () => {
    expect(readingSize({ width: 1080, height: 1350 })).toEqual({ width: 1080, height: 1350 });
    expect(readingSize({ width: 640, height: 360 })).toEqual({ width: 1000, height: 563 });
    expect(readingSize({ width: 6000, height: 4000 })).toEqual({ width: 1600, height: 1067 });
    // An EXIF quarter turn: read upright.
    expect(readingSize({ width: 4000, height: 3000, orientation: 6 })).toEqual({ width: 1600, height: 2133 });
    // As narrow as allowed.
    expect(readingSize({ width: 300, height: 3000 })).toEqual({ width: 1000, height: 10000 });
  });

  it.each([
    [{ width: 2, height: 40_000 }, 'too narrow to read (2×40000 px; the long side at most 10× the short one)'],
    [{ width: 40_000, height: 2 }, 'too narrow to read (40000×2 px; the long side at most 10× the short one)'],
    [{ width: 8000, height: 6000 }, 'too large to read (8000×6000 px; at most 40 MP)'],
    [{ width: 1, height: 0 }, 'the image has no dimensions'],
    [{}, 'the image has no dimensions'],
  ])('refuses %o: %s', (metadata, reason) => {
    expect(() => readingSize(metadata)).toThrow(new UnreadableImageError(reason));
  });

  it('never lets a picture within the limits be read at more than the reading pixels', () => {
    for (const [width, height] of [[100, 1000], [1600, 16_000], [2000, 20_000], [6324, 6324], [40_000, 1000]]) {
      try {
        const size = readingSize({ width, height });
        expect(size.width * size.height).toBeLessThanOrEqual(OCR_LIMITS.readingPixels);
      } catch (error) {
        expect(error).toBeInstanceOf(UnreadableImageError);
      }
    }
  });
});

describe('prepareForReading', () => {
  it('refuses a 1.7 KB PNG of 2×40000 pixels at once, in bounded memory', async () => {
    const strip = await blank(2, 40_000);
    expect(strip.length).toBeLessThan(4_000);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const error = await caught(prepareForReading(strip));
    expect(error).toBeInstanceOf(UnreadableImageError);
    expect(error.message).toMatch(/^too narrow to read \(2×40000 px/);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  }, 15_000);

  it('refuses a file whose pixels exceed the limit, which sharp would decode', async () => {
    // 7000×6000 = 42 MP: a plain colour compresses to a few kilobytes.
    const error = await caught(prepareForReading(await blank(7000, 6000)));
    expect(error).toBeInstanceOf(UnreadableImageError);
    expect(error.message).toBe('too large to read (7000×6000 px; at most 40 MP)');
  }, 15_000);

  it('still prepares a poster: two passes at the reading size', async () => {
    const passes = await prepareForReading(await blank(1080, 1350));
    expect(passes).toHaveLength(2);
    for (const pass of passes) expect(await sharp(pass).metadata()).toMatchObject({ width: 1080, height: 1350 });
  });
});
