/**
 * The published copies of a mirrored image. The original stays in the repository (the record); readers get
 * at most two encodes of it, each named after the original's sha256 and its recipe, so a file's name
 * changes exactly when its bytes would, the host can cache it forever, and a deploy uploads only new ones.
 *
 * - `page`: every image, on its post page. WebP (every current browser) at most 560 px wide: 38 KB for a
 *   1080×1350 photo where the 672-px AVIF+WebP set cost four encodes per image. Encoder effort 3 instead
 *   of sharp's 4: the same bytes within 0.3%, a tenth less time over 14,000 images of a cold build.
 * - `thumb`: the lead image only, in lists, search results, feeds and Open Graph. JPEG, because WhatsApp
 *   and other link previews take JPEG and PNG only, 360 px wide (WhatsApp asks for at least 300): 20 KB.
 *
 * Pure: the site computes names and sizes from post.json alone; `src/integrations/media-files.ts` makes the
 * files after the build (and on demand in `astro dev`).
 */
import type { MirroredMedia } from '#archive/post.ts';

export interface MediaVariant {
  format: 'webp' | 'jpeg';
  /** The widest the copy is; a narrower original keeps its own width (never enlarged). */
  maxWidth: number;
  quality: number;
  /** WebP's encoder effort (0–6), part of the recipe and so of the name: other effort, other bytes. */
  effort?: number;
}

export const MEDIA_VARIANTS = {
  page: { format: 'webp', maxWidth: 560, quality: 60, effort: 3 },
  thumb: { format: 'jpeg', maxWidth: 360, quality: 60 },
} as const satisfies Record<string, MediaVariant>;

export type MediaVariantName = keyof typeof MEDIA_VARIANTS;

/** The folder of `dist/` the copies are published in. */
export const MEDIA_DIR = 'media';

const EXTENSIONS = { webp: 'webp', jpeg: 'jpg' } as const;

/** What a copy of one image is made from and what it is. */
export interface MediaCopy {
  /** File name in `dist/media/`: `<sha256>-<width>w<quality>q[<effort>e].<ext>`. */
  file: string;
  width: number;
  height: number;
  variant: MediaVariantName;
  /** The original's sha256, as post.json records it. */
  sha256: string;
}

/**
 * The longest side each format can encode (WebP 16,383 px, JPEG 65,535 px). Only an extreme strip such as a
 * 2×40000 image reaches it at the recipe's width: its copy is made that tall and proportionally narrow
 * (at least 1 px), where the encoder would refuse it and, with it, the whole build.
 */
export const MAX_SIDE = { webp: 16_383, jpeg: 65_535 } as const;

/** The copy `variant` makes of `item`: its name and exact pixel size (the encoder resizes to exactly this). */
export function mediaCopy(item: Pick<MirroredMedia, 'sha256' | 'width' | 'height'>, variant: MediaVariantName): MediaCopy {
  const recipe = MEDIA_VARIANTS[variant];
  let width = Math.min(recipe.maxWidth, item.width);
  let height = Math.max(1, Math.round((item.height * width) / item.width));
  if (height > MAX_SIDE[recipe.format]) {
    height = MAX_SIDE[recipe.format];
    width = Math.max(1, Math.round((item.width * height) / item.height));
  }
  return {
    file: `${item.sha256}-${recipeTag(recipe)}.${EXTENSIONS[recipe.format]}`,
    width,
    height,
    variant,
    sha256: item.sha256,
  };
}

/** `560w60q3e`: the recipe in a copy's name. */
function recipeTag(recipe: MediaVariant): string {
  return `${recipe.maxWidth}w${recipe.quality}q${recipe.effort === undefined ? '' : `${recipe.effort}e`}`;
}

/** `<sha256>-<recipe>.<ext>`: the names `mediaCopy` gives, and nothing else (dev requests are checked against it). */
export const MEDIA_COPY_FILE = /^([0-9a-f]{64})-(\d+w\d+q(?:\de)?)\.(webp|jpg)$/;

/** The variant a copy's file name stands for, or undefined for a name no current recipe makes. */
export function variantOfFile(file: string): { sha256: string; variant: MediaVariantName } | undefined {
  const match = MEDIA_COPY_FILE.exec(file);
  if (!match) return undefined;
  const [, sha256, tag, extension] = match;
  for (const [name, recipe] of Object.entries(MEDIA_VARIANTS) as [MediaVariantName, MediaVariant][]) {
    if (recipeTag(recipe) === tag && EXTENSIONS[recipe.format] === extension) {
      return { sha256: sha256!, variant: name };
    }
  }
  return undefined;
}
