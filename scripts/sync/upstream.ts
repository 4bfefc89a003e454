/**
 * A post as a platform shows it right now, normalised by the platform modules (youtube.ts,
 * instagram.ts). Past this point nothing knows which API a post came from unless it asks `platform`.
 */
import { z } from 'astro/zod';
import type { Platform, Post } from '#archive/post.ts';
import { plainText } from '#archive/xml-text.ts';
import { ItemError } from './errors.ts';

/**
 * A text field of an API answer (a caption, a title, a name), as the archive keeps it: as written, less the
 * characters XML cannot carry. The raw shapes of both platforms read their text through it, so nothing
 * past the edge ever sees a control character.
 */
export const apiText = z.string().transform(plainText);

export interface UpstreamMedia {
  role: 'image' | 'poster';
  /** Where to download it; absent when the platform gave no usable URL (then `missingReason`). */
  url: string | undefined;
  /** The file name without extension inside the post's folder ("poster", "1", or a carousel item's id). */
  baseName: string;
  /** A carousel item's own id on the platform, by which it is recognised when the carousel is edited. */
  childId?: string;
  alt?: string;
  missingReason?: string;
}

export type UpstreamPost = Omit<Post, 'schemaVersion' | 'media' | 'provenance'> & { media: UpstreamMedia[] };

/** ISO 8601 UTC without milliseconds, the one form instants take in `content/`. */
export function toInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const API_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An API timestamp ("2026-11-24T10:15:00Z", Instagram's "2026-11-24T10:15:00+0000") as a stored
 * instant, or undefined when it is malformed or impossible (30 February, 25 o'clock).
 */
export function parseApiInstant(value: string): string | undefined {
  const match = API_INSTANT.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[7]!;
  const offsetMinutes =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return toInstant(new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000));
}

/** An API date field as a stored instant, or an item error naming the field and the value. */
export function parseInstant(value: string | undefined, field: string, itemId: string, platform: Platform): string {
  const instant = value === undefined ? undefined : parseApiInstant(value);
  if (!instant) throw new ItemError(platform, itemId, `${field} is not a valid date: ${JSON.stringify(value ?? null).slice(0, 40)}`);
  return instant;
}
