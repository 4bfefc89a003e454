/**
 * OCR on the test posters (scripts/ocr/test-posters.ts: every poster font, light text on dark and
 * coloured bands, dark text on light panels, 20–120 px text, noise, JPEG quality 55–80): at least 90%
 * of the printed words are read on every poster, by the same engine and preparation the sync uses.
 * `node scripts/ocr/measure.ts` prints the same figures with timings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageReader } from '#scripts/ocr/engine.ts';
import { readTestPosters, type PosterResult } from '#scripts/ocr/measure.ts';
import { TEST_POSTERS } from '#scripts/ocr/test-posters.ts';

let reader: ImageReader;
let results: PosterResult[];

beforeAll(async () => {
  reader = await ImageReader.start();
  results = await readTestPosters(reader);
}, 180_000);
afterAll(async () => {
  await reader?.close();
});

describe('OCR on the test posters', () => {
  it.each(TEST_POSTERS.map((spec) => spec.seed))('reads at least nine in ten of the words printed on poster "%s"', (seed) => {
    const result = results.find((candidate) => candidate.seed === seed)!;
    expect(result.words).toBeGreaterThan(15);
    expect(result.recall, `missed: ${result.missed.join(' ')}\nread:\n${result.text}`).toBeGreaterThanOrEqual(0.9);
  });
});
