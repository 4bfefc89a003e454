/**
 * The fake YouTube Data API v3: raw-resource builders, error bodies, and the three routes the sync uses
 * (channels.list, playlistItems.list, videos.list). Shapes follow the reference:
 * https://developers.google.com/youtube/v3/docs/videos, /playlistItems, /channels, /errors
 */
import { createHash } from 'node:crypto';
import { seededRandom } from '#scripts/sample/artwork.ts';
import { YOUTUBE_THUMBNAIL_SIZES } from './files.ts';
import type {
  FakeFile,
  FakeVideo,
  HandlerContext,
  Reply,
  YouTubeChannel,
  YouTubeThumbnails,
  YouTubeVideo,
} from './types.ts';

// ── Serialising like Google does ──────────────────────────────────────────────────────────────────

/** Google's JSON: pretty-printed with two spaces, `<` and `>` escaped as \u003c / \u003e. */
export function googleJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}\n`;
}

export function youtubeReply(status: number, body: unknown): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', vary: 'Origin, X-Origin, Referer', server: 'scaffolding on HTTPServer2' },
    body: googleJson(body),
  };
}

/** A 27-character etag derived from the content, like the real ones (`"Z2vzQp6Vn1Pe3ZlY7LhYU8Kuh9g"`). */
export function etagOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

// ── Error bodies ──────────────────────────────────────────────────────────────────────────────────

export interface GoogleErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface ErrorReply {
  status: number;
  body: { error: { code: number; message: string; errors: GoogleErrorItem[]; status?: string; details?: unknown[] } };
}

export function youtubeError(code: number, item: GoogleErrorItem, status?: string, details?: unknown[]): ErrorReply {
  const error: ErrorReply['body']['error'] = { code, message: item.message, errors: [item] };
  if (status) error.status = status;
  if (details) error.details = details;
  return { status: code, body: { error } };
}

const KEY_INVALID = 'API key not valid. Please pass a valid API key.';

/** 400 for a wrong (or missing) `key=`. */
export function youtubeKeyInvalid(): ErrorReply {
  return youtubeError(400, { message: KEY_INVALID, domain: 'global', reason: 'badRequest' }, 'INVALID_ARGUMENT', [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'youtube.googleapis.com' },
    },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: KEY_INVALID },
  ]);
}

/** 403 quotaExceeded: the daily quota of the project is spent (retrying today does not help). */
export function youtubeQuotaExceeded(): ErrorReply {
  return youtubeError(403, {
    message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
    domain: 'youtube.quota',
    reason: 'quotaExceeded',
  });
}

/** 403 rateLimitExceeded: too many requests in a short time (retry later helps). */
export function youtubeRateLimited(): ErrorReply {
  return youtubeError(403, { message: 'Rate Limit Exceeded', domain: 'usageLimits', reason: 'rateLimitExceeded' }, 'PERMISSION_DENIED');
}

/** A realistic body for any status (used when an injected failure gives none). */
export function youtubeErrorForStatus(status: number): ErrorReply {
  switch (status) {
    case 400:
      return youtubeError(400, { message: 'Bad Request', domain: 'global', reason: 'badRequest' }, 'INVALID_ARGUMENT');
    case 401:
      return youtubeError(401, { message: 'Login Required.', domain: 'global', reason: 'required', location: 'Authorization', locationType: 'header' }, 'UNAUTHENTICATED');
    case 403:
      return youtubeError(403, { message: 'The caller does not have permission', domain: 'global', reason: 'forbidden' }, 'PERMISSION_DENIED');
    case 404:
      return youtubeError(404, { message: 'Not Found', domain: 'global', reason: 'notFound' }, 'NOT_FOUND');
    case 429:
      return youtubeError(429, { message: 'Resource has been exhausted (e.g. check quota).', domain: 'global', reason: 'rateLimitExceeded' }, 'RESOURCE_EXHAUSTED');
    case 500:
      return youtubeError(500, { message: 'Internal error encountered.', domain: 'global', reason: 'backendError' }, 'INTERNAL');
    case 502:
      return youtubeError(502, { message: 'Bad Gateway', domain: 'global', reason: 'backendError' }, 'UNAVAILABLE');
    case 503:
      return youtubeError(503, { message: 'The service is currently unavailable.', domain: 'global', reason: 'backendError' }, 'UNAVAILABLE');
    case 504:
      return youtubeError(504, { message: 'The request timed out.', domain: 'global', reason: 'backendError' }, 'DEADLINE_EXCEEDED');
    default:
      return youtubeError(status, { message: `HTTP ${status}`, domain: 'global', reason: 'backendError' });
  }
}

const parameterError = (message: string, reason: string, location: string): ErrorReply =>
  youtubeError(400, { message, domain: 'youtube.parameter', reason, location, locationType: 'parameter' }, 'INVALID_ARGUMENT');

// ── Builders of raw resources ─────────────────────────────────────────────────────────────────────

/** `PT8M32S`, `PT1H18M34S`, `PT42S`; `P0D` for zero (an upcoming broadcast). */
export function isoDuration(totalSeconds: number): string {
  if (totalSeconds <= 0) return 'P0D';
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export interface ThumbnailOptions {
  /** Artwork seed; the fixtures use the sample's `youtube/<id>/poster.jpg`. */
  seed: string;
  /** A short: the 9:16 picture pillarboxed inside each frame, as YouTube does. */
  vertical?: boolean;
  /** An upcoming broadcast: names end in `_live` (`hqdefault_live.jpg`). */
  live?: boolean;
  /** Whether `standard` and `maxres` exist (they do not for every video). Default true. */
  large?: boolean;
  /** Declare the thumbnail files as 404 on the CDN (the download must fail). */
  filesMissing?: boolean;
}

/**
 * The `thumbnails` object of a video (URLs on the fake CDN, laid out like i.ytimg.com/vi/<id>/) and the
 * files to serve for them: 16:9 artwork, letterboxed in the 4:3 frames (default, high, standard).
 */
export function youtubeThumbnails(origin: string, videoId: string, options: ThumbnailOptions): { thumbnails: YouTubeThumbnails; files: Record<string, FakeFile> } {
  const thumbnails: YouTubeThumbnails = {};
  const files: Record<string, FakeFile> = {};
  const large = options.large ?? true;
  for (const [key, size] of Object.entries(YOUTUBE_THUMBNAIL_SIZES) as [keyof YouTubeThumbnails, (typeof YOUTUBE_THUMBNAIL_SIZES)[keyof typeof YOUTUBE_THUMBNAIL_SIZES]][]) {
    if (!large && (key === 'standard' || key === 'maxres')) continue;
    const path = `/cdn/vi/${encodeURIComponent(videoId)}/${size.file}${options.live ? '_live' : ''}.jpg`;
    thumbnails[key] = { url: `${origin}${path}`, width: size.width, height: size.height };
    const { width, height } = size;
    let content: { width: number; height: number } | undefined;
    if (options.vertical) content = { width: Math.round((height * 9) / 16), height };
    else if (width * 9 !== height * 16) content = { width, height: Math.round((width * 9) / 16) };
    files[path] = options.filesMissing ? { status: 404 } : { image: { seed: options.seed, width, height, content } };
  }
  return { thumbnails, files };
}

export interface VideoInput {
  id: string;
  title: string;
  description: string;
  publishedAt: string;
  durationSeconds?: number;
  channelId: string;
  channelTitle: string;
  /** Artwork seed for the thumbnails; default `youtube/<id>/poster.jpg`. */
  seed?: string;
  vertical?: boolean;
  tags?: string[];
  /** A broadcast: upcoming (scheduled), live (on air) or completed (now a recording). */
  live?: {
    state: 'upcoming' | 'live' | 'completed';
    scheduledStartTime?: string;
    actualStartTime?: string;
    actualEndTime?: string;
    concurrentViewers?: number;
  };
  visibility?: FakeVideo['visibility'];
  /** Declare the thumbnail files as 404 on the CDN (the download must fail). */
  filesMissing?: boolean;
}

/** `Cg0KC<base64 of the id>`: what a live chat id of a broadcast looks like. */
function liveChatId(videoId: string): string {
  return Buffer.concat([Buffer.from([0x0a, 0x0d, 0x0a, 0x0b]), Buffer.from(videoId)]).toString('base64').replace(/=+$/, '');
}

/** A complete `youtube#video` resource and the thumbnail files it references. */
export function buildVideo(origin: string, input: VideoInput): { video: FakeVideo; files: Record<string, FakeFile> } {
  const live = input.live;
  const { thumbnails, files } = youtubeThumbnails(origin, input.id, {
    seed: input.seed ?? `youtube/${input.id}/poster.jpg`,
    vertical: input.vertical,
    live: live?.state === 'upcoming',
    large: !input.vertical && live?.state !== 'upcoming',
    filesMissing: input.filesMissing,
  });
  const random = seededRandom(`stats:youtube/${input.id}`);
  const views = live?.state === 'upcoming' ? 0 : 150 + Math.floor(random() * 9000);
  const resource: YouTubeVideo = {
    kind: 'youtube#video',
    id: input.id,
    snippet: {
      publishedAt: input.publishedAt,
      channelId: input.channelId,
      title: input.title,
      description: input.description,
      thumbnails,
      channelTitle: input.channelTitle,
      tags: input.tags ?? ['Tapanuli Selatan', 'Pemkab Tapsel', 'Prokopim Tapsel'],
      categoryId: '25',
      liveBroadcastContent: live?.state === 'upcoming' ? 'upcoming' : live?.state === 'live' ? 'live' : 'none',
      defaultLanguage: 'id',
      localized: { title: input.title, description: input.description },
      defaultAudioLanguage: 'id',
    },
    contentDetails: {
      duration: isoDuration(live?.state === 'upcoming' || live?.state === 'live' ? 0 : (input.durationSeconds ?? 0)),
      dimension: '2d',
      definition: 'hd',
      caption: 'false',
      licensedContent: false,
      contentRating: {},
      projection: 'rectangular',
    },
    status: {
      uploadStatus: live && live.state !== 'completed' ? 'uploaded' : 'processed',
      privacyStatus: input.visibility === 'unlisted' ? 'unlisted' : input.visibility === 'private' ? 'private' : 'public',
      license: 'youtube',
      embeddable: true,
      publicStatsViewable: true,
      madeForKids: false,
    },
    statistics: {
      viewCount: String(views),
      likeCount: String(Math.floor(views * (0.02 + random() * 0.05))),
      favoriteCount: '0',
      commentCount: String(Math.floor(views * random() * 0.004)),
    },
  };
  if (live) {
    const details: NonNullable<YouTubeVideo['liveStreamingDetails']> = {};
    if (live.state !== 'upcoming' && live.actualStartTime) details.actualStartTime = live.actualStartTime;
    if (live.state === 'completed' && live.actualEndTime) details.actualEndTime = live.actualEndTime;
    if (live.scheduledStartTime) details.scheduledStartTime = live.scheduledStartTime;
    if (live.state === 'live') details.concurrentViewers = String(live.concurrentViewers ?? 37);
    if (live.state !== 'completed') details.activeLiveChatId = liveChatId(input.id);
    resource.liveStreamingDetails = details;
  }
  return { video: { resource, visibility: input.visibility ?? 'public' }, files };
}

