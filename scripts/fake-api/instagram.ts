/**
 * The fake Instagram Graph API (Instagram API with Instagram Login, graph.instagram.com): raw IG Media
 * builders, error bodies, and the two routes the sync uses (`/{ig-user-id}/media` with field expansion
 * and cursor paging, `/refresh_access_token`).
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
import { DEFAULT_INSTAGRAM_API_VERSION } from '#sync/config.ts';
import { createHash } from 'node:crypto';
import { seededRandom } from '#scripts/sample/artwork.ts';
import { MP4_BYTES } from './files.ts';
import type { PosterSpec } from '#scripts/sample/posters.ts';
import type { FakeFile, HandlerContext, InstagramChild, InstagramMedia, Reply } from './types.ts';

// ── Serialising like the Graph API does ───────────────────────────────────────────────────────────

/** The Graph API's JSON: compact, `/` written as `\/`, everything outside ASCII as \uXXXX. */
export function graphJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function graphReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'private, no-cache, no-store, must-revalidate', ...headers },
    body: graphJson(body),
  };
}

// ── Error bodies ──────────────────────────────────────────────────────────────────────────────────

export interface GraphErrorObject {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
}

export interface GraphErrorReply {
  status: number;
  body: { error: GraphErrorObject };
  headers?: Record<string, string>;
}

let traceCounter = 0;

/** An `fbtrace_id` like `AoZ3bT0kF9xQm2Yp1c7wVhE`. */
function fbtraceId(): string {
  traceCounter += 1;
  return `A${createHash('sha256').update(`fbtrace:${traceCounter}`).digest('base64url').slice(0, 22)}`;
}

export function graphError(status: number, error: Omit<GraphErrorObject, 'fbtrace_id'>, headers?: Record<string, string>): GraphErrorReply {
  const reply: GraphErrorReply = { status, body: { error: { ...error, fbtrace_id: fbtraceId() } } };
  if (headers) reply.headers = headers;
  return reply;
}

const invalidTokenHeader = (message: string) => ({ 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` });

/** 400, code 190 subcode 463: the long-lived token ran out (60 days without refresh). */
export function instagramExpiredToken(): GraphErrorReply {
  const message =
    'Error validating access token: Session has expired on Friday, 20-Nov-26 04:00:00 PST. The current time is Thursday, 26-Nov-26 15:00:00 PST.';
  return graphError(400, { message, type: 'OAuthException', code: 190, error_subcode: 463 }, invalidTokenHeader(message));
}

/** 400, code 190: a token that is not a token (mistyped secret). */
export function instagramInvalidToken(): GraphErrorReply {
  const message = 'Invalid OAuth access token - Cannot parse access token';
  return graphError(400, { message, type: 'OAuthException', code: 190 }, invalidTokenHeader(message));
}

/** 400, code 4: the app's rate limit; `x-app-usage` says 100 %. Classify by `error.code`, not the status. */
export function instagramRateLimited(): GraphErrorReply {
  return graphError(
    400,
    { message: '(#4) Application request limit reached', type: 'OAuthException', is_transient: true, code: 4 },
    { 'x-app-usage': '{"call_count":100,"total_cputime":23,"total_time":41}' },
  );
}

/** 400, code 10 (default) or 200: the token lacks a permission (e.g. instagram_business_basic). */
export function instagramPermissionError(code: 10 | 200 = 10): GraphErrorReply {
  return code === 10
    ? graphError(400, { message: '(#10) Application does not have permission for this action', type: 'OAuthException', code: 10 })
    : graphError(400, { message: '(#200) Requires instagram_business_basic permission to manage the object', type: 'OAuthException', code: 200 });
}

/** A realistic body for any status (used when an injected failure gives none). */
export function instagramErrorForStatus(status: number): GraphErrorReply {
  if (status >= 500 && status !== 501) {
    return graphError(status, { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', is_transient: true, code: 2 });
  }
  if (status === 429) {
    return graphError(429, { message: '(#4) Application request limit reached', type: 'OAuthException', is_transient: true, code: 4 });
  }
  return graphError(status, { message: 'An unknown error has occurred.', type: 'OAuthException', is_transient: false, code: 1 });
}

const unsupportedGet = (node: string): GraphErrorReply =>
  graphError(400, {
    message: `Unsupported get request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'IGApiException',
    code: 100,
    error_subcode: 33,
  });

