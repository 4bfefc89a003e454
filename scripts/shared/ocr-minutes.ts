/**
 * The one check of a number of minutes for reading text in images: the sync's `--ocr-minutes` and, in CI,
 * OCR_MINUTES before the originals to read are fetched (scripts/publish/unread-originals.ts). 5 or 2.5;
 * 0 reads no image.
 */

/** Why `text` is not a number of minutes, or undefined when it is one. */
export function ocrMinutesProblem(text: string): string | undefined {
  return /^\d{1,4}(\.\d+)?$/.test(text) ? undefined : `--ocr-minutes must be a number of minutes (0 reads no image), not "${text}".`;
}