export interface ChannelInput {
  id: string;
  title: string;
  description: string;
  /** With `@`, e.g. `@prokopimtapsel`. */
  customUrl: string;
  publishedAt: string;
  videoCount?: number;
}

/** A `youtube#channel` resource (snippet, contentDetails, statistics) and its avatar files. */
export function buildChannel(origin: string, input: ChannelInput): { channel: YouTubeChannel; files: Record<string, FakeFile> } {
  const files: Record<string, FakeFile> = {};
  const thumbnails: YouTubeThumbnails = {};
  for (const [key, size] of [['default', 88], ['medium', 240], ['high', 800]] as const) {
    const path = `/cdn/ytc/${input.id}/photo_${size}x${size}.jpg`;
    thumbnails[key] = { url: `${origin}${path}`, width: size, height: size };
    files[path] = { image: { seed: `youtube-channel/${input.id}`, width: size, height: size } };
  }
  const channel: YouTubeChannel = {
    kind: 'youtube#channel',
    id: input.id,
    snippet: {
      title: input.title,
      description: input.description,
      customUrl: input.customUrl,
      publishedAt: input.publishedAt,
      thumbnails,
      localized: { title: input.title, description: input.description },
      country: 'ID',
    },
    contentDetails: { relatedPlaylists: { likes: '', uploads: `UU${input.id.slice(2)}` } },
    statistics: { viewCount: '184233', subscriberCount: '4210', hiddenSubscriberCount: false, videoCount: String(input.videoCount ?? 0) },
  };
  return { channel, files };
}

