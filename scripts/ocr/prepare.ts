/**
 * Preparing a poster for the OCR engine. Tesseract reads dark text on a light page best, with letters
 * 20–60 px tall; a poster has light text on dark and coloured bands, dark text on light panels, 120-px
 * headlines and 20-px small print. Measured on the test posters (`node scripts/ocr/measure.ts`), one
 * greyscale pass missed whole lines that sit in a band or panel of the opposite polarity (the layout
 * analysis takes such a box for a picture), so each image is read twice:
 *
 *  1. as it is, in greyscale, at a width where small print is large enough and headlines not too large;
 *  2. with its polarity made uniform: wherever the local background is dark, the picture is inverted, and
 *     every pixel is divided by its local background, so every band and panel becomes dark text on white.
 *
 * text.ts merges the two readings line by line.
 */
import sharp from 'sharp';

/** Images are read at this width at least (small print of a 640-px picture becomes legible)… */
export const READING_MIN_WIDTH = 1000;
/** …and at most (a 4,000-px photo takes seconds longer and reads no better). */
export const READING_MAX_WIDTH = 1600;

/** The background is estimated on a grid of cells this many pixels wide… */
const BACKGROUND_CELL = 4;
/** …as the median over this many cells square (60 px): wider than a headline's strokes, about a band's height. */
const BACKGROUND_WINDOW = 15;
/** A background darker than this (0–255) is a dark ground, whose text is lighter than it. */
const DARK_BACKGROUND = 128;

interface Grey {
  data: Buffer;
  width: number;
  height: number;
}

/** The median-filtered picture at a coarse grid, enlarged back: the ground each pixel stands on. */
async function localBackground(grey: Grey): Promise<Buffer> {
  const raw = { width: grey.width, height: grey.height, channels: 1 } as const;
  const coarse = await sharp(grey.data, { raw })
    .resize({ width: Math.max(1, Math.round(grey.width / BACKGROUND_CELL)), height: Math.max(1, Math.round(grey.height / BACKGROUND_CELL)) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Separate pipelines: sharp applies one resize per pipeline, so shrinking and enlarging cannot share one.
  const median = await sharp(coarse.data, { raw: coarse.info }).median(BACKGROUND_WINDOW).raw().toBuffer({ resolveWithObject: true });
  return sharp(median.data, { raw: median.info }).resize({ width: grey.width, height: grey.height }).extractChannel(0).raw().toBuffer();
}

/** The picture with every dark-ground region inverted and every ground made white, so all text is dark on white. */
export async function uniformPolarity(grey: Grey): Promise<Buffer> {
  const background = await localBackground(grey);
  const out = Buffer.allocUnsafe(grey.data.length);
  for (let i = 0; i < out.length; i++) {
    const dark = background[i]! < DARK_BACKGROUND;
    const value = dark ? 255 - grey.data[i]! : grey.data[i]!;
    const ground = dark ? 255 - background[i]! : background[i]!;
    // Divided by its ground, every background becomes white: a flipped mid-blue band would stay grey,
    // and Tesseract's global threshold would take the whole band for one dark blob.
    out[i] = Math.min(255, Math.round((value * 255) / Math.max(ground, 1)));
  }
  return out;
}

/** The width an image is read at. */
export function readingWidth(width: number): number {
  return Math.min(READING_MAX_WIDTH, Math.max(READING_MIN_WIDTH, width));
}

/**
 * Limits checked from the file's header, before a pixel is decoded: scaled to the reading width, a
 * 1.7 KB PNG of 2×40000 pixels becomes 1000×20,000,000, and took the sync's OCR step past 3 GB of memory
 * in two minutes (a 1080×1350 poster needs about 200 MB). Posts are at most 1:1.91 (Instagram) or 16:9
 * (YouTube); a tall infographic of 1:10 is still read.
 */
export const OCR_LIMITS = {
  /** Pixels of the picture as stored (a 24-MP phone photo passes). */
  inputPixels: 40_000_000,
  /** The long side at most this many times the short side. */
  aspectRatio: 10,
  /** Pixels of the picture as scaled for reading (1600×10000). */
  readingPixels: 16_000_000,
} as const;

/** An image the OCR engine is not given, and why; recorded as not read, never read. */
export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

/** The width and height an image is read at, or why it is not read at all. Orientation is taken into account. */
export function readingSize(metadata: { width?: number | undefined; height?: number | undefined; orientation?: number | undefined }): { width: number; height: number } {
  const [stored, other] = [metadata.width ?? 0, metadata.height ?? 0];
  if (stored < 1 || other < 1) throw new UnreadableImageError('the image has no dimensions');
  // EXIF orientations 5–8 turn the picture a quarter: it is read upright, its sides swapped.
  const [w, h] = (metadata.orientation ?? 1) >= 5 ? [other, stored] : [stored, other];
  const size = `${w}×${h} px`;
  if (w * h > OCR_LIMITS.inputPixels) throw new UnreadableImageError(`too large to read (${size}; at most ${OCR_LIMITS.inputPixels / 1_000_000} MP)`);
  if (Math.max(w, h) > Math.min(w, h) * OCR_LIMITS.aspectRatio) {
    throw new UnreadableImageError(`too narrow to read (${size}; the long side at most ${OCR_LIMITS.aspectRatio}× the short one)`);
  }
  const width = readingWidth(w);
  const height = Math.max(1, Math.round((h * width) / w));
  if (width * height > OCR_LIMITS.readingPixels) throw new UnreadableImageError(`too large to read (${size}, ${width}×${height} px as read)`);
  return { width, height };
}

/**
 * The images the engine reads for one picture (any format sharp decodes): greyscale PNGs, one per pass.
 * Throws an `UnreadableImageError` for a picture past OCR_LIMITS, before decoding it.
 */
export async function prepareForReading(bytes: Uint8Array): Promise<Buffer[]> {
  // The header alone gives the size (and a reason to refuse); decoding then stops at `limitInputPixels` too.
  const { width } = readingSize(await sharp(bytes).metadata());
  const decoded = await sharp(bytes, { limitInputPixels: OCR_LIMITS.inputPixels }).rotate().greyscale().resize({ width }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const grey: Grey = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  const raw = { width: grey.width, height: grey.height, channels: 1 } as const;
  const png = (data: Buffer) => sharp(data, { raw }).png({ compressionLevel: 1 }).toBuffer();
  return Promise.all([png(grey.data), png(await uniformPolarity(grey))]);
}
