/**
 * Instagram through the Graph API over HTTPS (Instagram API with Instagram Login, a pinned version).
 * The account's media are paged newest first with the fields that include carousel children.
 * @see https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * @see https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
import { z } from 'astro/zod';
import { CHILD_ID_PATTERN, isValidPostId, PERMALINK_HOSTS } from '#archive/post.ts';
import { deriveTitle, extractHashtags, safeHttpUrl } from '#site/utils/text.ts';
import type { AccountRef, InstagramSettings } from './config.ts';
import { apiMessage, FatalSyncError, ItemError, RetryableError } from './errors.ts';
import { getJson, type HttpOptions } from './http.ts';
import { nearLimitStop, rateLimitedStop, readUsage, usageCallsForStop, type UsageReading } from './instagram-usage.ts';
import { StaleCursorError, type ListingPage, type PlatformSource, type SourceItem } from './source.ts';
import { apiText, parseInstant, type UpstreamMedia, type UpstreamPost } from './upstream.ts';
import { describeIssues } from '#archive/parse.ts';

export const MEDIA_FIELDS =
  'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,username,children{id,media_type,media_url,thumbnail_url}';
const PAGE_SIZE = 50;
const RENEW_TOKEN =
  'Create a new long-lived token for the account (Meta App Dashboard → Instagram → API setup with Instagram login → Generate token), put it in the INSTAGRAM_ACCESS_TOKEN secret, and refresh it with `npm run sync -- --refresh-token` at least every 50 days.';

// ---------------------------------------------------------------------------------------------------
// Raw shapes.

const rawChild = z.object({
  id: z.string(),
  media_type: z.enum(['IMAGE', 'VIDEO']),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
});

const rawMedia = z.object({
  id: z.string(),
  caption: apiText.optional(),
  media_type: z.enum(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']),
  media_product_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  permalink: z.string(),
  timestamp: z.string(),
  username: apiText.optional(),
  children: z.object({ data: z.array(rawChild) }).optional(),
});

const rawPage = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ next: z.string().optional(), cursors: z.object({ after: z.string().optional() }).optional() }).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Normalising one media object (pure).

/** The still image of an item: a photo's media_url, a video's thumbnail (a reel's media_url is the video). */
function stillOf(item: { media_type: string; media_url?: string | undefined; thumbnail_url?: string | undefined }): string | undefined {
  const candidate = item.media_type === 'VIDEO' ? item.thumbnail_url : item.media_url;
  return candidate ? (safeHttpUrl(candidate) ?? undefined) : undefined;
}

function mediaEntry(role: UpstreamMedia['role'], baseName: string, url: string | undefined): UpstreamMedia {
  return url ? { role, url, baseName } : { role, url: undefined, baseName, missingReason: 'Instagram gave no image URL' };
}

/**
 * The post's permalink, which readers follow: only an https link on Instagram's own hosts, without its
 * query or fragment. Another link is never stored, nor replaced: a shortcode cannot be derived from the
 * media id (YouTube's links, by contrast, are built from the video id), so the post is skipped with an
 * item error naming the host, and asked for again next run.
 */
export function instagramPermalink(raw: string, id: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const onInstagram = url?.protocol === 'https:' && !url.username && !url.password && !url.port && PERMALINK_HOSTS.instagram.includes(url.hostname);
  if (!url || !onInstagram) {
    throw new ItemError('instagram', id, `its permalink is not on Instagram's own hosts (${url ? `${url.protocol}//${url.host}` : 'not a URL'})`);
  }
  return `${url.origin}${url.pathname}`;
}

export function normaliseMedia(input: unknown, account: AccountRef): UpstreamPost {
  const rawId = (input as { id?: unknown } | null)?.id;
  const parsed = rawMedia.safeParse(input);
  if (!parsed.success) {
    throw new ItemError('instagram', rawId, `unexpected media data (${describeIssues(parsed.error.issues, '(item)')})`);
  }
  const item = parsed.data;
  if (!isValidPostId('instagram', item.id)) throw new ItemError('instagram', item.id, 'is not a valid Instagram media id');
  const publishedAt = parseInstant(item.timestamp, 'timestamp', item.id, 'instagram');

  const text = item.caption ?? '';
  let media: UpstreamMedia[];
  let kind: UpstreamPost['kind'];
  if (item.media_type === 'CAROUSEL_ALBUM') {
    const children = item.children?.data ?? [];
    if (children.length < 2) throw new ItemError('instagram', item.id, `a carousel with ${children.length} item(s)`);
    kind = 'carousel';
    // Each item is known by its own id, and its file is named after it: when a slide is deleted or moved
    // later, the others keep their files, and no file ever holds another item's picture.
    media = children.map((child) => {
      if (!CHILD_ID_PATTERN.test(child.id)) throw new ItemError('instagram', item.id, `a carousel item has an invalid id ${JSON.stringify(child.id.slice(0, 40))}`);
      return { ...mediaEntry('image', child.id, stillOf(child)), childId: child.id };
    });
  } else if (item.media_type === 'VIDEO') {
    kind = 'reel';
    media = [mediaEntry('poster', 'poster', stillOf(item))];
  } else {
    kind = 'image';
    media = [mediaEntry('image', '1', stillOf(item))];
  }
  return {
    platform: 'instagram',
    id: item.id,
    account: { ...account, handle: item.username || account.handle },
    permalink: instagramPermalink(item.permalink, item.id),
    kind,
    title: deriveTitle(text),
    text,
    hashtags: extractHashtags(text),
    publishedAt,
    media,
  };
}

// ---------------------------------------------------------------------------------------------------
// Errors.

interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);