// ── Page tokens (the real format: base64 of a small protobuf holding `PT:<base64 varint offset>`) ─

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return bytes;
}

/** `EAAaBlBUOkNESQ` is the real token of offset 50 going forward; `EAEa...` goes backward. */
export function encodePageToken(offset: number, backward = false): string {
  const inner = `PT:${Buffer.from([0x08, ...varint(offset)]).toString('base64').replace(/=+$/, '')}`;
  return Buffer.concat([Buffer.from([0x10, backward ? 1 : 0, 0x1a, inner.length]), Buffer.from(inner, 'latin1')])
    .toString('base64')
    .replace(/=+$/, '');
}

export function decodePageToken(token: string): { offset: number; backward: boolean } | undefined {
  try {
    const bytes = Buffer.from(token, 'base64');
    if (bytes.length < 5 || bytes[0] !== 0x10 || (bytes[1] !== 0 && bytes[1] !== 1) || bytes[2] !== 0x1a) return undefined;
    const inner = bytes.subarray(4, 4 + (bytes[3] ?? 0)).toString('latin1');
    if (!inner.startsWith('PT:')) return undefined;
    const number = Buffer.from(inner.slice(3), 'base64');
    if (number[0] !== 0x08) return undefined;
    let offset = 0;
    let scale = 1;
    for (const byte of number.subarray(1)) {
      offset += (byte & 0x7f) * scale;
      scale *= 128;
      if (!(byte & 0x80)) break;
    }
    if (encodePageToken(offset, bytes[1] === 1) !== token.replace(/=+$/, '')) return undefined;
    return { offset, backward: bytes[1] === 1 };
  } catch {
    return undefined;
  }
}

