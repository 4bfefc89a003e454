/**
 * Reading the words printed in the archive's images, a bounded amount per run: the sync reads what it
 * has time for after each run (newest posts first, so a new announcement is searchable at once), and
 * `npm run ocr` reads a whole backlog. Each image is read once: a reading records the sha256 of the
 * bytes it read, an image with the same bytes elsewhere in the archive takes that reading, and an
 * image whose bytes changed is read again. Each post's file is rewritten atomically after its images
 * are read, so a run cut off anywhere loses at most the post in hand, and the next run goes on.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { errorCode, postDirectory, writePost } from '#archive/archive-fs.ts';
import { postKey, type ImageText, type MirroredMedia, type Post } from '#archive/post.ts';
import { inTurns } from '#site/utils/in-turns.ts';
import type { ImageReader } from './engine.ts';

export interface DueImage {
  /** `<platform>/<id>` of the post. */
  post: string;
  /** Position in the post's media list. */
  index: number;
  file: string;
  sha256: string;
}

export interface ReadingPlan {
  /** Images to read, newest post first, in media order within a post. */
  due: DueImage[];
  /** Readings already in the archive, by the sha256 of the bytes read. */
  known: Map<string, ImageText>;
}

/** Whether an image needs reading: never read, read from other bytes, or (when `reread`) by another engine. */
export function needsReading(item: MirroredMedia, engine: string, reread: boolean): boolean {
  return !item.ocr || item.ocr.imageSha256 !== item.sha256 || (reread && item.ocr.engine !== engine);
}

/** What a run has to read, and the readings it can reuse. */
export function planReading(posts: Iterable<Post>, options: { engine: string; reread?: boolean }): ReadingPlan {
  const reread = options.reread ?? false;
  const due: DueImage[] = [];
  const known = new Map<string, ImageText>();
  const newestFirst = [...posts].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || postKey(a).localeCompare(postKey(b)));
  for (const post of newestFirst) {
    for (const [index, item] of post.media.entries()) {
      if (item.status !== 'mirrored') continue;
      if (needsReading(item, options.engine, reread)) due.push({ post: postKey(post), index, file: item.file, sha256: item.sha256 });
      else if (item.ocr) known.set(item.sha256, item.ocr);
    }
  }
  return { due, known };
}

export interface ReadingLimits {
  /** Read at most this many images. */
  maxImages?: number;
  /** Start no image after this instant (ms since the epoch). */
  deadline?: number;
}

export interface ReadingTally {
  /** Images read by the engine in this run. */
  read: number;
  /** Images that took the reading of an image with the same bytes. */
  reused: number;
  /** Images the engine could not read (named, with why); tried again next run. */
  failed: { post: string; file: string; reason: string }[];
  /** Images still waiting when the run's limit was reached. */
  remaining: number;
  /** Images whose file is not in this checkout (CI fetches only the next ones: scripts/publish/unread-originals.ts). */
  absent: number;
  /** Seconds spent, engine start included. */
  seconds: number;
}

export interface ReadingRun {
  contentDir: string;
  /** Every archived post by key; updated in place as posts are rewritten. */
  posts: Map<string, Post>;
  engine: string;
  /** Started only when there is something to read: an idle run costs no engine start. */
  startReader: () => Promise<ImageReader>;
  now: string;
  limits?: ReadingLimits;
  reread?: boolean;
  /** After each image: how many are done (read, reused or failed) of how many due. */
  onProgress?: (done: number, total: number) => void;
}

/** An image's bytes; undefined when this checkout leaves the file out (CI's sparse checkout). */
async function readImageFile(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads the images due, within the limits, and rewrites each post whose images gained a reading. */
export async function readDueImages(run: ReadingRun): Promise<ReadingTally> {
  const started = performance.now();
  const { due, known } = planReading(run.posts.values(), { engine: run.engine, reread: run.reread });
  const tally: ReadingTally = { read: 0, reused: 0, failed: [], remaining: 0, absent: 0, seconds: 0 };
  if (due.length === 0) return tally;

  const byPost = new Map<string, DueImage[]>();
  for (const image of due) byPost.set(image.post, [...(byPost.get(image.post) ?? []), image]);
  const { maxImages = Infinity, deadline = Infinity } = run.limits ?? {};
  let taken = 0;
  let done = 0;
  const mayStart = () => taken < maxImages && Date.now() < deadline;

  // Started at the first image that needs it: a run that only reuses readings costs no engine start.
  let reader: Promise<ImageReader> | undefined;
  const engine = () => (reader ??= run.startReader());
  try {
    // One post per core at a time; a post's images are read in turn and its file written once.
    await inTurns([...byPost.values()], availableParallelism(), async (images) => {
      const post = run.posts.get(images[0]!.post)!;
      const readings = new Map<number, ImageText>();
      for (const image of images) {
        const reused = known.get(image.sha256);
        if (reused) {
          readings.set(image.index, reused);
          tally.reused += 1;
        } else if (!mayStart()) {
          tally.remaining += 1;
          continue;
        } else {
          const bytes = await readImageFile(join(postDirectory(run.contentDir, post.platform, post.id), image.file));
          if (!bytes) {
            tally.absent += 1;
            continue;
          }
          taken += 1;
          // An engine that cannot start is no image's fault: that ends the reading (the caller says why).
          const ready = await engine();
          try {
            const { text, confidence } = await ready.read(bytes);
            const reading: ImageText = { text, confidence, engine: run.engine, readAt: run.now, imageSha256: image.sha256 };
            readings.set(image.index, reading);
            known.set(image.sha256, reading);
            tally.read += 1;
          } catch (error) {
            tally.failed.push({ post: image.post, file: image.file, reason: (error as Error).message.slice(0, 300) });
          }
        }
        done += 1;
        run.onProgress?.(done, due.length);
      }
      if (readings.size === 0) return;
      const media = post.media.map((item, index) => (item.status === 'mirrored' && readings.has(index) ? { ...item, ocr: readings.get(index)! } : item));
      const updated: Post = { ...post, media };
      try {
        await writePost(run.contentDir, updated);
      } catch (error) {
        // The post's file stays as it was (writes are validated, then atomic); the next run reads its images again.
        for (const image of images) if (readings.has(image.index)) tally.failed.push({ post: image.post, file: image.file, reason: (error as Error).message.slice(0, 300) });
        return;
      }
      run.posts.set(postKey(updated), updated);
    });
  } finally {
    await (await reader?.catch(() => undefined))?.close();
    tally.seconds = Math.round((performance.now() - started) / 100) / 10;
  }
  return tally;
}

/** Whether a run had anything to do with images (an idle run says nothing about them). */
export function anyReading(tally: ReadingTally): boolean {
  return tally.read + tally.reused + tally.failed.length + tally.remaining + tally.absent > 0;
}

/** One line for people about an image the engine could not read: which, and why. */
export function unreadLine(failed: ReadingTally['failed'][number]): string {
  return `could not read ${failed.post}/${failed.file}: ${failed.reason}`;
}

/** One line for people: what a run read and what is left. */
export function readingLine(tally: ReadingTally): string {
  const parts = [`${tally.read} image(s) read`];
  if (tally.reused) parts.push(`${tally.reused} with the same bytes as one read before`);
  if (tally.failed.length) parts.push(`${tally.failed.length} could not be read`);
  if (tally.absent) parts.push(`${tally.absent} not in this checkout`);
  parts.push(tally.remaining ? `${tally.remaining} left for the next run` : 'none left');
  return `Text in images: ${parts.join(', ')} (${tally.seconds} s).`;
}