const parameterError = (message: string): GraphErrorReply => graphError(400, { message, type: 'IGApiException', code: 100 });

const fromError = (error: GraphErrorReply): Reply => graphReply(error.status, error.body, error.headers);

// ── Builders of raw objects ───────────────────────────────────────────────────────────────────────

/** `2026-11-24T10:15:00Z` → `2026-11-24T10:15:00+0000`, the Graph API's timestamp format. */
export function graphTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A numeric id like the real ones (17–18 digits, starting with 17 or 18), stable for `seed`. */
export function numericId(seed: string, prefix = '179'): string {
  const digits = digest(seed).toString('hex').replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10));
  return (prefix + digits).slice(0, 17);
}

/** A CDN URL shaped like scontent...cdninstagram.com, with the signed query (`oh`, `oe`) real ones carry. */
export function instagramCdnUrl(origin: string, mediaId: string, name: string, width: number, height: number, kind: 'jpg' | 'mp4' = 'jpg'): { url: string; path: string } {
  const path = `/cdn/ig/${encodeURIComponent(mediaId)}/${name}`;
  const hash = digest(`${mediaId}/${name}`);
  const expiry = (0x6950_0000 + hash.readUInt16LE(0)).toString(16).toUpperCase();
  const stp = kind === 'mp4' ? 'dst-mp4' : `dst-jpg_e35_p${width}x${height}_tt6`;
  const query = `stp=${stp}&_nc_cat=10${hash[2]! % 10}&_nc_sid=18de74&_nc_ohc=${hash.subarray(3, 12).toString('base64url')}&oh=00_${hash.subarray(12, 30).toString('base64url')}&oe=${expiry}`;
  return { url: `${origin}${path}?${query}`, path };
}

export interface MediaInput {
  id: string;
  shortcode: string;
  kind: 'image' | 'reel' | 'carousel';
  /** ISO 8601 (any offset); written in the Graph API's format. */
  publishedAt: string;
  /** The caption; '' leaves the field out, as the API does for an uncaptioned post. */
  caption: string;
  username: string;
  /** 640x800 instead of 640x640. */
  portrait?: boolean;
  /** Alt text per picture (carousel children in order; one for an image). Reels have none in the API. */
  alts?: string[];
  /** How many carousel children (default: alts.length, at least 2). */
  childCount?: number;
  /** Artwork seeds per picture; default the sample generator's `instagram/<id>/<n>.jpg` / `poster.jpg`. */
  seeds?: string[];
  /** Announcement posters (with printed text) in place of the artwork, by picture; served at their own size. */
  posters?: (PosterSpec | undefined)[];
  /** A reel whose video the API does not give (copyrighted audio): no `media_url`. */
  withoutMediaUrl?: boolean;
  /** Declare the media files as 404 on the CDN (the download must fail). */
  filesMissing?: boolean;
}