// ── Routes ────────────────────────────────────────────────────────────────────────────────────────

const SYSTEM_PARAMETERS = ['key', 'part', 'alt', 'fields', 'prettyPrint', 'quotaUser', 'userIp', 'callback', 'access_token', 'oauth_token', 'upload_protocol', 'uploadType', '$.xgafv'];

const ROUTES = {
  channels: {
    parts: ['auditDetails', 'brandingSettings', 'contentDetails', 'contentOwnerDetails', 'id', 'localizations', 'snippet', 'statistics', 'status', 'topicDetails'],
    parameters: ['id', 'forHandle', 'forUsername', 'mine', 'managedByMe', 'categoryId', 'mySubscribers', 'hl', 'maxResults', 'pageToken', 'onBehalfOfContentOwner'],
  },
  playlistItems: {
    parts: ['contentDetails', 'id', 'snippet', 'status'],
    parameters: ['playlistId', 'id', 'maxResults', 'pageToken', 'videoId', 'onBehalfOfContentOwner'],
  },
  videos: {
    parts: ['contentDetails', 'fileDetails', 'id', 'liveStreamingDetails', 'localizations', 'paidProductPlacementDetails', 'player', 'processingDetails', 'recordingDetails', 'snippet', 'statistics', 'status', 'suggestions', 'topicDetails'],
    parameters: ['id', 'chart', 'myRating', 'hl', 'maxHeight', 'maxWidth', 'maxResults', 'pageToken', 'regionCode', 'videoCategoryId', 'onBehalfOfContentOwner', 'locale'],
  },
} as const;

export type YouTubeRoute = keyof typeof ROUTES;

const fromError = (error: ErrorReply): Reply => youtubeReply(error.status, error.body);

/** Key and `part` checks shared by the three routes; returns the parts or an error reply. */
function checkCommon(route: YouTubeRoute, ctx: HandlerContext): string[] | Reply {
  const { query } = ctx;
  const known: readonly string[] = [...SYSTEM_PARAMETERS, ...ROUTES[route].parameters];
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) ctx.flag(`unknown parameter "${name}" for ${route}.list`);
  }
  if (query.fields !== undefined) ctx.flag('the fake does not implement partial responses (fields=)');
  if (query.alt !== undefined && query.alt !== 'json') ctx.flag(`alt=${query.alt}`);
  if (query.key === undefined || query.key === '') {
    ctx.flag('no API key (key=) sent');
    return fromError(youtubeKeyInvalid());
  }
  if (query.key !== ctx.data.youtube.apiKey) return fromError(youtubeKeyInvalid());
  if (query.part === undefined || query.part === '') {
    ctx.flag('missing part');
    return fromError(youtubeError(400, { message: 'Required parameter: part', domain: 'global', reason: 'required', location: 'part', locationType: 'parameter' }, 'INVALID_ARGUMENT'));
  }
  const parts = query.part.split(',').map((part) => part.trim());
  const allowed: readonly string[] = ROUTES[route].parts;
  const unknown = parts.find((part) => !allowed.includes(part));
  if (unknown !== undefined) {
    ctx.flag(`unknown part "${unknown}"`);
    return fromError(youtubeError(400, { message: `'${unknown}'`, domain: 'youtube.part', reason: 'unknownPart', location: 'part', locationType: 'parameter' }, 'INVALID_ARGUMENT'));
  }
  return parts;
}

