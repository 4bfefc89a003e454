/**
 * From the lines an OCR engine reports to the text the archive keeps: each line cleaned, noise dropped,
 * and the readings of several passes over the same image merged into one, top to bottom. Pure functions;
 * the engine itself is in engine.ts.
 */
import { IMAGE_TEXT_MAX_LENGTH } from '#archive/post.ts';

/** A line as an engine pass reports it, with its box in the original image's pixels. */
export interface ReadLine {
  text: string;
  /** 0–100. */
  confidence: number;
  box: { x0: number; y0: number; x1: number; y1: number };
}

/** Lines below this confidence are mostly shapes read as letters (photos, icons, textures). */
export const MIN_LINE_CONFIDENCE = 55;

// Marks that OCR reads from borders, bullets and speckles at the ends of a line.
const EDGE_NOISE = /^[\s|¦_~=+*•·,.:;'"`^°«»<>\\/()[\]{}—–-]+|[\s|¦_~=+*•·,;'"`^°«»<>\\/([{—–-]+$/gu;

/**
 * One line as a reader should see it: Unicode compatibility forms folded (ligatures, full-width
 * letters), runs of spaces collapsed, border and bullet marks trimmed from both ends.
 */
export function cleanLine(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, ' ').replace(EDGE_NOISE, '').trim();
}

/** Words of two or more letters or digits: what makes a line worth keeping, and what search finds. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

/**
 * Whether a cleaned line is text rather than noise: confident enough, with at least one real word, and
 * mostly letters and digits (a row of "|| — =" is not text, however sure the engine is).
 */
export function isLegible(line: string, confidence: number): boolean {
  if (confidence < MIN_LINE_CONFIDENCE) return false;
  const words = wordsOf(line);
  if (!words.some((word) => /\p{L}{3}|\p{N}{2}/u.test(word))) return false;
  const visible = line.replace(/\s/gu, '');
  const alphanumeric = visible.replace(/[^\p{L}\p{N}]/gu, '');
  return alphanumeric.length >= visible.length * 0.6;
}

/** How much of the smaller box the two boxes share, 0–1. */
function overlap(a: ReadLine['box'], b: ReadLine['box']): number {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (width <= 0 || height <= 0) return 0;
  const area = (box: ReadLine['box']) => Math.max(1, (box.x1 - box.x0) * (box.y1 - box.y0));
  return (width * height) / Math.min(area(a), area(b));
}

/**
 * The lines of several passes over one image as one reading: every legible line, cleaned; where two
 * passes read the same place, the more confident reading; in reading order (top to bottom, then left to
 * right within a row).
 */
export function mergeReadings(passes: readonly (readonly ReadLine[])[]): ReadLine[] {
  const kept: ReadLine[] = [];
  for (const pass of passes) {
    for (const line of pass) {
      const text = cleanLine(line.text);
      if (!isLegible(text, line.confidence)) continue;
      const candidate = { ...line, text };
      const same = kept.findIndex((other) => overlap(other.box, candidate.box) > 0.5);
      if (same === -1) kept.push(candidate);
      else if (candidate.confidence > kept[same]!.confidence) kept[same] = candidate;
    }
  }
  return kept.sort((a, b) => {
    const sameRow = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0) > 0.5 * Math.min(a.box.y1 - a.box.y0, b.box.y1 - b.box.y0);
    return sameRow ? a.box.x0 - b.box.x0 : a.box.y0 - b.box.y0;
  });
}

/**
 * The text and overall confidence of a reading: lines joined by newlines (whole lines, up to what the
 * archive keeps of one image), confidence weighted by length.
 */
export function readingOf(all: readonly ReadLine[]): { text: string; confidence: number } {
  const lines: ReadLine[] = [];
  let length = 0;
  for (const line of all) {
    length += line.text.length + (lines.length ? 1 : 0);
    if (length > IMAGE_TEXT_MAX_LENGTH) break;
    lines.push(line);
  }
  const text = lines.map((line) => line.text).join('\n');
  const weight = lines.reduce((sum, line) => sum + line.text.length, 0);
  const confidence = weight === 0 ? 0 : Math.round(lines.reduce((sum, line) => sum + line.confidence * line.text.length, 0) / weight);
  return { text, confidence };
}

/** The share of `expected` words found among the words of `read` (each occurrence counted), 0–1. */
export function wordRecall(expected: string, read: string): number {
  const wanted = wordsOf(expected);
  if (wanted.length === 0) return 1;
  const found = new Map<string, number>();
  for (const word of wordsOf(read)) found.set(word, (found.get(word) ?? 0) + 1);
  let hits = 0;
  for (const word of wanted) {
    const left = found.get(word) ?? 0;
    if (left > 0) {
      hits += 1;
      found.set(word, left - 1);
    }
  }
  return hits / wanted.length;
}
