/**
 * The OCR engine: tesseract.js (Tesseract compiled to WebAssembly) with the Indonesian LSTM model from
 * the npm package @tesseract.js-data/ind. Everything it needs is in node_modules: no download at first
 * use, no network at run time (`langPath` is a local folder and the model cache is off, so nothing is
 * fetched and nothing is written).
 *
 * One engine per core reads images side by side; each image is prepared (prepare.ts), read in two
 * passes and merged (text.ts).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Scheduler } from 'tesseract.js';
import { prepareForReading } from './prepare.ts';
import { mergeReadings, readingOf, type ReadLine } from './text.ts';

const require = createRequire(import.meta.url);

/** The model: Tesseract's "best" Indonesian LSTM network, integerised (1.2 MB), as tesseract.js uses it by default. */
const MODEL = '4.0.0_best_int';

function versionOf(packageName: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${packageName}/package.json`), 'utf8')) as { version: string }).version;
}

/** Names library, version and model, as every reading records it (`ocr.engine` in post.json). */
export const OCR_ENGINE = `tesseract.js ${versionOf('tesseract.js')}, ind ${MODEL} (@tesseract.js-data/ind ${versionOf('@tesseract.js-data/ind')})`;

const MODEL_FOLDER = join(dirname(require.resolve('@tesseract.js-data/ind/package.json')), MODEL);
/** tesseract.js's own worker script, behind a filter for the engine's diagnostics (quiet-worker.cjs). */
const WORKER_SCRIPT = join(dirname(new URL(import.meta.url).pathname), 'quiet-worker.cjs');

export interface ImageReading {
  text: string;
  confidence: number;
}

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface RecognizedLine {
  text: string;
  confidence: number;
  bbox: Bbox;
}

/** An engine started and ready to read; close it, or the process keeps running. */
export class ImageReader {
  private readonly scheduler: Scheduler;
  /** How many images it reads at once. */
  readonly parallel: number;

  private constructor(scheduler: Scheduler, parallel: number) {
    this.scheduler = scheduler;
    this.parallel = parallel;
  }

  /** Starts one engine per core (at most `parallel`); about half a second each. */
  static async start(parallel = availableParallelism()): Promise<ImageReader> {
    // Loaded here, not at the top: a sync with nothing to read never pays for loading the engine.
    const { createScheduler, createWorker, OEM, PSM } = await import('tesseract.js');
    const count = Math.max(1, Math.min(parallel, availableParallelism()));
    const scheduler = createScheduler();
    const workers = await Promise.all(
      Array.from({ length: count }, async () => {
        const worker = await createWorker('ind', OEM.LSTM_ONLY, { langPath: MODEL_FOLDER, cacheMethod: 'none', gzip: true, workerPath: WORKER_SCRIPT });
        await worker.setParameters({
          // Find text anywhere on the page, in blocks of any size (the default assumes one uniform block).
          tessedit_pageseg_mode: PSM.AUTO,
          // Posters carry no resolution; say it, rather than have Tesseract guess and print that it did.
          user_defined_dpi: '300',
          // Tesseract's own diagnostics ("Detected N diacritics") are not for staff.
          debug_file: '/dev/null',
        });
        return worker;
      }),
    );
    for (const worker of workers) scheduler.addWorker(worker);
    return new ImageReader(scheduler, count);
  }

  /** The text printed in one image (any format sharp decodes). */
  async read(bytes: Uint8Array): Promise<ImageReading> {
    const passes = await Promise.all((await prepareForReading(bytes)).map((image) => this.readLines(image)));
    return readingOf(mergeReadings(passes));
  }

  private async readLines(image: Buffer): Promise<ReadLine[]> {
    const { data } = await this.scheduler.addJob('recognize', image, {}, { text: false, blocks: true });
    const lines: RecognizedLine[] = (data.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
    return lines.map((line) => ({ text: line.text, confidence: line.confidence, box: line.bbox }));
  }

  async close(): Promise<void> {
    await this.scheduler.terminate();
  }
}