/** What else the classifier may know of a failed request. */
export interface InstagramErrorContext {
  /** The media object asked for (an error about it skips that post only). */
  itemId?: string | undefined;
  /** The listing page was asked for with a saved cursor (an invalid-parameter error then means the cursor). */
  withCursor?: boolean;
  /** The answer's rate-limit usage headers. */
  usage?: UsageReading | undefined;
  now?: Date;
}

/** Sorts a Graph API error answer into fatal, retryable or (for one media object) an item error. */
export function classifyInstagramError(status: number, body: unknown, context: InstagramErrorContext = {}): Error {
  const error = (body as GraphErrorBody | undefined)?.error;
  const code = error?.code;
  const message = apiMessage(error?.message ?? `HTTP ${status}`);
  if (code === 190) {
    const expired = error?.error_subcode === 463 || /expired/i.test(message);
    return new FatalSyncError(
      expired ? 'token-expired' : 'invalid-credentials',
      `Instagram: the access token ${expired ? 'has expired' : 'was refused'} (${message}).`,
      RENEW_TOKEN,
      'instagram',
    );
  }
  // A limit is not lifted by asking again: stop the platform at once and say when access returns.
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014))) {
    return rateLimitedStop(code, message, context.usage, context.now ?? new Date());
  }
  if (error?.is_transient || code === 1 || code === 2) {
    return new RetryableError(`Instagram: temporarily unavailable (code ${code}: ${message})`, undefined, status);
  }
  if (code === 10 || (code !== undefined && code >= 200 && code < 300)) {
    return new FatalSyncError(
      'permission-denied',
      `Instagram: permission denied (code ${code}: ${message}).`,
      'The token needs the instagram_business_basic permission for this professional account; generate a new token with it.',
      'instagram',
    );
  }
  if (context.itemId && code === 100) return new ItemError('instagram', context.itemId, `not available upstream (${message})`);
  if (context.withCursor && code === 100) return new StaleCursorError(`the saved place in the media listing (an after cursor) was refused (${message})`);
  return new FatalSyncError(
    'unavailable',
    `Instagram: HTTP ${status}${code !== undefined ? `, code ${code}` : ''} (${message}).`,
    'Check INSTAGRAM_USER_ID and the token; if they are right, run again later and report this message if it persists.',
    'instagram',
  );
}

// ---------------------------------------------------------------------------------------------------
// The source.

export interface InstagramSourceOptions {
  settings: InstagramSettings;
  http: HttpOptions;
}

export class InstagramSource implements PlatformSource {
  readonly platform = 'instagram' as const;
  readonly #settings: InstagramSettings;
  readonly #http: HttpOptions;
  /** Raw media objects read on listing pages in this run: their details need no further request. */
  readonly #listed = new Map<string, unknown>();
  /** The rate-limit usage the last answer reported. */
  #usage: UsageReading | undefined;

