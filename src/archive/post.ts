/**
 * The one description of an archived post. The sync writes files that satisfy it, the content
 * collections validate `content/` against it at build time, and the tests build fixtures from it.
 *
 * Files store plain JSON (dates as ISO 8601 strings), so a post read from disk, changed by the sync
 * and written back round-trips without loss.
 */
import { z } from 'astro/zod';
import { WITHDRAWALS_DIR } from './layout.ts';
import { isXmlText } from './xml-text.ts';

export const PLATFORMS = ['youtube', 'instagram'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const POST_KINDS = ['video', 'short', 'live', 'image', 'reel', 'carousel'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Which kinds each platform can produce; anything else in a file is a bug in the sync. */
export const KINDS_BY_PLATFORM: Record<Platform, readonly PostKind[]> = {
  youtube: ['video', 'short', 'live'],
  instagram: ['image', 'reel', 'carousel'],
};

/**
 * Platform ids become folder names, so they are checked strictly before any path is built from them.
 * @see https://developers.google.com/youtube/v3/docs/videos#id (11 characters of [A-Za-z0-9_-])
 * @see https://developers.facebook.com/docs/instagram-platform/reference/instagram-media (numeric ids)
 */
export const POST_ID_PATTERNS: Record<Platform, RegExp> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  instagram: /^[0-9]{1,32}$/,
};

/**
 * The hosts a post's permalink may name: the link readers follow to the original is on the platform's own
 * site, over https, whatever an API answer (or a hand-edited file) says.
 */
export const PERMALINK_HOSTS: Readonly<Record<Platform, readonly string[]>> = {
  instagram: ['www.instagram.com', 'instagram.com'],
  youtube: ['www.youtube.com'],
};

export function isValidPostId(platform: Platform, id: string): boolean {
  return POST_ID_PATTERNS[platform].test(id);
}

/** A media file name inside the post's folder: never a path, never hidden, always a known image type. */
export const MEDIA_FILE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}\.(jpg|jpeg|png|webp)$/;

/**
 * A hashtag as stored (folded by src/utils/text.ts normalizeHashtag): without `#`, letters of any script
 * but no upper case, their combining marks, digits and underscores; it starts with a letter, digit or `_`.
 */
export const HASHTAG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}_][\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}_]{0,99}$/u;

/** An instant in time, stored as ISO 8601 with an explicit offset (the sync writes UTC, `Z`). */
const instant = z.iso.datetime({ offset: true });

/** Text as written, of `min` to `max` characters, that every published format can carry (see xml-text.ts). */
const xmlText = (max: number, min = 0) =>
  z.string().min(min).max(max).refine(isXmlText, 'holds a character XML cannot carry (a control character or a lone surrogate)');

/** The platform's own id of one item of a carousel (Instagram's children{id}), numeric like a media id. */
export const CHILD_ID_PATTERN = /^[0-9]{1,32}$/;
const childId = z.string().regex(CHILD_ID_PATTERN, 'must be a numeric Instagram id');

const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

/** Longest text kept from one image (a dense page of small print is about half of it). */
export const IMAGE_TEXT_MAX_LENGTH = 10_000;

/**
 * The words printed in an image, as OCR read them at sync time (scripts/ocr/). Machine-read text is not
 * a version of the post: reading again with a newer engine replaces it without recording an edit.
 */
export const imageTextSchema = z.strictObject({
  /** The text read, cleaned, one printed line per line; empty when the image shows no legible text. */
  text: xmlText(IMAGE_TEXT_MAX_LENGTH),
  /** The engine's mean confidence over the lines kept, 0–100 (0 when nothing was read). */
  confidence: z.number().int().min(0).max(100),
  /** What read it: library, version and language model, e.g. "tesseract.js 7.0.0, ind 4.0.0_best_int". */
  engine: z.string().min(1).max(200),
  /** When it was read. */
  readAt: instant,
  /** sha256 of the bytes that were read: when the file's bytes change, the text is read again. */
  imageSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
});

