/**
 * Types of the fake YouTube / Instagram API server used by the sync's integration tests.
 *
 * `FakeData` holds RAW API RESOURCES (as the real APIs document them), so a test changes the world the
 * way the platform would: edit `resource.snippet.title`, set `visibility = 'private'`, splice an item out
 * of `instagram.media`, unshift a new one. The server derives everything else (playlist items, pages,
 * etags, field filtering, placeholders) from it on every request.
 */
import type { PosterSpec } from '#scripts/sample/posters.ts';

// ── YouTube Data API v3 raw resources ─────────────────────────────────────────────────────────────

export interface YouTubeThumbnail {
  url: string;
  width: number;
  height: number;
}

/** `default`, `medium`, `high`, `standard`, `maxres` (any may be missing, as on real videos). */
export type YouTubeThumbnails = Partial<Record<'default' | 'medium' | 'high' | 'standard' | 'maxres', YouTubeThumbnail>>;

/** A `youtube#video` resource (https://developers.google.com/youtube/v3/docs/videos#resource). */
export interface YouTubeVideo {
  kind: 'youtube#video';
  /** Computed by the server from the content; anything stored here is ignored. */
  etag?: string;
  id: string;
  snippet: {
    publishedAt: string;
    channelId: string;
    title: string;
    description: string;
    thumbnails: YouTubeThumbnails;
    channelTitle: string;
    tags?: string[];
    categoryId: string;
    liveBroadcastContent: 'none' | 'upcoming' | 'live';
    defaultLanguage?: string;
    /** Rewritten by the server from title/description on every response. */
    localized?: { title: string; description: string };
    defaultAudioLanguage?: string;
  };
  contentDetails: {
    /** ISO 8601, e.g. `PT8M32S`; `P0D` for an upcoming broadcast. */
    duration: string;
    dimension: '2d' | '3d';
    definition: 'hd' | 'sd';
    caption: 'true' | 'false';
    licensedContent: boolean;
    contentRating: Record<string, unknown>;
    projection: 'rectangular' | '360';
  };
  status: {
    uploadStatus: 'processed' | 'uploaded' | 'deleted' | 'failed' | 'rejected';
    /** Rewritten by the server from `FakeVideo.visibility`. */
    privacyStatus: 'public' | 'unlisted' | 'private';
    license: 'youtube' | 'creativeCommon';
    embeddable: boolean;
    publicStatsViewable: boolean;
    madeForKids: boolean;
  };
  statistics?: { viewCount: string; likeCount: string; favoriteCount: string; commentCount: string };
  /** Only on broadcasts (upcoming, live, or the recording of a finished one). */
  liveStreamingDetails?: {
    actualStartTime?: string;
    actualEndTime?: string;
    scheduledStartTime?: string;
    scheduledEndTime?: string;
    concurrentViewers?: string;
    activeLiveChatId?: string;
  };
  [extraPart: string]: unknown;
}

/** One video of the channel's uploads playlist as the fake serves it. */
export interface FakeVideo {
  resource: YouTubeVideo;
  /**
   * public/unlisted: listed in playlistItems and returned by videos.list.
   * private: a "Private video" placeholder in playlistItems, absent from videos.list.
   * deleted: a "Deleted video" placeholder in playlistItems, absent from videos.list.
   * (To make a video vanish completely, remove it from `videos`.)
   */
  visibility: 'public' | 'unlisted' | 'private' | 'deleted';
  /** When it was added to the uploads playlist (playlistItem snippet.publishedAt); default: resource.snippet.publishedAt. */
  addedAt?: string;
}

/** A `youtube#channel` resource with the parts the fake serves. */
export interface YouTubeChannel {
  kind: 'youtube#channel';
  etag?: string;
  id: string;
  snippet: {
    title: string;
    description: string;
    customUrl: string;
    publishedAt: string;
    thumbnails: YouTubeThumbnails;
    localized?: { title: string; description: string };
    country?: string;
  };
  contentDetails: { relatedPlaylists: { likes: string; uploads: string } };
  statistics?: { viewCount: string; subscriberCount: string; hiddenSubscriberCount: boolean; videoCount: string };
  [extraPart: string]: unknown;
}

