/**
 * Placeholder pictures for the sample archive: an abstract "landscape" (gradient sky, rolling hills, a sun
 * and a few soft shapes) drawn as SVG and encoded as JPEG by sharp.
 *
 * Why like this: the sample must not contain real photos (rights, privacy), must be byte-for-byte the same
 * on every run, and must work on machines without fonts, so the SVG has no text and every choice comes
 * from a PRNG seeded with the post id (plus the item number for carousels).
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

// One image at a time and no cache: the generator runs beside other work on small machines.
sharp.concurrency(1);
sharp.cache(false);

/** Small, fast, well-known 32-bit PRNG; good enough for picking colours. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A PRNG seeded from any string, so adding a post never changes another post's pictures. */
export function seededRandom(seed: string): () => number {
  return mulberry32(createHash('sha256').update(seed).digest().readUInt32LE(0));
}

/** `#rrggbb` from hue (degrees), saturation and lightness (0–1); SVG renderers all read hex. */
function hsl(hue: number, saturation: number, lightness: number): string {
  const h = (((hue % 360) + 360) % 360) / 360;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + h * 12) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** Rounds coordinates so the SVG text (and thus the render) never depends on float printing. */
const r1 = (value: number) => Math.round(value * 10) / 10;

/** A hill line across the picture: a smooth path through a few random peaks, closed at the bottom. */
function hillPath(random: () => number, width: number, height: number, baseline: number, amplitude: number): string {
  const peaks = 3 + Math.floor(random() * 3);
  const step = width / peaks;
  let path = `M0 ${height} L0 ${r1(baseline)}`;
  for (let i = 0; i < peaks; i++) {
    const peakX = step * i + step * (0.3 + random() * 0.4);
    const peakY = baseline - amplitude * (0.4 + random() * 0.6);
    const endX = step * (i + 1);
    const endY = baseline - amplitude * random() * 0.3;
    path += ` Q${r1(peakX)} ${r1(peakY)} ${r1(endX)} ${r1(endY)}`;
  }
  return `${path} L${width} ${height} Z`;
}

/** The SVG source of one picture; exported so tests or a designer can look at it without sharp. */
export function artworkSvg(seed: string, width: number, height: number): string {
  const random = seededRandom(seed);
  const hue = random() * 360;
  const skyTop = hsl(hue, 0.45 + random() * 0.25, 0.55 + random() * 0.15);
  const skyBottom = hsl(hue + 25 + random() * 60, 0.5 + random() * 0.3, 0.75 + random() * 0.1);
  const angle = random();
  const short = Math.min(width, height);

  const sun = `<circle cx="${r1(width * (0.15 + random() * 0.7))}" cy="${r1(height * (0.12 + random() * 0.25))}" r="${r1(short * (0.08 + random() * 0.1))}" fill="${hsl(hue + 180 + random() * 40, 0.7, 0.88)}" fill-opacity="0.85"/>`;

  // Soft shapes behind the hills, like clouds or banners; few and large so the JPEG stays small.
  const shapes: string[] = [];
  const shapeCount = 2 + Math.floor(random() * 3);
  for (let i = 0; i < shapeCount; i++) {
    const colour = hsl(hue + random() * 120 - 60, 0.5, 0.9);
    const opacity = r1(0.15 + random() * 0.25);
    const x = r1(random() * width);
    const y = r1(random() * height * 0.55);
    const size = r1(short * (0.1 + random() * 0.25));
    if (random() < 0.5) {
      shapes.push(`<circle cx="${x}" cy="${y}" r="${size}" fill="${colour}" fill-opacity="${opacity}"/>`);
    } else {
      const rotate = Math.round(random() * 90 - 45);
      shapes.push(
        `<rect x="${x}" y="${y}" width="${r1(size * 2)}" height="${r1(size * 0.6)}" rx="${r1(size * 0.3)}" fill="${colour}" fill-opacity="${opacity}" transform="rotate(${rotate} ${x} ${y})"/>`,
      );
    }
  }

  // Two or three ranges of hills, darker towards the front, as in the Tapanuli hill country.
  const hills: string[] = [];
  const hillCount = 2 + Math.floor(random() * 2);
  const hillHue = 90 + random() * 70; // greens and teals, whatever the sky
  for (let i = 0; i < hillCount; i++) {
    const baseline = height * (0.6 + (i / hillCount) * 0.3 + random() * 0.05);
    const fill = hsl(hillHue + i * 8, 0.35 + random() * 0.2, 0.45 - i * 0.1);
    hills.push(`<path d="${hillPath(random, width, height, baseline, height * 0.22)}" fill="${fill}"/>`);
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs><linearGradient id="sky" x1="${r1(angle)}" y1="0" x2="${r1(1 - angle)}" y2="1">`,
    `<stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/>`,
    `</linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    ...shapes,
    sun,
    ...hills,
    `</svg>`,
  ].join('\n');
}

/** The JPEG bytes of one picture: baseline libjpeg (not mozjpeg), quality 72, no metadata at all. */
export async function renderArtwork(seed: string, width: number, height: number): Promise<Buffer> {
  return sharp(Buffer.from(artworkSvg(seed, width, height)))
    .jpeg({ quality: 72, mozjpeg: false })
    .toBuffer();
}
