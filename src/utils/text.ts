/**
 * Turning untrusted caption text into tokens the page renders as escaped text. Nothing here produces
 * HTML: components render each token with Astro expressions, which escape it.
 */
import { HASHTAG_PATTERN } from '#archive/post.ts';

export type TextToken =
  | { type: 'text'; value: string }
  | { type: 'link'; value: string; href: string }
  | { type: 'hashtag'; value: string; tag: string }
  | { type: 'mention'; value: string; handle: string }
  | { type: 'newline' };

// A URL runs to the next whitespace; trailing punctuation that usually ends a sentence is left out.
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’…]+$/u;
// `#` must not follow a letter/digit (so "C#" or "a#b" are not tags); a tag is letters (with their combining
// marks: Devanagari vowel signs, a dotted capital I once lower-cased), digits and underscores.
const HASHTAG_IN_TEXT = /(?<![\p{L}\p{M}\p{N}_&])#([\p{L}\p{N}_][\p{L}\p{M}\p{N}_]{0,99})/gu;
const MENTION_IN_TEXT = /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)/gu;

/**
 * A tag as the archive stores it: compatibility-folded (NFKC, so `#𝐁𝐞𝐫𝐢𝐭𝐚`, `#Ｂｅｒｉｔａ` and `#ᴮᵉʳⁱᵗᵃ` become
 * "berita"), lower-cased without a locale, then composed again (NFC: lower-casing "İ" leaves i + U+0307).
 */
export function normalizeHashtag(tag: string): string {
  return tag.replace(/^#/, '').normalize('NFKC').toLowerCase().normalize('NFC');
}

/**
 * Whether a folded tag can be archived (post.ts HASHTAG_PATTERN). One that cannot (an upper-case letter
 * with no lower case, a symbol NFKC made of a letter) stays text in the caption and out of the tag list:
 * a tag never costs its post.
 */
export function isArchivableHashtag(tag: string): boolean {
  return HASHTAG_PATTERN.test(tag);
}

/**
 * Hashtags in order of first use, normalised and without duplicates: exactly the hashtags the page
 * shows as links (a `#` inside a URL is the URL's, not a tag).
 */
export function extractHashtags(text: string): string[] {
  const tags = tokenizeText(text).flatMap((token) => (token.type === 'hashtag' ? [token.tag] : []));
  return [...new Set(tags)];
}

/**
 * The text as search should see it: compatibility-folded (NFKC), so a caption written in styled letters
 * (`𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡`, `ｐｅｎｔｉｎｇ`) is found by its plain spelling. Undefined when folding changes nothing,
 * so the page carries no second copy of an ordinary caption.
 */
export function foldedForSearch(text: string): string | undefined {
  const folded = text.normalize('NFKC');
  return folded === text.normalize('NFC') ? undefined : folded;
}

/** Only http and https become links; anything else (javascript:, data:) stays plain text. */
export function safeHttpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function tokenizeLine(line: string): TextToken[] {
  type Found = { start: number; end: number; token: TextToken };
  const found: Found[] = [];
  for (const match of line.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHttpUrl(raw);
    if (href) found.push({ start: match.index, end: match.index + raw.length, token: { type: 'link', value: raw, href } });
  }
  const insideLink = (index: number) => found.some((f) => f.token.type === 'link' && index >= f.start && index < f.end);
  for (const match of line.matchAll(HASHTAG_IN_TEXT)) {
    if (insideLink(match.index)) continue;
    const tag = normalizeHashtag(match[1]!);
    if (!isArchivableHashtag(tag)) continue;
    found.push({ start: match.index, end: match.index + match[0].length, token: { type: 'hashtag', value: match[0], tag } });
  }
  for (const match of line.matchAll(MENTION_IN_TEXT)) {
    if (insideLink(match.index)) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      token: { type: 'mention', value: match[0], handle: match[1]! },
    });
  }
  found.sort((a, b) => a.start - b.start);

  const tokens: TextToken[] = [];
  let cursor = 0;
  for (const { start, end, token } of found) {
    if (start < cursor) continue; // overlapping match: the earlier one wins
    if (start > cursor) tokens.push({ type: 'text', value: line.slice(cursor, start) });
    tokens.push(token);
    cursor = end;
  }
  if (cursor < line.length) tokens.push({ type: 'text', value: line.slice(cursor) });
  return tokens;
}

/** Splits text into lines of text, link, hashtag and mention tokens, keeping every character. */
export function tokenizeText(text: string): TextToken[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.flatMap((line, index) => (index === 0 ? tokenizeLine(line) : [{ type: 'newline' as const }, ...tokenizeLine(line)]));
}

/** Text split into paragraphs at blank lines, for readable rendering. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
}

/**
 * A title from a caption: its first line with something besides punctuation, without trailing hashtags, cut at a word
 * boundary. Empty when the caption has no words (the site then shows a dated fallback).
 */
export function deriveTitle(caption: string, maxLength = 100): string {
  const firstLine =
    caption
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/(\s*#[\p{L}\p{N}_]+)+\s*$/u, '').replace(/\s+/g, ' ').trim())
      .find((line) => /[^\s\p{P}]/u.test(line)) ?? '';
  return truncateAtWord(firstLine, maxLength);
}

/** A short plain-text summary (meta description, feeds, cards). */
export function summarize(text: string, maxLength = 200): string {
  return truncateAtWord(text.replace(/\s+/g, ' ').trim(), maxLength);
}

/**
 * Shortens text to at most `maxLength` characters (code points, so an emoji is never cut in half),
 * ending at a word boundary with "…" unless that would lose more than half.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  const characters = [...text];
  if (characters.length <= maxLength) return text;
  const cut = characters.slice(0, maxLength - 1).join('');
  const endsAtWord = /\s/u.test(characters[maxLength - 1]!);
  const atWord = endsAtWord ? cut : cut.replace(/\s+\S*$/u, '');
  return `${([...atWord].length >= maxLength / 2 ? atWord : cut).trimEnd()}…`;
}
