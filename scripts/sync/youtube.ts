/**
 * YouTube through the official googleapis client, its YouTube module alone (the package's front door loads
 * every Google API it knows: 1.7 s of CPU at the start of every run). History comes from
 * the channel's uploads playlist (`playlistItems.list`, 1 quota unit per 50 videos) and details from
 * `videos.list` in batches of 50; `search.list` (100 units a call) is never used.
 * @see https://developers.google.com/youtube/v3/docs/playlistItems/list
 * @see https://developers.google.com/youtube/v3/docs/videos/list
 */
import { youtube, type youtube_v3 } from 'googleapis/build/src/apis/youtube/index.js';
import { z } from 'astro/zod';
import { isValidPostId } from '#archive/post.ts';
import { extractHashtags } from '#site/utils/text.ts';
import type { AccountRef, YoutubeSettings } from './config.ts';
import { apiMessage, FatalSyncError, ItemError, RetryableError } from './errors.ts';
import { MAX_API_BYTES, redactUrl } from './http.ts';
import { withRetry, type RetryHooks, type RetryPolicy } from './retry.ts';
import { StaleCursorError, type ListingPage, type PlatformSource, type SourceItem } from './source.ts';
import { apiText, parseInstant, type UpstreamMedia, type UpstreamPost } from './upstream.ts';
import { describeIssues } from '#archive/parse.ts';

/** A video of up to three minutes tagged #shorts is a Short; the API has no field for it. */
export const SHORT_MAX_SECONDS = 180;
const PAGE_SIZE = 50;
const QUOTA_RESET =
  'YouTube resets the daily quota at midnight Pacific time (14.00 or 15.00 WIB); the next scheduled run after that will continue.';

// ---------------------------------------------------------------------------------------------------
// Raw shapes, checked at the edge. Only the fields Warta reads; the API sends more.

const thumbnail = z.object({ url: z.string(), width: z.number().optional(), height: z.number().optional() });

const rawVideo = z.object({
  id: z.string(),
  snippet: z.object({
    publishedAt: z.string(),
    channelId: z.string(),
    title: apiText,
    description: apiText.default(''),
    channelTitle: apiText.optional(),
    tags: z.array(z.string()).optional(),
    liveBroadcastContent: z.enum(['none', 'upcoming', 'live', 'completed']).default('none'),
    thumbnails: z.record(z.string(), thumbnail).default({}),
  }),
  contentDetails: z.object({ duration: z.string().optional() }).optional(),
  status: z.object({ privacyStatus: z.string() }),
  liveStreamingDetails: z
    .object({
      scheduledStartTime: z.string().optional(),
      actualStartTime: z.string().optional(),
      actualEndTime: z.string().optional(),
    })
    .optional(),
});
export type RawVideo = z.infer<typeof rawVideo>;

