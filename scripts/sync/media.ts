/**
 * Mirroring images into the post's folder, because Instagram's media URLs expire within days. Each file
 * is checked to be a real image by decoding it with sharp, hashed, written atomically, and never fetched
 * again once mirrored. A failed download leaves the item `pending` (retried next run) and never blocks
 * the post or the run.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PostMedia } from '#archive/post.ts';
import { FatalSyncError } from './errors.ts';
import { getBytes, type HttpOptions } from './http.ts';
import { writeFileAtomic } from '#archive/archive-fs.ts';
import { matchMedia } from './merge.ts';
import type { UpstreamMedia } from './upstream.ts';

const EXTENSIONS = { jpeg: 'jpg', png: 'png', webp: 'webp' } as const;
type StoredFormat = keyof typeof EXTENSIONS;

/** The most pixels a mirrored image may have (Instagram serves at most 1440×1800, YouTube 1280×720). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface MediaTally {
  /** Files downloaded and written in this run. */
  files: number;
  bytes: number;
  /** Items left pending (download failed, not an image, no URL). */
  pending: number;
}

export interface MirrorContext {
  /** The post's folder. */
  dir: string;
  http: HttpOptions;
  now: string;
  dryRun: boolean;
  tally: MediaTally;
  /** The files this run wrote into the folder, so that a post that cannot be saved leaves none behind. */
  written: string[];
}

export interface InspectedImage {
  format: StoredFormat;
  width: number;
  height: number;
}

/** Decodes the bytes fully: a truncated file or an HTML error page is not an image. */
export async function inspectImage(bytes: Uint8Array): Promise<InspectedImage> {
  let metadata;
  try {
    // A few kilobytes can declare a billion pixels: the platforms serve at most a few megapixels, so
    // anything over the limit is refused before it is decoded (sharp's own default is 268 MP).
    const image = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS });
    metadata = await image.metadata();
    await image.stats();
  } catch (error) {
    throw new Error(`not a readable image (${(error as Error).message.slice(0, 80)})`);
  }
  const format = metadata.format;
  if (!format || !(format in EXTENSIONS)) throw new Error(`unsupported image format ${format ?? 'unknown'}`);
  if (!metadata.width || !metadata.height) throw new Error('an image without dimensions');
  return { format: format as StoredFormat, width: metadata.width, height: metadata.height };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file a killed run already wrote for this item (before its post.json): reuse instead of fetching. */
async function leftoverFile(dir: string, baseName: string): Promise<{ file: string; bytes: Buffer } | undefined> {
  for (const extension of Object.values(EXTENSIONS)) {
    const file = `${baseName}.${extension}`;
    try {
      return { file, bytes: await readFile(join(dir, file)) };
    } catch {
      // not there
    }
  }
  return undefined;
}

/** The item's own id on the platform, when it has one (a carousel item). */
function identity(item: UpstreamMedia): Pick<PostMedia, 'childId'> {
  return item.childId === undefined ? {} : { childId: item.childId };
}

function pending(item: UpstreamMedia, previous: PostMedia | undefined, reason: string, now: string): PostMedia {
  return {
    status: 'pending',
    role: item.role,
    ...identity(item),
    reason: reason.slice(0, 500),
    attempts: (previous?.status === 'pending' ? previous.attempts : 0) + 1,
    lastAttemptAt: now,
  };
}

async function mirrorOne(item: UpstreamMedia, previous: PostMedia | undefined, context: MirrorContext): Promise<PostMedia> {
  if (previous?.status === 'mirrored' && previous.role === item.role) {
    return { ...previous, ...identity(item), ...(item.alt ? { alt: item.alt } : {}) };
  }
  if (!item.url) return pending(item, previous, item.missingReason ?? 'no URL', context.now);
  if (context.dryRun) return pending(item, previous, 'not downloaded (dry run)', context.now);

  const leftover = await leftoverFile(context.dir, item.baseName);
  try {
    let file: string;
    let bytes: Uint8Array;
    let image: InspectedImage;
    if (leftover) {
      ({ file, bytes } = leftover);
      image = await inspectImage(bytes);
    } else {
      ({ bytes } = await getBytes(new URL(item.url), 'media', context.http));
      image = await inspectImage(bytes);
      file = `${item.baseName}.${EXTENSIONS[image.format]}`;
      await writeFileAtomic(join(context.dir, file), bytes);
      context.written.push(file);
      context.tally.files += 1;
      context.tally.bytes += bytes.byteLength;
    }
    return {
      status: 'mirrored',
      role: item.role,
      ...identity(item),
      file,
      width: image.width,
      height: image.height,
      sha256: sha256(bytes),
      ...(item.alt ? { alt: item.alt } : {}),
      mirroredAt: context.now,
    };
  } catch (error) {
    if (error instanceof FatalSyncError) throw error;
    return pending(item, previous, `download failed: ${(error as Error).message}`, context.now);
  }
}

/**
 * The post's media list after this run: kept, newly mirrored, or pending, in the upstream order. Each item
 * continues the archived item `matchMedia` pairs it with (by carousel item id, else by position).
 */
export async function mirrorMedia(
  previous: readonly PostMedia[] | undefined,
  upstream: readonly UpstreamMedia[],
  context: MirrorContext,
): Promise<PostMedia[]> {
  const matches = matchMedia(previous, upstream);
  const result: PostMedia[] = [];
  for (const [index, item] of upstream.entries()) {
    const match = matches[index];
    const mirrored = await mirrorOne(item, match === undefined ? undefined : previous?.[match], context);
    if (mirrored.status === 'pending') context.tally.pending += 1;
    result.push(mirrored);
  }
  return result;
}
