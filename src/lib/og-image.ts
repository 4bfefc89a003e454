/**
 * The one processed copy of a post's lead image that leaves the site: Open Graph on the post page and
 * Media RSS in the feeds point at the same file, so the feeds add no image encodes of their own.
 */
import { getImage } from 'astro:assets';
import type { Post } from '#archive/post.ts';
import { leadMedia, loadMediaImage } from './media.ts';
import { paths } from './site.ts';

/** Open Graph images are JPEG at most 1200 pixels wide: what every preview card and feed reader takes. */
const OG_MAX_WIDTH = 1200;

export interface OgImage {
  /** Absolute URL of the processed file. */
  url: string;
  width: number;
  height: number;
  type: 'image/jpeg';
  /** The archived alt text, if the platform gave one. */
  alt: string | undefined;
}

/** The post's lead image as published for sharing, or undefined (no mirrored image, or withdrawn by staff). */
export async function ogImageOf(post: Post): Promise<OgImage | undefined> {
  // A withdrawn post's media is out of public view everywhere, whoever asks.
  if (post.provenance.removed?.reason === 'withdrawn') return undefined;
  const lead = leadMedia(post);
  if (!lead) return undefined;
  const image = await getImage({ src: await loadMediaImage(post, lead), width: Math.min(OG_MAX_WIDTH, lead.width), format: 'jpg' });
  return {
    url: paths.absolute(image.src),
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
    type: 'image/jpeg',
    alt: lead.alt,
  };
}