/** A complete IG Media object (every field the fake knows) and the CDN files it references. */
export function buildMedia(origin: string, input: MediaInput): { media: InstagramMedia; files: Record<string, FakeFile> } {
  const [width, height] = input.portrait ? [640, 800] : [640, 640];
  const files: Record<string, FakeFile> = {};
  const random = seededRandom(`stats:instagram/${input.id}`);
  const timestamp = graphTimestamp(input.publishedAt);
  // Ids of hostile items may hold `/` or `..`: encoded, so the URL keeps them inside one path segment.
  const safeId = encodeURIComponent(input.id);
  const picture = (seed: string, name: (size: string) => string, ownerId: string, index = 0) => {
    const poster = input.posters?.[index];
    const [w, h] = poster ? [poster.width, poster.height] : [width, height];
    const { url, path } = instagramCdnUrl(origin, ownerId, name(`${w}x${h}`), w, h);
    files[path] = input.filesMissing ? { status: 404 } : { image: { seed, width: w, height: h, ...(poster ? { poster } : {}) } };
    return url;
  };
  const media: InstagramMedia = {
    id: input.id,
    caption: input.caption === '' ? undefined : input.caption,
    media_type: 'IMAGE',
    media_product_type: 'FEED',
    permalink: `https://www.instagram.com/${input.kind === 'reel' ? 'reel' : 'p'}/${input.shortcode}/`,
    shortcode: input.shortcode,
    timestamp,
    username: input.username,
    like_count: 20 + Math.floor(random() * 900),
    comments_count: Math.floor(random() * 40),
    is_comment_enabled: true,
  };
  if (input.kind === 'image') {
    media.media_url = picture(input.seeds?.[0] ?? `instagram/${input.id}/1.jpg`, (size) => `${safeId}_1_${size}_n.jpg`, input.id);
    if (input.alts?.[0]) media.alt_text = input.alts[0];
  } else if (input.kind === 'reel') {
    media.media_type = 'VIDEO';
    media.media_product_type = 'REELS';
    media.is_shared_to_feed = true;
    const video = instagramCdnUrl(origin, input.id, `${safeId}_reel_720x${input.portrait ? 1280 : 720}.mp4`, width, height, 'mp4');
    files[video.path] = input.filesMissing ? { status: 404 } : { contentType: 'video/mp4', body: MP4_BYTES };
    if (!input.withoutMediaUrl) media.media_url = video.url;
    media.thumbnail_url = picture(input.seeds?.[0] ?? `instagram/${input.id}/poster.jpg`, (size) => `${safeId}_poster_${size}_n.jpg`, input.id);
  } else {
    media.media_type = 'CAROUSEL_ALBUM';
    const count = Math.max(2, input.childCount ?? input.alts?.length ?? 2);
    const children: InstagramChild[] = [];
    for (let index = 0; index < count; index++) {
      const childId = numericId(`${input.id}/child/${index}`);
      const child: InstagramChild = {
        id: childId,
        media_type: 'IMAGE',
        media_url: picture(input.seeds?.[index] ?? `instagram/${input.id}/${index + 1}.jpg`, (size) => `${childId}_${size}_n.jpg`, childId, index),
        timestamp,
        username: input.username,
      };
      if (input.alts?.[index]) child.alt_text = input.alts[index];
      children.push(child);
    }
    media.media_url = children[0]!.media_url;
    media.children = { data: children };
  }
  return { media, files };
}

// ── Fields (`fields=id,caption,children{id,media_url}`) ───────────────────────────────────────────

export interface FieldRequest {
  name: string;
  sub?: FieldRequest[];
}

/** Parses Graph API field syntax, with nesting; modifiers like `.limit(5)` are accepted and ignored. */
export function parseFields(text: string): FieldRequest[] | undefined {
  let index = 0;
  const list = (): FieldRequest[] | undefined => {
    const fields: FieldRequest[] = [];
    for (;;) {
      const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)((?:\.[a-z_]+\([^()]*\))*)\s*/.exec(text.slice(index));
      if (!match) return undefined;
      index += match[0].length;
      const field: FieldRequest = { name: match[1]! };
      if (text[index] === '{') {
        index += 1;
        const sub = list();
        if (!sub || text[index] !== '}') return undefined;
        index += 1;
        field.sub = sub;
      }
      fields.push(field);
      if (text[index] !== ',') return fields;
      index += 1;
    }
  };
  const fields = list();
  return fields && index === text.length ? fields : undefined;
}

const MEDIA_FIELDS = [
  'id', 'caption', 'media_type', 'media_product_type', 'media_url', 'thumbnail_url', 'permalink', 'shortcode', 'timestamp',
  'username', 'like_count', 'comments_count', 'is_comment_enabled', 'is_shared_to_feed', 'alt_text', 'children', 'owner',
  'legacy_instagram_media_id', 'comments', 'insights', 'collaborators', 'boost_ads_list', 'boost_eligibility_info', 'copyright_check_information',
];
const CHILD_FIELDS = ['id', 'media_type', 'media_url', 'thumbnail_url', 'timestamp', 'username', 'shortcode', 'alt_text', 'owner', 'media_product_type'];

