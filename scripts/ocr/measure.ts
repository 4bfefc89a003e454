/**
 * `node scripts/ocr/measure.ts [--parallel N]`: how well and how fast OCR reads the test posters
 * (test-posters.ts) on this machine: word recall per poster (the share of the printed words found in
 * the reading) and seconds per image, read one at a time and then `--parallel` at a time (default: one
 * per core). The OCR test asserts the same recall; the README quotes these figures.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { posterText, renderPoster, type PosterSpec } from '../sample/posters.ts';
import { ImageReader, OCR_ENGINE } from './engine.ts';
import { TEST_POSTERS } from './test-posters.ts';
import { wordRecall, wordsOf } from './text.ts';

export interface PosterResult {
  seed: string;
  words: number;
  recall: number;
  /** Words printed but not read. */
  missed: string[];
  seconds: number;
  text: string;
}

/** Reads every test poster one after another, timing each. */
export async function readTestPosters(reader: ImageReader, posters: readonly PosterSpec[] = TEST_POSTERS): Promise<PosterResult[]> {
  const results: PosterResult[] = [];
  for (const spec of posters) {
    const bytes = await renderPoster(spec);
    const started = performance.now();
    const reading = await reader.read(bytes);
    const seconds = (performance.now() - started) / 1000;
    const read = new Set(wordsOf(reading.text));
    const expected = posterText(spec);
    results.push({
      seed: spec.seed,
      words: wordsOf(expected).length,
      recall: wordRecall(expected, reading.text),
      missed: wordsOf(expected).filter((word) => !read.has(word)),
      seconds,
      text: reading.text,
    });
  }
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { parallel: { type: 'string', default: String(availableParallelism()) } } });
  const reader = await ImageReader.start(1);
  let results: PosterResult[];
  try {
    results = await readTestPosters(reader);
  } finally {
    await reader.close();
  }
  console.log(`${OCR_ENGINE}, ${availableParallelism()} cores`);
  for (const result of results) {
    console.log(
      `${result.seed.padEnd(14)} recall ${(result.recall * 100).toFixed(0).padStart(3)}% of ${result.words} words, ${result.seconds.toFixed(2)} s${result.missed.length ? `; missed: ${result.missed.join(' ')}` : ''}`,
    );
  }
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  console.log(`lowest recall ${(Math.min(...results.map((result) => result.recall)) * 100).toFixed(0)}%; one at a time ${(seconds / results.length).toFixed(2)} s per image`);

  const parallel = Number(values.parallel);
  if (parallel > 1) {
    const many = await ImageReader.start(parallel);
    try {
      const images = await Promise.all(TEST_POSTERS.map((spec) => renderPoster(spec)));
      const started = performance.now();
      await Promise.all(images.map((bytes) => many.read(bytes)));
      const elapsed = (performance.now() - started) / 1000;
      console.log(`${many.parallel} at a time: ${(elapsed / images.length).toFixed(2)} s per image (${images.length} in ${elapsed.toFixed(1)} s)`);
    } finally {
      await many.close();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
