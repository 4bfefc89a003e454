/**
 * Photo-like JPEGs for the benchmark: large soft shapes (a random colour field, upscaled and blurred)
 * under fine grain, so that they compress like photographs (about 150–250 KB at 1080×1350) rather than
 * like the sample's flat drawings. Deterministic: the same seed gives the same bytes.
 */
import sharp from 'sharp';
import { seededRandom } from '#scripts/sample/artwork.ts';

export interface PhotoSpec {
  seed: string;
  width: number;
  height: number;
}

/** Grain strength: the JPEG's size follows it (measured: 12 → ~200 KB, 18 → ~240 KB at 1080×1350, q82). */
const GRAIN = [12, 19] as const;

export async function photoJpeg({ seed, width, height }: PhotoSpec): Promise<Buffer> {
  const random = seededRandom(`bench-photo:${seed}`);
  const [fieldWidth, fieldHeight] = [24, Math.max(8, Math.round((24 * height) / width))];
  const field = Buffer.alloc(fieldWidth * fieldHeight * 3);
  const hue = random();
  for (let i = 0; i < field.length; i += 3) {
    // Colours around one hue, as a scene has a dominant tone.
    const shade = random();
    field[i] = Math.floor(255 * Math.min(1, Math.abs(Math.sin((hue + shade * 0.3) * Math.PI))));
    field[i + 1] = Math.floor(255 * Math.min(1, Math.abs(Math.sin((hue + 0.33 + shade * 0.3) * Math.PI))));
    field[i + 2] = Math.floor(255 * Math.min(1, Math.abs(Math.sin((hue + 0.66 + shade * 0.3) * Math.PI))));
  }
  const base = await sharp(field, { raw: { width: fieldWidth, height: fieldHeight, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .blur(4)
    .raw()
    .toBuffer();
  const sigma = GRAIN[0] + random() * (GRAIN[1] - GRAIN[0]);
  const grain = Buffer.alloc(width * height * 3);
  // xorshift32 seeded from the picture's PRNG: four noise bytes per step (the seeded PRNG per byte is 5× slower).
  let state = Math.floor(random() * 0xffffffff) | 1;
  const scale = (sigma * 2.45) / 255;
  for (let i = 0; i < grain.length; i += 2) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    // Triangular noise around mid-grey (the sum of two uniform bytes), close enough to Gaussian.
    grain[i] = clampByte(128 + ((state & 0xff) + ((state >>> 8) & 0xff) - 255) * scale);
    grain[i + 1] = clampByte(128 + (((state >>> 16) & 0xff) + ((state >>> 24) & 0xff) - 255) * scale);
  }
  return sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'overlay' }])
    .jpeg({ quality: 82 })
    .toBuffer();
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}