/** One image of a post that was mirrored into the post's folder. */
export const mirroredMediaSchema = z.strictObject({
  /** Mirrored successfully: the file is in the post's folder with these facts. */
  status: z.literal('mirrored'),
  /** `image` for a photo or carousel item, `poster` for the still image of a video. */
  role: z.enum(['image', 'poster']),
  /** A carousel item's own id on the platform: how the item is recognised when the carousel is edited. */
  childId: childId.optional(),
  /** File name inside the post's folder, e.g. `1.jpg` (a carousel item's is named after its id). */
  file: z.string().regex(MEDIA_FILE_PATTERN, 'must be a plain file name such as "1.jpg"'),
  /** Pixel width as read from the file by sharp. */
  width: z.number().int().positive(),
  /** Pixel height as read from the file by sharp. */
  height: z.number().int().positive(),
  /** sha256 of the file's bytes, lower-case hex, so anyone can check the copy is unchanged. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  /** Text alternative where the platform or staff gave one. */
  alt: xmlText(2_000).optional(),
  /** When the file was downloaded. */
  mirroredAt: instant,
  /** The text printed in the image, once it has been read (see imageTextSchema). */
  ocr: imageTextSchema.optional(),
});

/** One image that could not be mirrored yet; the next sync run retries it. */
export const pendingMediaSchema = z.strictObject({
  /** Not mirrored yet (download failed or the file was not an image). */
  status: z.literal('pending'),
  /** `image` for a photo or carousel item, `poster` for the still image of a video. */
  role: z.enum(['image', 'poster']),
  /** A carousel item's own id on the platform (see mirroredMediaSchema). */
  childId: childId.optional(),
  /** Why the last attempt failed, for the sync summary and the transparency page. */
  reason: z.string().min(1).max(500),
  /** How many attempts have failed so far. */
  attempts: z.number().int().positive(),
  /** When the last attempt failed. */
  lastAttemptAt: instant,
});

export const mediaSchema = z.discriminatedUnion('status', [mirroredMediaSchema, pendingMediaSchema]);

/**
 * An earlier state of a post, kept when the platform shows a changed one: its title and text, and its media
 * list when that changed too (a carousel item deleted, added or moved). The files an earlier media list
 * names stay in the post's folder.
 */
export const earlierVersionSchema = z.strictObject({
  /** The title as it was. */
  title: xmlText(300),
  /** The full text as it was. */
  text: xmlText(20_000),
  /** The media list as it was, when it is not the one that followed. */
  media: z.array(mediaSchema).optional(),
  /** When the sync first saw that it had been replaced. */
  replacedAt: instant,
});

