/**
 * Photo-like JPEGs for the benchmark. Real photographs keep detail at every scale: downscaled for the
 * page they stay busy, unlike flat drawings or fine noise, which compress to almost nothing. So these
 * mix texture at three scales (large soft shapes, mid-size blotches, fine grain) and compress like
 * photographs: about 150–250 KB as JPEG at 1080×1350, and tens of kilobytes as WebP at page width.
 * Deterministic: the same seed gives the same bytes.
 */
import sharp from 'sharp';
import { seededRandom } from '#scripts/sample/artwork.ts';

export interface PhotoSpec {
  seed: string;
  width: number;
  height: number;
}

/** Random bytes (3 channels) from a xorshift32 stream: fast, and deterministic per seed. */
function noise(length: number, seed: number, centre: number, spread: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed | 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    // Triangular around `centre` (the sum of two uniform bytes): close enough to Gaussian grain.
    const value = centre + (((state & 0xff) + ((state >>> 8) & 0xff) - 255) * spread) / 255;
    bytes[i] = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
  }
  return bytes;
}

/** A texture layer: noise drawn at 1/`scale` of the size and enlarged smoothly, so its detail is `scale` pixels big. */
async function layer(width: number, height: number, scale: number, seed: number, centre: number, spread: number): Promise<Buffer> {
  const [w, h] = [Math.max(2, Math.round(width / scale)), Math.max(2, Math.round(height / scale))];
  return sharp(noise(w * h * 3, seed, centre, spread), { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: scale > 1 ? 'linear' : 'nearest' })
    .raw()
    .toBuffer();
}

export async function photoJpeg({ seed, width, height }: PhotoSpec): Promise<Buffer> {
  const random = seededRandom(`bench-photo:${seed}`);
  const seedOf = () => Math.floor(random() * 0xffffffff);
  // Large soft shapes in colour, then mid-size and fine texture laid over them.
  const shapes = await layer(width, height, 60, seedOf(), 100 + random() * 60, 220);
  const blotches = await layer(width, height, 6, seedOf(), 128, 80 + random() * 50);
  const grain = await layer(width, height, 1, seedOf(), 128, 12 + random() * 12);
  // Summed in one pass here: sharp's blend modes cost three times the whole drawing.
  const pixels = Buffer.alloc(shapes.length);
  for (let i = 0; i < pixels.length; i++) {
    const value = shapes[i]! + (blotches[i]! - 128) * 0.45 + (grain[i]! - 128) * 0.7;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82 }).toBuffer();
}
