/**
 * Instagram through the Graph API over HTTPS (Instagram API with Instagram Login, a pinned version).
 * The account's media are paged newest first with the fields that include carousel children.
 * @see https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * @see https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
import { z } from 'astro/zod';
import { isValidPostId } from '../../src/schemas/post.ts';
import { deriveTitle, extractHashtags, safeHttpUrl } from '../../src/utils/text.ts';
import { INSTAGRAM_API_VERSION, type AccountRef, type InstagramSettings } from './config.ts';
import { FatalSyncError, ItemError, RetryableError } from './errors.ts';
import { getJson, type HttpOptions } from './http.ts';
import type { FetchMode, PlatformSource, SourceItem } from './source.ts';
import { parseInstant, type UpstreamMedia, type UpstreamPost } from './upstream.ts';
import { describeIssues } from '../../src/schemas/issues.ts';

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
  caption: z.string().optional(),
  media_type: z.enum(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']),
  media_product_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  permalink: z.string(),
  timestamp: z.string(),
  username: z.string().optional(),
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
    media = children.map((child, index) => mediaEntry('image', String(index + 1), stillOf(child)));
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
    permalink: item.permalink,
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

/** Sorts a Graph API error answer into fatal, retryable or (for one media object) an item error. */
export function classifyInstagramError(status: number, body: unknown, itemId?: string): Error {
  const error = (body as GraphErrorBody | undefined)?.error;
  const code = error?.code;
  const message = (error?.message ?? `HTTP ${status}`).slice(0, 300);
  if (code === 190) {
    const expired = error?.error_subcode === 463 || /expired/i.test(message);
    return new FatalSyncError(
      expired ? 'token-expired' : 'invalid-credentials',
      `Instagram: the access token ${expired ? 'has expired' : 'was refused'} (${message}).`,
      RENEW_TOKEN,
      'instagram',
    );
  }
  if ((code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014))) || error?.is_transient || code === 1 || code === 2) {
    return new RetryableError(`Instagram: rate limited or temporarily unavailable (code ${code}: ${message})`);
  }
  if (code === 10 || (code !== undefined && code >= 200 && code < 300)) {
    return new FatalSyncError(
      'permission-denied',
      `Instagram: permission denied (code ${code}: ${message}).`,
      'The token needs the instagram_business_basic permission for this professional account; generate a new token with it.',
      'instagram',
    );
  }
  if (itemId && code === 100) return new ItemError('instagram', itemId, `not available upstream (${message})`);
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
  readonly #options: InstagramSourceOptions;

  constructor(options: InstagramSourceOptions) {
    this.#options = options;
  }

  #url(path: string, params: Record<string, string>): URL {
    const url = new URL(`${this.#options.settings.apiRoot}/${INSTAGRAM_API_VERSION}/${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('access_token', this.#options.settings.accessToken);
    return url;
  }

  /** A paging link is followed only on the API's own origin: the token travels in it. */
  #nextPage(next: string | undefined): URL | undefined {
    if (!next) return undefined;
    const url = new URL(next);
    if (url.origin !== new URL(this.#options.settings.apiRoot).origin) {
      throw new FatalSyncError(
        'unavailable',
        `Instagram: a paging link pointed to another host (${url.host}); stopped without following it.`,
        'Report this message; no request was sent to that host.',
        'instagram',
      );
    }
    return url;
  }

  async *#pages(mode: FetchMode): AsyncGenerator<SourceItem | { type: 'page'; items: unknown[] }> {
    let url: URL | undefined = this.#url(`${encodeURIComponent(this.#options.settings.userId)}/media`, {
      fields: MEDIA_FIELDS,
      limit: String(PAGE_SIZE),
    });
    const seen = new Set<string>();
    while (url) {
      const body = rawPage.safeParse(
        await getJson(url, 'instagram.media', (status, answer) => classifyInstagramError(status, answer), this.#options.http),
      );
      if (!body.success) throw new RetryableError('Instagram: the media page did not have the expected shape');
      yield { type: 'page', items: body.data.data };
      const ids = body.data.data.map((item) => (item as { id?: unknown }).id);
      if (!mode.full && ids.some((id) => typeof id === 'string' && mode.known.has(id))) return;
      url = this.#nextPage(body.data.paging?.next);
      const cursor = url?.searchParams.get('after') ?? url?.href;
      if (cursor && seen.has(cursor)) {
        yield { type: 'warning', message: 'Instagram: the paging links came back to a page already read; stopped there.' };
        return;
      }
      if (cursor) seen.add(cursor);
    }
  }

  async *fetch(mode: FetchMode): AsyncGenerator<SourceItem> {
    const seen = new Set<string>();
    for await (const page of this.#pages(mode)) {
      if (page.type !== 'page') {
        yield page;
        continue;
      }
      for (const raw of page.items) {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          if (seen.has(id)) continue; // a post repeated across pages is archived once
          seen.add(id);
          if (!mode.full && mode.known.has(id) && !mode.refresh.has(id)) continue;
        }
        yield this.#normalise(raw);
      }
    }
    // Archived posts to look at again (pending media) that the listing stopped before.
    for (const id of mode.refresh) {
      if (!seen.has(id)) yield await this.#fetchOne(id);
    }
  }

  #normalise(raw: unknown): SourceItem {
    try {
      return { type: 'post', post: normaliseMedia(raw, this.#options.settings.account) };
    } catch (error) {
      if (error instanceof ItemError) return { type: 'error', error };
      throw error;
    }
  }

  async #fetchOne(id: string): Promise<SourceItem> {
    try {
      const raw = await getJson(
        this.#url(encodeURIComponent(id), { fields: MEDIA_FIELDS }),
        'instagram.mediaItem',
        (status, answer) => classifyInstagramError(status, answer, id),
        this.#options.http,
      );
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
    .safeParse(await getJson(url, 'instagram.refresh', (status, answer) => classifyInstagramError(status, answer), http));
  if (!body.success) throw new RetryableError('Instagram: the token refresh answer did not have the expected shape');
  return { accessToken: body.data.access_token, expiresAt: new Date(now.getTime() + body.data.expires_in * 1000) };
}
