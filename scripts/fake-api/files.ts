/**
 * The fake CDN's files: deterministic pictures (the sample archive's artwork, drawn by sharp), a tiny
 * MP4-looking body for reels, and the rule that sizes a picture from its URL when no file was declared.
 */
import sharp from 'sharp';
import { renderArtwork } from '#scripts/sample/artwork.ts';
import { renderPoster } from '#scripts/sample/posters.ts';
import type { FakeFile, ImageSpec } from './types.ts';

/** YouTube's thumbnail names (as on i.ytimg.com/vi/<id>/) and their pixel sizes. */
export const YOUTUBE_THUMBNAIL_SIZES = {
  default: { file: 'default', width: 120, height: 90 },
  medium: { file: 'mqdefault', width: 320, height: 180 },
  high: { file: 'hqdefault', width: 480, height: 360 },
  standard: { file: 'sddefault', width: 640, height: 480 },
  maxres: { file: 'maxresdefault', width: 1280, height: 720 },
} as const;

/**
 * Not a playable video, but starts like one (an `ftyp` box, then an `mdat` box), so a client that sniffs
 * bytes sees MP4 and one that trusts only Content-Type sees `video/mp4`. Never an image.
 */
export const MP4_BYTES: Buffer = (() => {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypmp42', 'latin1'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mp42isom', 'latin1'),
  ]);
  const payload = Buffer.alloc(1016, 0x2a);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0x04, 0x00]), Buffer.from('mdat', 'latin1'), payload]);
  return Buffer.concat([ftyp, mdat]);
})();

const rendered = new Map<string, Promise<Buffer>>();

/** The bytes of one picture; the same spec always gives the same bytes (cached for the process). */
export function renderImage(spec: ImageSpec): Promise<Buffer> {
  const key = JSON.stringify([spec.seed, spec.width, spec.height, spec.format ?? 'jpeg', spec.content ?? null, spec.poster?.seed ?? null]);
  let bytes = rendered.get(key);
  if (!bytes) {
    bytes = draw(spec);
    rendered.set(key, bytes);
    bytes.catch(() => rendered.delete(key));
  }
  return bytes;
}

async function draw(spec: ImageSpec): Promise<Buffer> {
  if (spec.poster) return renderPoster(spec.poster);
  const format = spec.format ?? 'jpeg';
  const inner = spec.content ?? { width: spec.width, height: spec.height };
  let art = await renderArtwork(spec.seed, inner.width, inner.height);
  if (spec.content) {
    art = await sharp({ create: { width: spec.width, height: spec.height, channels: 3, background: '#000000' } })
      .composite([{ input: art, gravity: 'centre' }])
      .jpeg({ quality: 72, mozjpeg: false })
      .toBuffer();
  }
  if (format === 'png') return sharp(art).png({ compressionLevel: 6 }).toBuffer();
  if (format === 'webp') return sharp(art).webp({ quality: 70 }).toBuffer();
  return art;
}

export function contentTypeOf(spec: ImageSpec): string {
  return spec.format === 'png' ? 'image/png' : spec.format === 'webp' ? 'image/webp' : 'image/jpeg';
}

/**
 * A file for a CDN path that no one declared but that the data references: sized from the name
 * (`hqdefault.jpg`, `..._640x800_n.jpg`), 640x640 otherwise; `.mp4` gives MP4_BYTES.
 */
export function impliedFile(path: string): FakeFile {
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).toLowerCase();
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if (extension === 'mp4' || extension === 'mov') return { contentType: 'video/mp4', body: MP4_BYTES };
  const format = extension === 'png' ? 'png' : extension === 'webp' ? 'webp' : 'jpeg';
  if (!['jpg', 'jpeg', 'png', 'webp'].includes(extension)) {
    return { contentType: 'application/octet-stream', body: Buffer.from(`fake bytes of ${path}\n`) };
  }
  const stem = name.replace(/\.[a-z0-9]+$/, '').replace(/_live$/, '');
  const youtube = Object.values(YOUTUBE_THUMBNAIL_SIZES).find((size) => size.file === stem);
  if (youtube) {
    const { width, height } = youtube;
    const content = width * 9 === height * 16 ? undefined : { width, height: Math.round((width * 9) / 16) };
    return { image: { seed: path, width, height, format, content } };
  }
  const sized = /(\d{2,4})x(\d{2,4})/.exec(stem);
  const width = sized ? Number(sized[1]) : 640;
  const height = sized ? Number(sized[2]) : 640;
  return { image: { seed: path, width, height, format } };
}

/** Every string in `value` (deeply) that starts with `prefix`. */
export function collectUrls(value: unknown, prefix: string, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.startsWith(prefix)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectUrls(item, prefix, into);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const item of Object.values(value)) collectUrls(item, prefix, into);
  }
  return into;
}
