/**
 * Announcement posters with known words, as a regency's communications office makes them: a coloured
 * background, a large headline, light text on dark or coloured bands, dark text on light panels, small
 * print at the bottom, saved as a noisy JPEG. The sample archive's posters and the OCR tests' posters are
 * drawn here, so the words a test expects to read are exactly the words drawn.
 *
 * Text is drawn by librsvg (through sharp) with the machine's fonts: DejaVu and Liberation, Debian's
 * fonts-dejavu-core and fonts-liberation (`npm test` installs them where it can). Without them, librsvg falls back to
 * another font or draws nothing, and the OCR tests rightly fail.
 */
import sharp from 'sharp';
import { seededRandom } from './artwork.ts';

import { POSTER_FONTS, type PosterFont } from './poster-fonts.ts';

export { POSTER_FONTS, type PosterFont };

export interface PosterLine {
  text: string;
  font: PosterFont;
  /** Font size in pixels at the poster's width. */
  size: number;
  bold?: boolean;
  /** Text colour, `#rrggbb`. */
  colour: string;
  /** A full-width band of this colour behind the line (light text on a dark band, say). */
  band?: string;
  /** A rounded panel of this colour behind the line, inset from the edges. */
  panel?: string;
  /** Extra space above the line, in pixels. */
  spaceBefore?: number;
}

export interface PosterSpec {
  width: number;
  height: number;
  /** Background gradient from top left to bottom right. */
  background: readonly [string, string];
  lines: readonly PosterLine[];
  /** Strength of the pixel noise added before encoding (0: none; 12: a phone photo of a print). */
  noise?: number;
  /** JPEG quality of the result. */
  quality?: number;
  /** Seed of the noise, so the same spec always gives the same bytes. */
  seed: string;
}

const MARGIN = 0.055;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rough advance width of a line (average glyph width per font family), so a spec that would not fit is refused. */
function estimatedWidth(line: PosterLine): number {
  const perChar = line.font.includes('Mono') ? 0.6 : line.font.includes('Narrow') ? 0.46 : line.font.includes('DejaVu') ? 0.6 : 0.54;
  return line.text.length * line.size * perChar * (line.bold ? 1.07 : 1);
}

/** The SVG of a poster; every text is escaped (a poster's words are data like any other). */
export function posterSvg(spec: PosterSpec): string {
  const { width, height } = spec;
  const margin = Math.round(width * MARGIN);
  const parts: string[] = [];
  let y = Math.round(height * 0.07);
  for (const line of spec.lines) {
    const available = width - 2 * margin - (line.panel ? 2 * margin : 0);
    if (estimatedWidth(line) > available) {
      throw new Error(`poster line "${line.text}" is about ${Math.round(estimatedWidth(line))} px wide; ${available} px fit`);
    }
    y += line.spaceBefore ?? Math.round(line.size * 0.35);
    const boxHeight = Math.round(line.size * 1.6);
    if (line.band) parts.push(`<rect x="0" y="${y}" width="${width}" height="${boxHeight}" fill="${line.band}"/>`);
    if (line.panel) {
      parts.push(`<rect x="${margin}" y="${y}" width="${width - 2 * margin}" height="${boxHeight}" rx="${Math.round(line.size * 0.3)}" fill="${line.panel}"/>`);
    }
    const x = line.panel ? 2 * margin : margin;
    const baseline = y + Math.round(line.size * 1.12);
    parts.push(
      `<text x="${x}" y="${baseline}" font-family="${line.font}" font-size="${line.size}"${line.bold ? ' font-weight="bold"' : ''} fill="${line.colour}">${escapeXml(line.text)}</text>`,
    );
    y += boxHeight;
  }
  if (y > height) throw new Error(`poster lines need ${y} px; the poster is ${height} px high`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${spec.background[0]}"/><stop offset="1" stop-color="${spec.background[1]}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The poster as JPEG bytes: drawn, roughened with seeded noise, then compressed. */
export async function renderPoster(spec: PosterSpec): Promise<Buffer> {
  const drawn = await sharp(Buffer.from(posterSvg(spec))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const noise = spec.noise ?? 0;
  if (noise > 0) {
    const random = seededRandom(`poster-noise/${spec.seed}`);
    const pixels = drawn.data;
    for (let i = 0; i < pixels.length; i++) {
      // The sum of two uniforms: a soft, roughly bell-shaped grain like a camera's.
      const grain = (random() + random() - 1) * noise;
      pixels[i] = Math.max(0, Math.min(255, Math.round(pixels[i]! + grain)));
    }
  }
  return sharp(drawn.data, { raw: drawn.info })
    .jpeg({ quality: spec.quality ?? 72, mozjpeg: false })
    .toBuffer();
}

/** Every line's text, top to bottom: what a perfect reading of the poster would give. */
export function posterText(spec: PosterSpec): string {
  return spec.lines.map((line) => line.text).join('\n');
}
