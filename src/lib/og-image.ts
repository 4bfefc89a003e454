/**
 * The one copy of a post's lead image that leaves the site: Open Graph on the post page and Media RSS in
 * the feeds point at the small JPEG the lists already show, so sharing and feeds add no file of their own.
 */
import type { Post } from '#archive/post.ts';
import { leadMedia, publishedImage } from './media.ts';
import { paths } from './site.ts';

export interface OgImage {
  /** Absolute URL of the published file. */
  url: string;
  width: number;
  height: number;
  type: 'image/jpeg';
  /** The archived alt text, if the platform gave one. */
  alt: string | undefined;
}

/** The post's lead image as published for sharing, or undefined (no mirrored image, or withdrawn by staff). */
export function ogImageOf(post: Post): OgImage | undefined {
  // A withdrawn post's media is out of public view everywhere, whoever asks.
  if (post.provenance.removed?.reason === 'withdrawn') return undefined;
  const lead = leadMedia(post);
  if (!lead) return undefined;
  const image = publishedImage(lead, 'thumb');
  return { url: paths.absolute(image.src), width: image.width, height: image.height, type: 'image/jpeg', alt: lead.alt };
}
