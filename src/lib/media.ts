/**
 * The images a page shows: which mirrored item leads a post, and the published copy of an item
 * (`src/utils/media-variants.ts`) as an address with its exact size, so no image shifts the layout.
 */
import type { MirroredMedia, Post, PostMedia } from '#archive/post.ts';
import { MEDIA_DIR, mediaCopy, type MediaCopy, type MediaVariantName } from '../utils/media-variants.ts';
import { paths, t } from './site.ts';
import { summarize } from '../utils/text.ts';

export function isMirrored(item: PostMedia): item is MirroredMedia {
  return item.status === 'mirrored';
}

/** The first mirrored image of a post (its poster or first photo), for cards and Open Graph. */
export function leadMedia(post: Pick<Post, 'media'>): MirroredMedia | undefined {
  return post.media.find(isMirrored);
}

export interface PublishedImage {
  src: string;
  width: number;
  height: number;
}

/** Where the site publishes the `variant` copy of an item, and its size. */
export function publishedImage(item: MirroredMedia, variant: MediaVariantName): PublishedImage {
  const { file, width, height } = mediaCopy(item, variant);
  return { src: paths.asset(`${MEDIA_DIR}/${file}`), width, height };
}

/** Every copy the pages of these posts show: each image on its page, the lead image small. None of a withdrawn post. */
export function copiesShownFor(posts: Iterable<Post>): MediaCopy[] {
  const copies = new Map<string, MediaCopy>();
  const add = (copy: MediaCopy) => copies.set(copy.file, copy);
  for (const post of posts) {
    if (post.provenance.removed?.reason === 'withdrawn') continue;
    const lead = leadMedia(post);
    if (lead) add(mediaCopy(lead, 'thumb'));
    for (const item of post.media) if (isMirrored(item)) add(mediaCopy(item, 'page'));
  }
  return [...copies.values()];
}

/** The words OCR read in an item, when it read any (machine-read: shown as such, never as the post's text). */
export function imageTextOf(item: PostMedia): string | undefined {
  return isMirrored(item) && item.ocr?.text.trim() ? item.ocr.text : undefined;
}

/** Longest alt text taken from an image's printed words; the whole text is on the page below the image. */
const ALT_FROM_TEXT_LENGTH = 250;

/**
 * An image's text alternative: what the platform or staff gave; else, for a poster, the words printed
 * in it (so a screen reader hears the announcement); else `fallback`.
 */
export function altTextOf(item: MirroredMedia, fallback: string): string {
  if (item.alt) return item.alt;
  const printed = imageTextOf(item);
  return printed ? t.imageText.alt(summarize(printed, ALT_FROM_TEXT_LENGTH)) : fallback;
}
