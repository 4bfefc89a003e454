/**
 * `npm run ocr`: reads the text printed in the archive's images that have not been read yet (a first
 * import, or an archive older than OCR), with a progress bar; the sync does the same for a few minutes
 * per run. `npm run ocr -- --image FILE` prints what the engine reads in one image file, so staff can
 * check a poster. Exit codes: 0 done, 1 stopped or some images could not be read (named; the next run
 * tries them again), 2 a bug.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readArchivedPostsOrStop } from './sync/archive-state.ts';
import { FatalSyncError } from './sync/errors.ts';
import { acquireLock } from './sync/lock.ts';
import { createReporter } from './sync/report.ts';
import { readDueImages, readingLine, unreadLine } from './ocr/backlog.ts';
import { ImageReader, OCR_ENGINE } from './ocr/engine.ts';
import { toInstant } from './sync/upstream.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm run ocr -- [--limit N] [--minutes M] [--reread-other-engines] [--content DIR]
       npm run ocr -- --image FILE`;

function bar(done: number, total: number, startedAt: number): string {
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const perSecond = done / Math.max((Date.now() - startedAt) / 1000, 0.001);
  const left = perSecond > 0 ? Math.round((total - done) / perSecond / 60) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} images, ${perSecond.toFixed(1)}/s, about ${left} min left`;
}

/** Prints what the engine reads in one file. */
async function readOneImage(file: string): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(`ocr: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const reader = await ImageReader.start(1);
  try {
    const started = performance.now();
    const reading = await reader.read(bytes);
    const seconds = (performance.now() - started) / 1000;
    console.log(reading.text || '(no legible text)');
    console.log(`\n-- ${OCR_ENGINE}; confidence ${reading.confidence}; ${seconds.toFixed(2)} s`);
    return 0;
  } catch (error) {
    console.error(`ocr: ${file} could not be read as an image: ${(error as Error).message}`);
    return 1;
  } finally {
    await reader.close();
  }
}

async function readBacklog(options: { contentDir: string; limit?: number; minutes?: number; reread: boolean }): Promise<number> {
  const reporter = createReporter(process.stdout, []);
  const lock = await acquireLock(options.contentDir);
  try {
    const { posts, problems } = await readArchivedPostsOrStop(options.contentDir);
    for (const problem of problems) reporter.line(`warning: left untouched, not valid: ${problem.file}: ${problem.message}`);
    const startedAt = Date.now();
    let lastLine = 0;
    const tally = await readDueImages({
      contentDir: options.contentDir,
      posts,
      engine: OCR_ENGINE,
      startReader: () => ImageReader.start(availableParallelism()),
      now: toInstant(new Date()),
      reread: options.reread,
      limits: { maxImages: options.limit, deadline: options.minutes === undefined ? undefined : startedAt + options.minutes * 60_000 },
      onProgress: (done, total) => {
        reporter.progress(bar(done, total, startedAt));
        // Without a terminal (CI), a plain line each minute instead of the bar.
        if (!process.stdout.isTTY && Date.now() - lastLine > 60_000) {
          lastLine = Date.now();
          reporter.line(bar(done, total, startedAt));
        }
      },
    });
    reporter.done();
    reporter.line(readingLine(tally));
    for (const failed of tally.failed) reporter.line(unreadLine(failed));
    if (tally.failed.length) reporter.line('The next run tries these images again; a file that stays unreadable may be damaged (npm run verify checks it).');
    return tally.failed.length ? 1 : 0;
  } finally {
    await lock.release();
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        image: { type: 'string' },
        limit: { type: 'string' },
        minutes: { type: 'string' },
        'reread-other-engines': { type: 'boolean', default: false },
        content: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`ocr: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.image) return readOneImage(values.image);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
  if ((limit !== undefined && !(Number.isInteger(limit) && limit > 0)) || (minutes !== undefined && !(minutes > 0))) {
    console.error(`ocr: --limit takes a whole number of images and --minutes a number of minutes, both above 0.\n${USAGE}`);
    return 1;
  }
  try {
    return await readBacklog({ contentDir: resolve(REPO_ROOT, values.content ?? 'content'), limit, minutes, reread: values['reread-other-engines'] });
  } catch (error) {
    if (!(error instanceof FatalSyncError)) throw error;
    console.error(`ocr: ${error.message}\n${error.action}`);
    return 1;
  }
}

process.exitCode = await main();