const rawPlaylistItem = z.object({
  snippet: z.object({ title: z.string().optional(), resourceId: z.object({ videoId: z.string() }) }),
  contentDetails: z.object({ videoPublishedAt: z.string().optional() }).optional(),
  status: z.object({ privacyStatus: z.string().optional() }).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Normalising one video (pure).

/** Seconds in an ISO 8601 duration such as "PT1H2M3S" or "P1DT2H"; undefined when absent or odd. */
export function parseIsoDuration(text: string | undefined): number | undefined {
  const match = text?.match(/^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/);
  if (!match) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

const THUMBNAIL_PREFERENCE = ['maxres', 'standard', 'high', 'medium', 'default'];

function isShort(video: RawVideo, seconds: number | undefined): boolean {
  if (seconds === undefined || seconds === 0 || seconds > SHORT_MAX_SECONDS) return false;
  const tagged = /(^|[^\p{L}\p{N}_])#shorts\b/iu;
  return (
    tagged.test(video.snippet.title) ||
    tagged.test(video.snippet.description) ||
    (video.snippet.tags ?? []).some((tag) => tag.toLowerCase() === 'shorts')
  );
}

export function normaliseVideo(input: unknown, account: AccountRef): UpstreamPost {
  const parsed = rawVideo.safeParse(input);
  const rawId = (input as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    throw new ItemError('youtube', rawId, `unexpected video data (${describeIssues(parsed.error.issues, '(item)')})`);
  }
  const video = parsed.data;
  if (!isValidPostId('youtube', video.id)) throw new ItemError('youtube', video.id, 'is not a valid YouTube video id');

  const seconds = parseIsoDuration(video.contentDetails?.duration);
  const live = video.liveStreamingDetails;
  const isLive = live !== undefined || video.snippet.liveBroadcastContent !== 'none';
  const kind = isLive ? 'live' : isShort(video, seconds) ? 'short' : 'video';
  const best = THUMBNAIL_PREFERENCE.map((name) => video.snippet.thumbnails[name]).find((candidate) => candidate?.url);
  const poster: UpstreamMedia = {
    role: 'poster',
    url: best?.url,
    baseName: 'poster',
    ...(best ? {} : { missingReason: 'YouTube gave no thumbnail' }),
  };
  const optionalInstant = (value: string | undefined, field: string) =>
    value ? parseInstant(value, field, video.id, 'youtube') : undefined;

  return {
    platform: 'youtube',
    id: video.id,
    account: { ...account, name: video.snippet.channelTitle || account.name },
    permalink: kind === 'short' ? `https://www.youtube.com/shorts/${video.id}` : `https://www.youtube.com/watch?v=${video.id}`,
    kind,
    ...(kind === 'live'
      ? {
          live: {
            status:
              video.snippet.liveBroadcastContent === 'upcoming'
                ? 'upcoming'
                : video.snippet.liveBroadcastContent === 'live'
                  ? 'live'
                  : 'completed',
            ...(live?.scheduledStartTime ? { scheduledStartAt: optionalInstant(live.scheduledStartTime, 'scheduledStartTime') } : {}),
            ...(live?.actualStartTime ? { actualStartAt: optionalInstant(live.actualStartTime, 'actualStartTime') } : {}),
            ...(live?.actualEndTime ? { actualEndAt: optionalInstant(live.actualEndTime, 'actualEndTime') } : {}),
          },
        }
      : {}),
    title: video.snippet.title,
    text: video.snippet.description,
    hashtags: extractHashtags(`${video.snippet.title}\n${video.snippet.description}`),
    publishedAt: parseInstant(video.snippet.publishedAt, 'publishedAt', video.id, 'youtube'),
    // An upcoming broadcast reports "P0D"; a length of zero says nothing.
    ...(seconds ? { durationSeconds: seconds } : {}),
    media: [poster],
  };
}

// ---------------------------------------------------------------------------------------------------
// Errors from the API, sorted into what ends the run, what a retry may fix, and what skips one item.

interface GoogleErrorBody {
  error?: { code?: number; message?: string; errors?: { reason?: string; message?: string }[]; details?: { reason?: string }[] };
}

/**
 * Whether gaxios stopped reading an answer at `maxContentLength`: from its Content-Length ("Response's
 * `Content-Length` is over the limit.", with the response) or while reading ("content size at <URL> over
 * limit", the URL holding the key, with `error.type` "max-size").
 */
function isTooLarge(error: unknown): boolean {
  const { message, error: inner } = (error ?? {}) as { message?: unknown; error?: { type?: unknown } };
  return inner?.type === 'max-size' || (typeof message === 'string' && /\bover (the )?limit\b/.test(message));
}

/** Why no answer came, in the network's words (any URL in them redacted: it holds the key). */
function transportProblem(error: unknown): string {
  const message = (error as Error | undefined)?.message;
  return `no answer (${apiMessage(redactUrl(typeof message === 'string' ? message : 'network error'), 120)})`;
}

/** Turns a googleapis failure into a FatalSyncError or RetryableError (never includes the request URL). */
export function classifyYoutubeError(error: unknown, endpoint: string): Error {
  if (isTooLarge(error)) return new RetryableError(`YouTube ${endpoint}: the answer is larger than the limit of ${MAX_API_BYTES / 1024 / 1024} MB`);
  const response = (error as { response?: { status?: number; data?: unknown; headers?: unknown } }).response;
  if (!response?.status) {
    return new RetryableError(`YouTube ${endpoint}: ${transportProblem(error)}`);
  }
  const status = response.status;
  const body = (typeof response.data === 'object' ? response.data : {}) as GoogleErrorBody;
  const reasons = [
    ...(body.error?.errors ?? []).map((entry) => entry.reason),
    ...(body.error?.details ?? []).map((entry) => entry.reason),
  ].filter((reason): reason is string => typeof reason === 'string' && reason !== '');
  const message = apiMessage(body.error?.message ?? `HTTP ${status}`).replace(/<[^>]*>/g, '');
  const headers = response.headers as { get?: (name: string) => string | null } & Record<string, string> | undefined;
  const retryAfter = headers?.get?.('retry-after') ?? headers?.['retry-after'];

  if (reasons.some((reason) => reason === 'quotaExceeded' || reason === 'dailyLimitExceeded')) {
    return new FatalSyncError('quota-exceeded', `YouTube: the daily API quota is spent (${message}).`, QUOTA_RESET, 'youtube');
  }
  if (reasons.some((reason) => ['keyInvalid', 'API_KEY_INVALID', 'keyExpired', 'API_KEY_EXPIRED'].includes(reason))) {
    return new FatalSyncError(
      'invalid-credentials',
      `YouTube: the API key was refused (${message}).`,
      'Check YOUTUBE_API_KEY: create a new key in Google Cloud Console (APIs & Services → Credentials) and update the secret.',
      'youtube',
    );
  }
  if (reasons.includes('invalidPageToken')) {
    return new StaleCursorError('the saved place in the uploads playlist (a page token) was refused');
  }
  if (status === 429 || status >= 500 || reasons.some((reason) => /rateLimitExceeded|backendError/i.test(reason))) {
    const seconds = retryAfter ? Number(retryAfter) : NaN;
    return new RetryableError(`YouTube ${endpoint}: HTTP ${status} ${message}`, Number.isFinite(seconds) ? seconds * 1000 : undefined, status);
  }
  if (status === 403) {
    return new FatalSyncError(
      'permission-denied',
      `YouTube: access denied (${message}).`,
      'Make sure the YouTube Data API v3 is enabled for the key\'s Google Cloud project and the key is not restricted away from it.',
      'youtube',
    );
  }
  if (status === 404) {
    return new FatalSyncError(
      'configuration',
      `YouTube ${endpoint}: not found (${message}).`,
      'Check the channel id in src/site.config.ts or YOUTUBE_CHANNEL_ID.',
      'youtube',
    );
  }
  return new FatalSyncError('unavailable', `YouTube ${endpoint}: HTTP ${status} ${message}`, 'Run the sync again; if it keeps failing, report this message.', 'youtube');
}

// ---------------------------------------------------------------------------------------------------
// The source: listing and details.

export interface YoutubeSourceOptions {
  settings: YoutubeSettings;
  /** The uploads playlist remembered from an earlier run, if any. */
  knownUploadsPlaylistId: string | undefined;
  timeoutMs: number;
  retry?: RetryPolicy;
  hooks?: RetryHooks;
  countRequest: (endpoint: string) => void;
}

export class YoutubeSource implements PlatformSource {
  readonly platform = 'youtube' as const;
  uploadsPlaylistId: string | undefined;
  readonly #api: youtube_v3.Youtube;
  readonly #options: YoutubeSourceOptions;
  /** Ids the listing showed as "Private video" placeholders in this run. */
  readonly #privateInListing = new Set<string>();

  constructor(options: YoutubeSourceOptions) {
    this.#options = options;
    this.uploadsPlaylistId = options.knownUploadsPlaylistId;
    this.#api = youtube({
      version: 'v3',
      auth: options.settings.apiKey,
      rootUrl: options.settings.apiRoot,
      timeout: options.timeoutMs,
      maxContentLength: MAX_API_BYTES,
      retry: false, // our own policy (withRetry) decides, with the API's error reasons in hand
    });
  }

  async #call<T>(endpoint: string, request: () => Promise<{ data: T }>): Promise<T> {
    return withRetry(
      async () => {
        this.#options.countRequest(`youtube.${endpoint}`);
        let data: T;
        try {
          ({ data } = await request());
        } catch (error) {
          throw classifyYoutubeError(error, endpoint);
        }
        // gaxios hands back text when the body is not JSON (e.g. cut off mid-way): worth another try.
        if (typeof data !== 'object' || data === null) throw new RetryableError(`YouTube ${endpoint}: the answer was not valid JSON`);
        return data;
      },
      this.#options.retry,
      this.#options.hooks,
    );
  }

  async #resolveUploadsPlaylist(): Promise<string> {
    if (this.uploadsPlaylistId) return this.uploadsPlaylistId;
    const { channelId } = this.#options.settings;
    const data = await this.#call('channels', () => this.#api.channels.list({ part: ['contentDetails'], id: [channelId] }));
    const uploads = data.items?.[0]?.contentDetails?.relatedPlaylists?.uploads;
    if (!uploads || !/^[A-Za-z0-9_-]{2,64}$/.test(uploads)) {
      throw new FatalSyncError(
        'configuration',
        `YouTube: channel ${channelId} was not found or has no uploads playlist.`,
        'Check the channel id in src/site.config.ts or YOUTUBE_CHANNEL_ID (it starts with "UC").',
        'youtube',
      );
    }
    this.uploadsPlaylistId = uploads;
    return uploads;
  }

  /** One page of the uploads playlist: public and unlisted video ids; placeholders reported as gone. */
  async listPage(cursor: string | null): Promise<ListingPage> {
    const playlistId = await this.#resolveUploadsPlaylist();
    const data = await this.#call('playlistItems', () =>
      this.#api.playlistItems.list({
        part: ['snippet', 'contentDetails', 'status'],
        playlistId,
        maxResults: PAGE_SIZE,
        ...(cursor ? { pageToken: cursor } : {}),
      }),
    );
    const ids: string[] = [];
    const notes: SourceItem[] = [];
    for (const raw of data.items ?? []) {
      const item = rawPlaylistItem.safeParse(raw);
      if (!item.success) {
        notes.push({ type: 'error', error: new ItemError('youtube', undefined, 'a playlist item without a video id') });
        continue;
      }
      const id = item.data.snippet.resourceId.videoId;
      const privacy = item.data.status?.privacyStatus;
      // Placeholders: "Private video" (privacyStatus private) and "Deleted video" (unspecified), no publish date.
      if (privacy && privacy !== 'public' && privacy !== 'unlisted') {
        if (privacy === 'private') this.#privateInListing.add(id);
        notes.push({ type: 'gone', id, reason: privacy === 'private' ? 'private' : 'deleted' });
        continue;
      }
      ids.push(id);
    }
    return { ids, notes, next: data.nextPageToken || null };
  }

  /** Full videos from `videos.list`, 50 ids a call; an id asked for but not returned is private or deleted. */
  async *details(ids: readonly string[]): AsyncGenerator<SourceItem> {
    for (let start = 0; start < ids.length; start += PAGE_SIZE) {
      const batch = ids.slice(start, start + PAGE_SIZE);
      const data = await this.#call('videos', () =>
        // No maxResults: the API does not accept it together with id.
        this.#api.videos.list({ part: ['snippet', 'contentDetails', 'status', 'liveStreamingDetails'], id: batch }),
      );
      const returned = new Set<string>();
      for (const raw of data.items ?? []) {
        const id = (raw as { id?: unknown }).id;
        if (typeof id === 'string') returned.add(id);
        if ((raw as RawVideo).status?.privacyStatus !== 'public') {
          if (typeof id === 'string') yield { type: 'gone', id, reason: 'private' };
          continue;
        }
        try {
          yield { type: 'post', post: normaliseVideo(raw, this.#options.settings.account) };
        } catch (error) {
          if (error instanceof ItemError) yield { type: 'error', error };
          else throw error;
        }
      }
      // Asked for but not returned: private or deleted (an API key sees neither).
      for (const id of batch) {
        if (!returned.has(id)) yield { type: 'gone', id, reason: this.#privateInListing.has(id) ? 'private' : 'deleted' };
      }
    }
  }

  async explainMissing(ids: string[]): Promise<Map<string, 'private' | 'deleted' | 'present'>> {
    const result = new Map<string, 'private' | 'deleted' | 'present'>();
    for await (const item of this.details(ids.filter((id) => isValidPostId('youtube', id)))) {
      if (item.type === 'gone') result.set(item.id, item.reason);
      else if (item.type === 'post') result.set(item.post.id, 'present');
    }
    return result;
  }
}