// ── Instagram Graph API raw objects ───────────────────────────────────────────────────────────────

/** A child of a carousel album (`children{...}` expansion). */
export interface InstagramChild {
  id: string;
  media_type?: 'IMAGE' | 'VIDEO' | string;
  media_url?: string;
  thumbnail_url?: string;
  timestamp?: string;
  username?: string;
  shortcode?: string;
  alt_text?: string;
  [field: string]: unknown;
}

/**
 * An IG Media object with every field the fake knows; the server returns only the requested ones and
 * omits those that are undefined (as the real API omits e.g. `caption` of an uncaptioned post).
 * Fields are optional on purpose: hostile items leave some out.
 */
export interface InstagramMedia {
  id: string;
  caption?: string;
  media_type?: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM' | string;
  media_product_type?: 'FEED' | 'REELS' | 'STORY' | 'AD' | string;
  media_url?: string;
  thumbnail_url?: string;
  permalink?: string;
  shortcode?: string;
  /** Real format: `2026-11-24T10:15:00+0000`. */
  timestamp?: string;
  username?: string;
  like_count?: number;
  comments_count?: number;
  is_comment_enabled?: boolean;
  is_shared_to_feed?: boolean;
  alt_text?: string;
  children?: { data: InstagramChild[] };
  [field: string]: unknown;
}

// ── Files on the fake CDN ─────────────────────────────────────────────────────────────────────────

/** A deterministic picture drawn by `scripts/sample/artwork.ts` (the sample archive's artwork). */
export interface ImageSpec {
  /** PRNG seed; the fixtures use the sample generator's seeds (`youtube/<id>/poster.jpg`, ...). */
  seed: string;
  width: number;
  height: number;
  format?: 'jpeg' | 'png' | 'webp';
  /** Draw the artwork at this size, centred on black (YouTube's letterboxed 4:3 thumbnails). */
  content?: { width: number; height: number };
  /** Draw this announcement poster (with printed text) instead of the artwork; its own size wins. */
  poster?: PosterSpec;
}

/**
 * One file on the fake CDN. `image` is rendered lazily (and cached); otherwise `body` is served as is.
 * `status` other than 200 serves that status with `body` (default: a short text), e.g. `{ status: 404 }`.
 */
export interface FakeFile {
  status?: number;
  contentType?: string;
  body?: Buffer | string;
  image?: ImageSpec;
  headers?: Record<string, string>;
}

// ── The world the fake serves ─────────────────────────────────────────────────────────────────────

export interface FakeYouTube {
  /** The only accepted `key=`. */
  apiKey: string;
  channel: YouTubeChannel;
  /** Newest first: the order of the uploads playlist. */
  videos: FakeVideo[];
}

export interface FakeInstagram {
  /** A valid access token. Tokens returned by refresh_access_token are valid too. */
  accessToken: string;
  /** Tokens answered with "Session has expired" (code 190, subcode 463); wins over validity. */
  expiredTokens?: string[];
  /** What refresh_access_token returns; default: derived deterministically from the token refreshed. */
  refreshedToken?: string;
  /** `expires_in` of a refresh; default 5183944 (60 days minus a little, as the real API answers). */
  refreshExpiresIn?: number;
  userId: string;
  username: string;
  /** Newest first, as `/{ig-user-id}/media` lists them. */
  media: InstagramMedia[];
}

export interface FakeData {
  youtube: FakeYouTube;
  instagram: FakeInstagram;
  /**
   * Files on the fake CDN by path (`/cdn/...`, no query). Besides these, any `${origin}/cdn/...` URL that
   * occurs anywhere in `youtube`/`instagram` is served automatically (a picture sized from its name).
   */
  files: Record<string, FakeFile>;
}