/** Keeps `kind`, `etag`, `id` and the requested parts; the etag follows the content. */
function withParts<T extends { kind: string; id: string }>(resource: T, parts: string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { kind: resource.kind, etag: '', id: resource.id };
  for (const part of parts) {
    const value = (resource as Record<string, unknown>)[part];
    if (part !== 'id' && value !== undefined) item[part] = value;
  }
  item.etag = etagOf(item);
  return item;
}

/** The video as the API shows it now: localized and privacyStatus follow the data. */
function normalisedVideo(video: FakeVideo): YouTubeVideo {
  const resource = structuredClone(video.resource);
  resource.snippet.localized = { title: resource.snippet.title, description: resource.snippet.description };
  if (video.visibility === 'public' || video.visibility === 'unlisted') resource.status.privacyStatus = video.visibility;
  delete resource.etag;
  return resource;
}

function listResponse(kind: string, items: Record<string, unknown>[], pageInfo: { totalResults: number; resultsPerPage: number }, tokens: { nextPageToken?: string; prevPageToken?: string } = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { kind, etag: '' };
  if (tokens.nextPageToken) body.nextPageToken = tokens.nextPageToken;
  if (tokens.prevPageToken) body.prevPageToken = tokens.prevPageToken;
  if (items.length > 0 || kind !== 'youtube#channelListResponse') body.items = items;
  body.pageInfo = pageInfo;
  body.etag = etagOf(body);
  return body;
}

export function handleYouTube(route: YouTubeRoute, ctx: HandlerContext): Reply {
  const parts = checkCommon(route, ctx);
  if (!Array.isArray(parts)) return parts;
  if (route === 'channels') return channelsList(parts, ctx);
  if (route === 'playlistItems') return playlistItemsList(parts, ctx);
  return videosList(parts, ctx);
}

function channelsList(parts: string[], ctx: HandlerContext): Reply {
  const { query } = ctx;
  const channel = ctx.data.youtube.channel;
  if (!parts.includes('contentDetails')) ctx.flag('channels.list without part contentDetails');
  let matches: boolean;
  if (query.id !== undefined) {
    matches = query.id.split(',').includes(channel.id);
  } else if (query.forHandle !== undefined) {
    const handle = (value: string) => value.replace(/^@/, '').toLowerCase();
    matches = handle(query.forHandle) === handle(channel.snippet.customUrl);
  } else if (query.forUsername !== undefined) {
    matches = false;
  } else {
    ctx.flag('channels.list without a filter (id, forHandle)');
    return fromError(parameterError('No filter selected. Expected one of: forUsername, managedByMe, categoryId, mine, mySubscribers, id, idParam, forHandle', 'missingRequiredParameter', 'parameters.'));
  }
  const items = matches ? [withParts(normalisedChannel(channel), parts)] : [];
  return youtubeReply(200, listResponse('youtube#channelListResponse', items, { totalResults: items.length, resultsPerPage: 5 }));
}

function normalisedChannel(channel: YouTubeChannel): YouTubeChannel {
  const resource = structuredClone(channel);
  resource.snippet.localized = { title: resource.snippet.title, description: resource.snippet.description };
  delete resource.etag;
  return resource;
}

/** The placeholder item YouTube lists for a private or deleted video. */
function playlistItem(video: FakeVideo, position: number, playlistId: string, channel: YouTubeChannel): { kind: string; id: string } & Record<string, unknown> {
  const resource = video.resource;
  const videoId = resource.id;
  const base = {
    kind: 'youtube#playlistItem',
    id: Buffer.from(`${playlistId}.${videoId}`).toString('base64'),
  };
  const addedAt = video.addedAt ?? resource.snippet.publishedAt;
  const common = {
    publishedAt: addedAt,
    channelId: channel.id,
  };
  const tail = {
    channelTitle: channel.snippet.title,
    playlistId,
    position,
    resourceId: { kind: 'youtube#video', videoId },
  };
  if (video.visibility === 'private' || video.visibility === 'deleted') {
    const isPrivate = video.visibility === 'private';
    return {
      ...base,
      snippet: {
        ...common,
        title: isPrivate ? 'Private video' : 'Deleted video',
        description: isPrivate ? 'This video is private.' : 'This video is unavailable.',
        thumbnails: {},
        ...tail,
      },
      contentDetails: { videoId },
      status: { privacyStatus: isPrivate ? 'private' : 'privacyStatusUnspecified' },
    };
  }
  const now = normalisedVideo(video);
  return {
    ...base,
    snippet: {
      ...common,
      title: now.snippet.title,
      description: now.snippet.description,
      thumbnails: now.snippet.thumbnails,
      ...tail,
      videoOwnerChannelTitle: now.snippet.channelTitle,
      videoOwnerChannelId: now.snippet.channelId,
    },
    contentDetails: { videoId, videoPublishedAt: now.snippet.publishedAt },
    status: { privacyStatus: now.status.privacyStatus },
  };
}