function unknownField(fields: FieldRequest[], allowed: string[]): string | undefined {
  for (const field of fields) {
    if (!allowed.includes(field.name)) return field.name;
    if (field.sub) {
      if (field.name !== 'children') return field.name;
      const inner = unknownField(field.sub, CHILD_FIELDS);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The requested fields of one object, in the requested order; `id` always; absent values left out. */
function project(object: InstagramMedia | InstagramChild, fields: FieldRequest[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.name === 'children') {
      const children = (object as InstagramMedia).children;
      if (children && Array.isArray(children.data)) {
        out.children = { data: children.data.map((child) => project(child, field.sub ?? [{ name: 'id' }])) };
      }
      continue;
    }
    const value = object[field.name];
    if (value !== undefined && value !== null) out[field.name] = value;
  }
  if (!('id' in out) && object.id !== undefined) out.id = object.id;
  return out;
}

// ── Cursors (opaque, like `QVFIUm...`; they name the item, so new posts at the top shift nothing) ─

export function encodeCursor(offset: number, id: string): string {
  return `QVFI${Buffer.from(`${offset}:${id}`).toString('base64url')}`;
}

export function decodeCursor(cursor: string): { offset: number; id: string } | undefined {
  if (!cursor.startsWith('QVFI')) return undefined;
  const text = Buffer.from(cursor.slice(4), 'base64url').toString();
  const match = /^(\d+):(.*)$/s.exec(text);
  if (!match || encodeCursor(Number(match[1]), match[2]!) !== cursor) return undefined;
  return { offset: Number(match[1]), id: match[2]! };
}

// ── Routes ────────────────────────────────────────────────────────────────────────────────────────

/** Checks `access_token`; returns an error reply or undefined when the token is good. */
function checkToken(ctx: HandlerContext): Reply | undefined {
  const token = ctx.query.access_token;
  const instagram = ctx.data.instagram;
  if (token === undefined || token === '') {
    ctx.flag('no access_token sent');
    return fromError(instagramInvalidToken());
  }
  if (instagram.expiredTokens?.includes(token)) return fromError(instagramExpiredToken());
  if (token !== instagram.accessToken && !ctx.issuedTokens.has(token)) return fromError(instagramInvalidToken());
  return undefined;
}

const MEDIA_PARAMETERS = ['access_token', 'fields', 'limit', 'after', 'before', 'since', 'until', 'pretty', 'appsecret_proof', 'format', 'method', 'suppress_http_code'];

/** `GET /instagram/<version>/<node>/media` */
export function handleInstagramMedia(version: string, node: string, ctx: HandlerContext): Reply {
  const { query, data } = ctx;
  const instagram = data.instagram;
  for (const name of Object.keys(query)) {
    if (!MEDIA_PARAMETERS.includes(name)) ctx.flag(`unknown parameter "${name}" for /media`);
  }
  const expectedVersion = ctx.options.instagramVersion ?? DEFAULT_INSTAGRAM_API_VERSION;
  if (version !== expectedVersion) ctx.flag(`Graph API version ${version} (expected ${expectedVersion})`);
  const tokenError = checkToken(ctx);
  if (tokenError) return tokenError;
  if (node !== 'me' && node !== instagram.userId) {
    ctx.flag(`media of user "${node}" (the account is ${instagram.userId})`);
    return fromError(unsupportedGet(node));
  }
  const fieldsText = query.fields ?? 'id';
  const fields = parseFields(fieldsText);
  if (!fields) {
    ctx.flag(`unparsable fields "${fieldsText}"`);
    return fromError(parameterError(`(#100) Syntax error "Expected end of string instead of "${fieldsText}"." at character 0: ${fieldsText}`));
  }
  const unknown = unknownField(fields, MEDIA_FIELDS);
  if (unknown) {
    ctx.flag(`unknown field "${unknown}"`);
    return fromError(parameterError(`(#100) Tried accessing nonexisting field (${unknown}) on node type (Media)`));
  }
  if (query.before !== undefined) ctx.flag('paging backwards (before=)');
  if (query.since !== undefined || query.until !== undefined) ctx.flag('time-based paging (since/until)');

  let limit = 25;
  if (query.limit !== undefined) {
    if (!/^\d+$/.test(query.limit) || Number(query.limit) < 1) ctx.flag(`limit=${query.limit}`);
    else limit = Number(query.limit);
  }
  const size = Math.max(1, Math.min(limit, ctx.options.pageSize?.instagram ?? 25));
  const all = instagram.media;
  let start = 0;
  if (query.after !== undefined) {
    const cursor = decodeCursor(query.after);
    if (!cursor) {
      ctx.flag(`after cursor "${query.after}" was never issued`);
      return fromError(parameterError('(#100) The after cursor is invalid'));
    }
    const at = all.findIndex((media) => media.id === cursor.id);
    start = at >= 0 ? at + 1 : cursor.offset + 1;
  }
  const page = all.slice(start, start + size);
  const body: Record<string, unknown> = { data: page.map((media) => project(media, fields)) };
  if (page.length > 0) {
    const first = page[0]!;
    const last = page[page.length - 1]!;
    const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start, first.id), after: encodeCursor(start + page.length - 1, last.id) } };
    const link = (cursorName: 'after' | 'before', cursor: string) => {
      const params = new URLSearchParams({ access_token: query.access_token! });
      if (query.fields !== undefined) params.set('fields', query.fields);
      if (query.limit !== undefined) params.set('limit', query.limit);
      params.set(cursorName, cursor);
      return `${ctx.origin}/instagram/${version}/${instagram.userId}/media?${params.toString()}`;
    };
    if (start + page.length < all.length) paging.next = link('after', encodeCursor(start + page.length - 1, last.id));
    if (start > 0) paging.previous = link('before', encodeCursor(start, first.id));
    body.paging = paging;
  }
  return graphReply(200, body);
}