/** Why a post is no longer public; the post file itself is never deleted. */
export const REMOVAL_REASONS = ['deleted', 'private', 'withdrawn'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const removalSchema = z.strictObject({
  /** When the removal was found (by the sync) or decided (by staff). */
  at: instant,
  /** `deleted` upstream, made `private` upstream, or `withdrawn` by staff. */
  reason: z.enum(REMOVAL_REASONS),
  /** The public explanation, required when staff withdraw a post. */
  note: xmlText(2_000).optional(),
});

/** Where a record came from and how it changed while archived. */
export const provenanceSchema = z.strictObject({
  /** The API the record was read from. */
  source: z.enum(['youtube-data-api-v3', 'instagram-graph-api']),
  /** When the sync first archived the post. */
  firstSeenAt: instant,
  /** When a sync last saw the post upstream. */
  lastSeenAt: instant,
  /** Earlier versions of title and text, oldest first. */
  versions: z.array(earlierVersionSchema),
  /** Present once the post was found gone upstream or withdrawn by staff. */
  removed: removalSchema.optional(),
});

/** State of a live broadcast; only for `kind: 'live'`. */
export const liveSchema = z.strictObject({
  /** `upcoming` (scheduled), `live` (on air at the last sync) or `completed` (a recording now). */
  status: z.enum(['upcoming', 'live', 'completed']),
  /** When the broadcast is scheduled to start. */
  scheduledStartAt: instant.optional(),
  /** When it actually started. */
  actualStartAt: instant.optional(),
  /** When it ended. */
  actualEndAt: instant.optional(),
});

export const accountRefSchema = z.strictObject({
  /** The platform's stable id of the account (YouTube channel id, Instagram user id). */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** The handle shown to readers, without `@` (it may change; `id` does not). */
  handle: xmlText(100, 1),
  /** The account's display name at the time of the last sync. */
  name: xmlText(200, 1),
});

export const postSchema = z
  .strictObject({
    /** Version of this file format, so that a later Warta can migrate old files. */
    schemaVersion: z.literal(1),
    /** The platform the post was published on. */
    platform: z.enum(PLATFORMS),
    /** The platform's own id of the post (validated per platform; also the folder name, see layout.ts). */
    id: z.string().min(1).max(64),
    /** The account that published it. */
    account: accountRefSchema,
    /** The canonical address of the post on the platform. */
    permalink: httpsUrl,
    /** What the post is; see KINDS_BY_PLATFORM. */
    kind: z.enum(POST_KINDS),
    /** For `live`: broadcast state and times. */
    live: liveSchema.optional(),
    /** YouTube title, or for Instagram a title derived from the caption's first line (may be empty). */
    title: xmlText(300),
    /** The full description or caption as plain text, exactly as published (less what XML cannot carry). */
    text: xmlText(20_000),
    /** Hashtags found in the text, lower case, without `#`, in order of first use. */
    hashtags: z.array(z.string().regex(HASHTAG_PATTERN, 'must be a lower-case hashtag without "#"')),
    /** When the platform says the post was published. */
    publishedAt: instant,
    /** Length in whole seconds, for videos and reels where the platform reports it. */
    durationSeconds: z.number().int().nonnegative().optional(),
    /** Images and video posters in display order (carousel order for carousels). */
    media: z.array(mediaSchema),
    /** Where the record came from and how it changed. */
    provenance: provenanceSchema,
  })
  .superRefine((post, ctx) => {
    if (!isValidPostId(post.platform, post.id)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `is not a valid ${post.platform} id` });
    }
    if (URL.canParse(post.permalink) && !PERMALINK_HOSTS[post.platform].includes(new URL(post.permalink).hostname)) {
      ctx.addIssue({ code: 'custom', path: ['permalink'], message: `is not on ${post.platform}'s own hosts (${PERMALINK_HOSTS[post.platform].join(', ')})` });
    }
    if (!KINDS_BY_PLATFORM[post.platform].includes(post.kind)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `"${post.kind}" is not a ${post.platform} kind` });
    }
    if (post.platform === 'youtube' && post.title.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'a YouTube video always has a title' });
    }
    if (post.kind === 'live' && !post.live) {
      ctx.addIssue({ code: 'custom', path: ['live'], message: 'is required for a live broadcast' });
    }
    if (post.kind !== 'live' && post.live) {
      ctx.addIssue({ code: 'custom', path: ['live'], message: 'belongs only to a live broadcast' });
    }
    if ((post.kind === 'image' || post.kind === 'carousel') && post.durationSeconds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message: 'an image or carousel has no duration' });
    }
    if (post.kind === 'carousel' && post.media.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['media'], message: 'a carousel has at least two items' });
    }
    const files = post.media.flatMap((item) => (item.status === 'mirrored' ? [item.file] : []));
    if (new Set(files).size !== files.length) {
      ctx.addIssue({ code: 'custom', path: ['media'], message: 'two media items name the same file' });
    }
    if (post.provenance.removed?.reason === 'withdrawn' && !post.provenance.removed.note) {
      ctx.addIssue({ code: 'custom', path: ['provenance', 'removed', 'note'], message: 'a withdrawal needs a public reason' });
    }
  });

/**
 * A post as its `post.json` stores it. A staff withdrawal has one representation, a file in
 * `content/withdrawals/`, applied when the site reads the archive; a `post.json` never records it.
 */
export const storedPostSchema = postSchema.superRefine((post, ctx) => {
  if (post.provenance.removed?.reason === 'withdrawn') {
    ctx.addIssue({
      code: 'custom',
      path: ['provenance', 'removed', 'reason'],
      message: `"withdrawn" is not recorded in post.json: a withdrawal is a file in content/${WITHDRAWALS_DIR}/ (README: "Withdrawing a post")`,
    });
  }
});

export type Post = z.infer<typeof postSchema>;
export type PostMedia = z.infer<typeof mediaSchema>;
export type MirroredMedia = z.infer<typeof mirroredMediaSchema>;
export type ImageText = z.infer<typeof imageTextSchema>;
export type EarlierVersion = z.infer<typeof earlierVersionSchema>;
export type Removal = z.infer<typeof removalSchema>;

/** The key a post is known by across the site: `<platform>/<id>` (its folder adds the shard, see layout.ts). */
export function postKey(post: Pick<Post, 'platform' | 'id'>): string {
  return `${post.platform}/${post.id}`;
}