function playlistItemsList(parts: string[], ctx: HandlerContext): Reply {
  const { query } = ctx;
  const { channel, videos } = ctx.data.youtube;
  if (query.playlistId === undefined) {
    ctx.flag('playlistItems.list without playlistId');
    return fromError(parameterError('No filter selected. Expected one of: playlistId, id', 'missingRequiredParameter', 'parameters.'));
  }
  let requested = 5; // the API's default maxResults
  if (query.maxResults !== undefined) {
    const value = Number(query.maxResults);
    if (!/^\d+$/.test(query.maxResults) || value > 50) {
      ctx.flag(`maxResults=${query.maxResults}`);
      const message = `Invalid value '${query.maxResults}'. Values must be within the range: [0, 50]`;
      return fromError(youtubeError(400, { message, domain: 'global', reason: 'invalidParameter', location: 'maxResults', locationType: 'parameter' }, 'INVALID_ARGUMENT'));
    }
    requested = value;
  }
  const playlistId = channel.contentDetails.relatedPlaylists.uploads;
  if (query.playlistId !== playlistId) {
    return fromError(
      youtubeError(404, {
        message: "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
        domain: 'youtube.playlistItem',
        reason: 'playlistNotFound',
        location: 'playlistId',
        locationType: 'parameter',
      }, 'NOT_FOUND'),
    );
  }
  const size = Math.min(requested, ctx.options.pageSize?.youtube ?? 50);
  let start = 0;
  if (query.pageToken !== undefined && query.pageToken !== '') {
    const token = decodePageToken(query.pageToken);
    if (!token) {
      ctx.flag(`pageToken "${query.pageToken}" was never issued`);
      return fromError(parameterError('The request specifies an invalid page token.', 'invalidPageToken', 'pageToken'));
    }
    start = token.backward ? Math.max(0, token.offset - size) : token.offset;
  }
  const page = videos.slice(start, start + size);
  const items = page.map((video, index) => withParts(playlistItem(video, start + index, playlistId, channel), parts));
  const end = start + page.length;
  const tokens = {
    nextPageToken: size > 0 && end < videos.length ? encodePageToken(end) : undefined,
    prevPageToken: start > 0 ? encodePageToken(start, true) : undefined,
  };
  return youtubeReply(200, listResponse('youtube#playlistItemListResponse', items, { totalResults: videos.length, resultsPerPage: size }, tokens));
}

function videosList(parts: string[], ctx: HandlerContext): Reply {
  const { query } = ctx;
  if (query.id === undefined) {
    ctx.flag(query.chart || query.myRating ? 'videos.list by chart/myRating' : 'videos.list without id');
    if (!query.chart && !query.myRating) {
      return fromError(parameterError('No filter selected. Expected one of: chart, id, myRating', 'missingRequiredParameter', 'parameters.'));
    }
    return youtubeReply(200, listResponse('youtube#videoListResponse', [], { totalResults: 0, resultsPerPage: 5 }));
  }
  const ids = query.id.split(',').filter((id) => id !== '');
  if (ids.length > 50) {
    ctx.flag(`videos.list with ${ids.length} ids (at most 50)`);
    return fromError(parameterError('The request specifies an invalid filter parameter.', 'invalidFilters', 'id'));
  }
  if (query.maxResults !== undefined) ctx.flag('videos.list with id and maxResults');
  const byId = new Map(ctx.data.youtube.videos.map((video) => [video.resource.id, video]));
  const items: Record<string, unknown>[] = [];
  for (const id of new Set(ids)) {
    const video = byId.get(id);
    if (!video || (video.visibility !== 'public' && video.visibility !== 'unlisted')) continue;
    items.push(withParts(normalisedVideo(video), parts));
  }
  return youtubeReply(200, listResponse('youtube#videoListResponse', items, { totalResults: items.length, resultsPerPage: items.length }));
}
