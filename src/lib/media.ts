/**
 * Mirrored media files as Astro image imports, so every image goes through Astro's pipeline (resized,
 * re-encoded, width and height known). The glob is lazy: a build only decodes the images it renders.
 */
import type { ImageMetadata } from 'astro';
import type { MirroredMedia, Post, PostMedia } from '#archive/post.ts';
import { postFolder } from '#archive/layout.ts';

const files = import.meta.glob<{ default: ImageMetadata }>('/content/posts/*/*/*/*.{jpg,jpeg,png,webp}');

export function isMirrored(item: PostMedia): item is MirroredMedia {
  return item.status === 'mirrored';
}

/** The image behind a mirrored media item; a file named in post.json but missing fails the build. */
export async function loadMediaImage(post: Pick<Post, 'platform' | 'id'>, item: MirroredMedia): Promise<ImageMetadata> {
  const path = `/content/${postFolder(post.platform, post.id)}/${item.file}`;
  const load = files[path];
  if (!load) throw new Error(`${path.slice(1)} is named in post.json but the file is missing.`);
  return (await load()).default;
}

/** The first mirrored image of a post (its poster or first photo), for cards and Open Graph. */
export function leadMedia(post: Pick<Post, 'media'>): MirroredMedia | undefined {
  return post.media.find(isMirrored);
}