// ── The server ────────────────────────────────────────────────────────────────────────────────────

export type Endpoint =
  | 'youtube.channels'
  | 'youtube.playlistItems'
  | 'youtube.videos'
  | 'instagram.media'
  | 'instagram.mediaItem'
  | 'instagram.refresh'
  | 'cdn';

export interface FakeApiOptions {
  /** Largest page the fake serves, whatever the client asks (defaults: YouTube 50, Instagram 25). */
  pageSize?: { youtube?: number; instagram?: number };
  /** The Instagram Graph API version the client must use in paths; default: the sync's `DEFAULT_INSTAGRAM_API_VERSION`. */
  instagramVersion?: string;
}

export interface RecordedRequest {
  endpoint: Endpoint | 'unknown';
  method: string;
  /** The path without the query, e.g. `/youtube/v3/videos`. */
  path: string;
  /** Query parameters; repeated ones joined with ","; `key` and `access_token` replaced by "<redacted>". */
  query: Record<string, string>;
  /** Status of the answer, once sent (undefined while hanging or when the client went away first). */
  status?: number;
  /** Set when an injected failure answered this request. */
  injected?: boolean;
  /** Why the request is in `unexpected`. */
  note?: string;
}

export interface Failure {
  endpoint: Endpoint;
  /** How many matching requests this failure answers (default 1). */
  times?: number;
  /** Only requests for which this returns true are matched (e.g. one CDN path, or page 2). */
  when?: (request: RecordedRequest) => boolean;
  /** Default 500 (200 with `truncate`). */
  status?: number;
  /** Default: a realistic error body of that platform for the status. */
  body?: string | object;
  headers?: Record<string, string>;
  /** Accept the request and never answer, until the client gives up or close(). */
  hang?: true;
  /** 200 with the real answer's body cut in half (Content-Length of the cut body). */
  truncate?: true;
  /** Destroy the connection without any answer (a network error for the client). */
  reset?: true;
  /** Wait this long before answering (with the real answer, unless status/body/truncate say otherwise). */
  delayMs?: number;
}

export interface FakeApi {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `${origin}/`: the googleapis `rootUrl`. */
  youtubeRoot: string;
  /** `${origin}/instagram`: the client requests `${instagramRoot}/<version>/...`. */
  instagramRoot: string;
  /** Mutable: change it between sync runs; may also be replaced as a whole. */
  data: FakeData;
  /** Every request, in order (cleared by resetCounts()). */
  requests: RecordedRequest[];
  /** Unknown routes, search.list, wrong methods, malformed or missing parameters (never cleared). */
  unexpected: RecordedRequest[];
  /** Distinct API keys and access tokens the client sent (kept out of `requests`). */
  secretsSeen: string[];
  count(endpoint: Endpoint): number;
  resetCounts(): void;
  inject(failure: Failure): void;
  /** Failures injected but not (fully) consumed yet. */
  pendingFailures(): Failure[];
  /** Serve this file at `path` (`/cdn/x.jpg`, `cdn/x.jpg`, `x.jpg` or a full URL); wins over `data.files`. */
  setFile(path: string, file: FakeFile & { contentType: string; body: Buffer | string }): void;
  close(): Promise<void>;
}

// ── Internal: what the route handlers get and give ───────────────────────────────────────────────

/** @internal One request as a route handler sees it. */
export interface HandlerContext {
  data: FakeData;
  origin: string;
  options: FakeApiOptions;
  /** The path without the query. */
  path: string;
  /** Raw query values (secrets included); repeated parameters joined with ",". */
  query: Record<string, string>;
  /** Marks the request as unexpected (a client bug), with the reason. */
  flag(note: string): void;
  /** Tokens handed out by refresh_access_token so far (valid from then on). */
  issuedTokens: Set<string>;
}

/** @internal An answer before it is written. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}