  constructor(options: InstagramSourceOptions) {
    this.#settings = options.settings;
    this.#http = {
      ...options.http,
      onResponse: (response) => {
        this.#usage = readUsage(response.headers) ?? this.#usage;
        options.http.onResponse?.(response);
      },
    };
  }

  #url(path: string, params: Record<string, string>): URL {
    const url = new URL(`${this.#settings.apiRoot}/${this.#settings.apiVersion}/${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('access_token', this.#settings.accessToken);
    return url;
  }

  /** Every Graph API request goes through here: none is sent once the usage headers said the allowance is spent. */
  async #get(url: URL, endpoint: string, context: InstagramErrorContext = {}): Promise<unknown> {
    if (usageCallsForStop(this.#usage)) throw nearLimitStop(this.#usage!, new Date());
    return getJson(
      url,
      endpoint,
      (status, answer, response) => classifyInstagramError(status, answer, { ...context, usage: readUsage(response.headers), now: new Date() }),
      this.#http,
    );
  }

  async listPage(cursor: string | null): Promise<ListingPage> {
    const url = this.#url(`${encodeURIComponent(this.#settings.userId)}/media`, {
      fields: MEDIA_FIELDS,
      limit: String(PAGE_SIZE),
      ...(cursor ? { after: cursor } : {}),
    });
    const body = rawPage.safeParse(await this.#get(url, 'instagram.media', { withCursor: cursor !== null }));
    if (!body.success) throw new RetryableError('Instagram: the media page did not have the expected shape');
    const ids: string[] = [];
    const notes: SourceItem[] = [];
    for (const raw of body.data.data) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') {
        notes.push(this.#normalise(raw)); // reported as an item without a usable id
        continue;
      }
      if (!this.#listed.has(id)) this.#listed.set(id, raw);
      ids.push(id);
    }
    return { ids, notes, next: nextCursor(body.data.paging) };
  }

  async *details(ids: readonly string[]): AsyncGenerator<SourceItem> {
    for (const id of ids) {
      const listed = this.#listed.get(id);
      yield listed !== undefined ? this.#normalise(listed) : await this.#fetchOne(id);
    }
  }

  #normalise(raw: unknown): SourceItem {
    try {
      return { type: 'post', post: normaliseMedia(raw, this.#settings.account) };
    } catch (error) {
      if (error instanceof ItemError) return { type: 'error', error };
      throw error;
    }
  }

  /** One media object the listing did not show in this run (an archived post looked at again). */
  async #fetchOne(id: string): Promise<SourceItem> {
    try {
      const raw = await this.#get(this.#url(encodeURIComponent(id), { fields: MEDIA_FIELDS }), 'instagram.mediaItem', { itemId: id });
      return this.#normalise(raw);
    } catch (error) {
      if (error instanceof ItemError) return { type: 'error', error };
      throw error;
    }
  }

  /** The listing is the account's whole public record: what it no longer shows is gone. */
  async explainMissing(ids: string[]): Promise<Map<string, 'private' | 'deleted' | 'present'>> {
    return new Map(ids.map((id) => [id, 'deleted' as const]));
  }
}

/**
 * The next page's cursor. Only the `after` cursor is kept, never the `next` link itself: the link holds
 * the access token, and a link is not followed to wherever it points.
 */
function nextCursor(paging: z.infer<typeof rawPage>['paging']): string | null {
  if (!paging?.next) return null;
  let after: string | null | undefined;
  try {
    after = new URL(paging.next).searchParams.get('after');
  } catch {
    after = undefined;
  }
  after ||= paging.cursors?.after;
  if (!after) throw new RetryableError('Instagram: a media page links to a next page without an after cursor');
  return after;
}

/**
 * Extends a long-lived token by 60 days.
 * @see https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
 */
export async function refreshInstagramToken(
  settings: InstagramSettings,
  http: HttpOptions,
  now: Date,
): Promise<{ accessToken: string; expiresAt: Date }> {
  const url = new URL(`${settings.apiRoot}/refresh_access_token`);
  url.searchParams.set('grant_type', 'ig_refresh_token');
  url.searchParams.set('access_token', settings.accessToken);
  const body = z
    .object({ access_token: z.string().min(1), expires_in: z.number().positive() })
    .safeParse(await getJson(url, 'instagram.refresh', (status, answer, response) => classifyInstagramError(status, answer, { usage: readUsage(response.headers) }), http));
  if (!body.success) throw new RetryableError('Instagram: the token refresh answer did not have the expected shape');
  return { accessToken: body.data.access_token, expiresAt: new Date(now.getTime() + body.data.expires_in * 1000) };
}