/** `GET /instagram/<version>/<media-id>?fields=…` — one media object, as the sync asks for posts it retries. */
export function handleInstagramMediaItem(version: string, id: string, ctx: HandlerContext): Reply {
  const { query, data } = ctx;
  for (const name of Object.keys(query)) {
    if (!['access_token', 'fields'].includes(name)) ctx.flag(`unknown parameter "${name}" for a media object`);
  }
  const expectedVersion = ctx.options.instagramVersion ?? DEFAULT_INSTAGRAM_API_VERSION;
  if (version !== expectedVersion) ctx.flag(`Graph API version ${version} (expected ${expectedVersion})`);
  const tokenError = checkToken(ctx);
  if (tokenError) return tokenError;
  const fields = parseFields(query.fields ?? 'id');
  if (!fields) {
    ctx.flag(`unparsable fields "${query.fields}"`);
    return fromError(parameterError(`(#100) Syntax error at character 0: ${query.fields}`));
  }
  const unknown = unknownField(fields, MEDIA_FIELDS);
  if (unknown) {
    ctx.flag(`unknown field "${unknown}"`);
    return fromError(parameterError(`(#100) Tried accessing nonexisting field (${unknown}) on node type (Media)`));
  }
  const media = data.instagram.media.find((candidate) => candidate.id === id);
  // Deleted media answer like any unknown object id.
  if (!media) return fromError(unsupportedGet(id));
  return graphReply(200, project(media, fields));
}

/** The token a refresh hands out when the data names none: stable for the token refreshed. */
export function refreshedTokenFor(token: string): string {
  return `IGAAR${createHash('sha256').update(`refresh:${token}`).digest('base64url').slice(0, 60)}`;
}

/** `GET /instagram/refresh_access_token?grant_type=ig_refresh_token&access_token=T` */
export function handleInstagramRefresh(ctx: HandlerContext): Reply {
  const { query } = ctx;
  for (const name of Object.keys(query)) {
    if (!['grant_type', 'access_token'].includes(name)) ctx.flag(`unknown parameter "${name}" for refresh_access_token`);
  }
  const tokenError = checkToken(ctx);
  if (tokenError) return tokenError;
  if (query.grant_type !== 'ig_refresh_token') {
    ctx.flag(`grant_type=${query.grant_type ?? '(none)'}`);
    return fromError(parameterError('Unsupported grant_type. Expected: ig_refresh_token'));
  }
  const instagram = ctx.data.instagram;
  const token = instagram.refreshedToken ?? refreshedTokenFor(query.access_token!);
  ctx.issuedTokens.add(token);
  return graphReply(200, { access_token: token, token_type: 'bearer', expires_in: instagram.refreshExpiresIn ?? 5_183_944 });
}

/** Anything else under /instagram/. */
export function handleInstagramUnknown(ctx: HandlerContext): Reply {
  const segments = ctx.path.split('/').filter(Boolean);
  return fromError(unsupportedGet(segments[2] ?? segments[1] ?? ''));
}
