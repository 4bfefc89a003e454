/**
 * THE FIXTURE ARCHIVE: the sample posts of `scripts/sample/posts.ts` as the real APIs would return them,
 * so that the sync, run against the fake server, produces the sample archive.
 *
 *   fixtureData(origin)            the state NOW (at the sample's last sync, LAST_SYNC_AT)
 *   fixtureHistory(origin)         an EARLIER state: edited posts at their first version, removed posts
 *                                  still public; sync this, then fixtureData, to get edits and removals
 *   fixtureDataAt(origin, instant) the state at any instant, for an exact replay of the sample's history
 *   fixtureTimeline()              the instants at which the sample's (pretend) syncs ran
 *   hostileItems(origin)           raw items to add for robustness tests
 *
 * Pictures are the sample generator's artwork with the same seeds (`youtube/<id>/poster.jpg`,
 * `instagram/<id>/<n>.jpg`, `instagram/<id>/poster.jpg`), at the sizes the real APIs serve.
 */
import { seededRandom } from '#scripts/sample/artwork.ts';
import { LAST_SYNC_AT, SAMPLE_POSTS, type SamplePost } from '#scripts/sample/posts.ts';
import { buildMedia, graphTimestamp, instagramCdnUrl, numericId } from './instagram.ts';
import type { FakeData, FakeFile, FakeVideo, InstagramMedia } from './types.ts';
import { buildChannel, buildVideo } from './youtube.ts';

export { LAST_SYNC_AT, SAMPLE_POSTS };

export const CHANNEL_ID = 'UCq3Tapsel0Prokopim00000';
export const UPLOADS_PLAYLIST_ID = 'UUq3Tapsel0Prokopim00000';
export const CHANNEL_HANDLE = '@prokopimtapsel';
export const CHANNEL_TITLE = 'Prokopim Tapanuli Selatan';
export const INSTAGRAM_USER_ID = '17841400000000001';
export const INSTAGRAM_USERNAME = 'prokopim.tapsel';

/** 39 characters starting `AIza`, like a real key (not one). */
export const FIXTURE_API_KEY = 'AIzaSyFAKE-warta-test-key-0000000000000';
export const FIXTURE_ACCESS_TOKEN = 'IGAAFakeWartaAccessToken0000000000000000000000000000000000000000';
/** Listed in `expiredTokens`: answered with "Session has expired" (code 190, subcode 463). */
export const FIXTURE_EXPIRED_TOKEN = 'IGAAFakeWartaExpiredToken000000000000000000000000000000000000000';
/** What refresh_access_token returns. */
export const FIXTURE_REFRESHED_TOKEN = 'IGAAFakeWartaRefreshedToken0000000000000000000000000000000000000';

/** The reel the API gives without `media_url` (copyrighted audio): the client must use `thumbnail_url`. */
export const REEL_WITHOUT_MEDIA_URL = '18537365681749624';
/** The sample's pending-media post: its `media_url` answers 404 on the fake CDN. */
export const MEDIA_404_POST = '18551550003783267';

/** When the sample's sync first saw a post; the same formula as `firstSeenAt` in scripts/sample/generate.ts. */
export function sampleFirstSeenAt(post: SamplePost): string {
  const random = seededRandom(`first-seen:${post.platform}/${post.id}`);
  const delaySeconds = 180 + Math.floor(random() * 8_820);
  return new Date(Date.parse(post.publishedAt) + delaySeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface BuildMode {
  /** The instant (ms); posts appear from their firstSeenAt on, edits and removals apply from their instants. */
  at: number;
  /** Edited posts at their FIRST version and removals ignored, whatever `at` says. */
  earliest?: boolean;
}

/** The title/text a post showed at `at` (earlier[i] was replaced at earlier[i].replacedAt). */
function versionAt(post: SamplePost, mode: BuildMode): { title?: string; text: string } {
  const earlier = post.earlier ?? [];
  const current = post.platform === 'youtube' ? post.title : undefined;
  for (const edit of earlier) {
    if (mode.earliest || mode.at < Date.parse(edit.replacedAt)) return { title: edit.title ?? current, text: edit.text };
  }
  return { title: current, text: post.text };
}

function liveAt(post: SamplePost, at: number) {
  if (post.platform !== 'youtube' || !post.live) return undefined;
  const live = post.live;
  const started = live.actualStartAt !== undefined && at >= Date.parse(live.actualStartAt);
  const ended = live.actualEndAt !== undefined && at >= Date.parse(live.actualEndAt);
  let state: 'upcoming' | 'live' | 'completed' = 'live';
  if (live.status === 'upcoming' || !started) state = 'upcoming';
  else if (ended || (live.status === 'completed' && live.actualEndAt === undefined)) state = 'completed';
  return {
    state,
    scheduledStartTime: live.scheduledStartAt,
    actualStartTime: live.actualStartAt,
    actualEndTime: live.actualEndAt,
  };
}

function build(origin: string, mode: BuildMode): FakeData {
  const files: Record<string, FakeFile> = {};
  const videos: FakeVideo[] = [];
  const media: InstagramMedia[] = [];
  const newestFirst = [...SAMPLE_POSTS].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  for (const post of newestFirst) {
    if (mode.at < Date.parse(sampleFirstSeenAt(post))) continue;
    const removed = !mode.earliest && post.removed !== undefined && mode.at >= Date.parse(post.removed.at) ? post.removed : undefined;
    const version = versionAt(post, mode);
    if (post.platform === 'youtube') {
      const built = buildVideo(origin, {
        id: post.id,
        title: version.title ?? post.title,
        description: version.text,
        publishedAt: post.publishedAt,
        durationSeconds: post.durationSeconds,
        channelId: CHANNEL_ID,
        channelTitle: CHANNEL_TITLE,
        vertical: post.kind === 'short',
        live: liveAt(post, mode.at),
      });
      if (removed) built.video.visibility = removed.reason === 'private' ? 'private' : 'deleted';
      videos.push(built.video);
      Object.assign(files, built.files);
    } else {
      // Instagram lists neither deleted nor archived (private) posts: a removed post is simply gone.
      if (removed) continue;
      const built = buildMedia(origin, {
        id: post.id,
        shortcode: post.shortcode,
        kind: post.kind,
        publishedAt: post.publishedAt,
        caption: version.text,
        username: INSTAGRAM_USERNAME,
        portrait: post.portrait,
        alts: post.images,
        posters: post.posters,
        withoutMediaUrl: post.id === REEL_WITHOUT_MEDIA_URL,
        filesMissing: post.pending !== undefined,
      });
      media.push(built.media);
      Object.assign(files, built.files);
    }
  }
  const channel = buildChannel(origin, {
    id: CHANNEL_ID,
    title: CHANNEL_TITLE,
    description:
      'Kanal resmi Bagian Protokol dan Komunikasi Pimpinan (Prokopim) Sekretariat Daerah Kabupaten Tapanuli Selatan: kegiatan Bupati dan Wakil Bupati, pengumuman, dan siaran langsung Pemkab Tapsel.',
    customUrl: CHANNEL_HANDLE,
    publishedAt: '2019-03-11T02:14:37Z',
    videoCount: videos.filter((video) => video.visibility === 'public').length,
  });
  Object.assign(files, channel.files);
  return {
    youtube: { apiKey: FIXTURE_API_KEY, channel: channel.channel, videos },
    instagram: {
      accessToken: FIXTURE_ACCESS_TOKEN,
      expiredTokens: [FIXTURE_EXPIRED_TOKEN],
      refreshedToken: FIXTURE_REFRESHED_TOKEN,
      userId: INSTAGRAM_USER_ID,
      username: INSTAGRAM_USERNAME,
      media,
    },
    files,
  };
}

/** The fixture archive as the APIs show it now (at the sample's last sync). */
export function fixtureData(origin: string): FakeData {
  return build(origin, { at: Date.parse(LAST_SYNC_AT) });
}

/**
 * An earlier state of the same archive: every post of fixtureData, but edited posts show their FIRST
 * version (title and text) and removed posts are still public. Syncing this and then fixtureData gives
 * each edited post one earlier version (the sample's vVt9l7dL9vJ has two: replay fixtureTimeline for
 * both) and marks jg9ZdUB2WSz (deleted placeholder) and 18647137189999548 (gone from IG) removed.
 */
export function fixtureHistory(origin: string): FakeData {
  return build(origin, { at: Date.parse(LAST_SYNC_AT), earliest: true });
}

/**
 * The APIs' state at `instant`, as the sample's (pretend) syncs saw it: a post appears at the sample's
 * firstSeenAt (not publishedAt: that is the delay before the sync noticed it), edits apply from their
 * `replacedAt`, removals from `removed.at`, and the finished broadcast is upcoming/live/completed by its
 * actual start and end times.
 */
export function fixtureDataAt(origin: string, instant: string): FakeData {
  return build(origin, { at: Date.parse(instant) });
}

export interface TimelineEntry {
  /** ISO 8601 instant of a sync run. */
  at: string;
  /** What that run sees for the first time. */
  events: string[];
}

/**
 * The sync runs that reproduce the sample's provenance exactly: run the sync with its clock at `at`
 * against fixtureDataAt(origin, at), for each entry in order. Gives every post's firstSeenAt, each
 * edit's replacedAt, each removal's lastSeenAt and removed.at, and lastSeenAt = LAST_SYNC_AT elsewhere.
 */
export function fixtureTimeline(): TimelineEntry[] {
  const events = new Map<string, string[]>();
  const add = (at: string, event: string) => events.set(at, [...(events.get(at) ?? []), event]);
  for (const post of SAMPLE_POSTS) {
    const key = `${post.platform}/${post.id}`;
    add(sampleFirstSeenAt(post), `new ${key}`);
    for (const edit of post.earlier ?? []) add(edit.replacedAt, `edited ${key}`);
    if (post.lastSeenAt) add(post.lastSeenAt, `last seen ${key}`);
    if (post.removed) add(post.removed.at, `${post.removed.reason} ${key}`);
  }
  add(LAST_SYNC_AT, 'last sync');
  return [...events].sort(([a], [b]) => Date.parse(a) - Date.parse(b)).map(([at, list]) => ({ at, events: list }));
}

// ── New posts for tests ───────────────────────────────────────────────────────────────────────────

/**
 * A new public video of the fixture channel (put it first: `data.youtube.videos.unshift(...)`).
 * Its thumbnails are served automatically. Defaults: a 5-minute video published just after LAST_SYNC_AT.
 */
export function newVideo(
  origin: string,
  input: { id: string; title?: string; description?: string; publishedAt?: string; durationSeconds?: number; short?: boolean },
): FakeVideo {
  return buildVideo(origin, {
    id: input.id,
    title: input.title ?? (input.short ? 'Video baru #Shorts' : 'Video baru Pemkab Tapanuli Selatan'),
    description: input.description ?? 'Deskripsi video baru. #Tapsel',
    publishedAt: input.publishedAt ?? '2026-11-27T02:00:00Z',
    durationSeconds: input.durationSeconds ?? (input.short ? 30 : 300),
    channelId: CHANNEL_ID,
    channelTitle: CHANNEL_TITLE,
    vertical: input.short,
  }).video;
}

/**
 * A new IG Media object of the fixture account (put it first: `data.instagram.media.unshift(...)`).
 * Its pictures are served automatically. Defaults: a single image published just after LAST_SYNC_AT.
 */
export function newMedia(
  origin: string,
  input: { id: string; shortcode?: string; kind?: 'image' | 'reel' | 'carousel'; caption?: string; publishedAt?: string; childCount?: number },
): InstagramMedia {
  return buildMedia(origin, {
    id: input.id,
    shortcode: input.shortcode ?? `N${numericId(input.id, '').replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!).slice(0, 10)}`,
    kind: input.kind ?? 'image',
    publishedAt: input.publishedAt ?? '2026-11-27T03:00:00Z',
    caption: input.caption ?? 'Unggahan baru Pemkab Tapanuli Selatan. #Tapsel',
    username: INSTAGRAM_USERNAME,
    childCount: input.childCount,
  }).media;
}

// ── Hostile items ─────────────────────────────────────────────────────────────────────────────────

export interface HostileItems {
  /** Raw IG Media objects, newer than every fixture: `data.instagram.media.unshift(item)`. */
  instagram: {
    /** id `../../x` (a path traversal if used as a folder name). */
    dotDotId: InstagramMedia;
    /** A 40-digit id (numeric, but longer than any real one). */
    tooLongId: InstagramMedia;
    /** Exactly 2,200 characters, Instagram's limit. */
    longCaption: InstagramMedia;
    /** HTML, a script and a javascript: link in the caption. */
    htmlCaption: InstagramMedia;
    /** timestamp `2026-02-30T25:00:00+0000`. */
    impossibleTimestamp: InstagramMedia;
    /** No `media_type` at all. */
    missingMediaType: InstagramMedia;
    /** media_type `STORY_AUDIO` (a value the client does not know). */
    unknownMediaType: InstagramMedia;
    /** media_url `file:///etc/passwd`. */
    fileMediaUrl: InstagramMedia;
    /** A carousel whose second child is a VIDEO (media_url .mp4, thumbnail_url .jpg). */
    carouselWithVideoChild: InstagramMedia;
  };
  /** Raw videos, newer than every fixture: `data.youtube.videos.unshift(video)`. */
  youtube: {
    /** id `<script>` (listed in playlistItems and returned by videos.list). */
    scriptId: FakeVideo;
    /** HTML and a script in title and description. */
    htmlTitle: FakeVideo;
    /** contentDetails.duration `PT-5M?` (not ISO 8601). */
    badDuration: FakeVideo;
    /** Public, but `thumbnails: {}`. */
    noThumbnails: FakeVideo;
    /** 45 s, vertical, but no #shorts tag: a video, not a short. */
    shortWithoutTag: FakeVideo;
    /** 10 min with #shorts in the title: a video, not a short. */
    longWithShortsTag: FakeVideo;
  };
  /** Their CDN files (also served without this, since the data references them). */
  files: Record<string, FakeFile>;
}

export function hostileItems(origin: string): HostileItems {
  const files: Record<string, FakeFile> = {};
  let minute = 0;
  /** Times after LAST_SYNC_AT, one minute apart, so the items are newer than every fixture. */
  const nextTime = () => new Date(Date.parse('2026-11-27T01:00:00Z') + (minute++) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const media = (id: string, shortcode: string, caption: string, kind: 'image' | 'carousel' | 'reel' = 'image') => {
    const built = buildMedia(origin, { id, shortcode, kind, publishedAt: nextTime(), caption, username: INSTAGRAM_USERNAME, alts: kind === 'carousel' ? ['a', 'b'] : ['a'] });
    Object.assign(files, built.files);
    return built.media;
  };

  const longBase = 'Pengumuman panjang Pemkab Tapanuli Selatan tentang jadwal pelayanan keliling di setiap kecamatan. ';
  const longEnd = '\n\n#Tapsel #TapselMaju';
  const longCaption = (longBase.repeat(Math.ceil(2200 / longBase.length)).slice(0, 2200 - longEnd.length) + longEnd).slice(0, 2200);

  const impossible = media('18999000000000003', 'HoStIlE0003', 'Tanggal yang tidak ada. #Tapsel');
  impossible.timestamp = '2026-02-30T25:00:00+0000';
  const missingType = media('18999000000000004', 'HoStIlE0004', 'Tanpa media_type. #Tapsel');
  delete missingType.media_type;
  const unknownType = media('18999000000000005', 'HoStIlE0005', 'Jenis media tak dikenal. #Tapsel');
  unknownType.media_type = 'STORY_AUDIO';
  const fileUrl = media('18999000000000006', 'HoStIlE0006', 'Alamat media bukan http. #Tapsel');
  fileUrl.media_url = 'file:///etc/passwd';
  const withVideo = media('18999000000000007', 'HoStIlE0007', 'Album dengan video. #Tapsel', 'carousel');
  const videoChildId = numericId('18999000000000007/child/video');
  const videoUrl = instagramCdnUrl(origin, videoChildId, `${videoChildId}_720x720.mp4`, 640, 640, 'mp4');
  const posterUrl = instagramCdnUrl(origin, videoChildId, `${videoChildId}_poster_640x640_n.jpg`, 640, 640);
  files[posterUrl.path] = { image: { seed: `hostile/${videoChildId}`, width: 640, height: 640 } };
  withVideo.children!.data[1] = { id: videoChildId, media_type: 'VIDEO', media_url: videoUrl.url, thumbnail_url: posterUrl.url, timestamp: withVideo.timestamp, username: INSTAGRAM_USERNAME };

  const instagram: HostileItems['instagram'] = {
    dotDotId: media('../../x', 'HoStIlE0001', 'Id yang berbahaya. #Tapsel'),
    tooLongId: media('1'.repeat(40), 'HoStIlE0002', 'Id yang terlalu panjang. #Tapsel'),
    longCaption: media('18999000000000008', 'HoStIlE0008', longCaption),
    htmlCaption: media(
      '18999000000000009',
      'HoStIlE0009',
      'Awas <script>alert("xss")</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">klik di sini</a> &amp; &lt;b&gt;tebal&lt;/b&gt; </textarea><!--\n\n#Tapsel',
    ),
    impossibleTimestamp: impossible,
    missingMediaType: missingType,
    unknownMediaType: unknownType,
    fileMediaUrl: fileUrl,
    carouselWithVideoChild: withVideo,
  };

  const video = (id: string, title: string, description: string, durationSeconds: number, vertical = false) => {
    const built = buildVideo(origin, { id, title, description, publishedAt: nextTime(), durationSeconds, channelId: CHANNEL_ID, channelTitle: CHANNEL_TITLE, vertical });
    Object.assign(files, built.files);
    return built.video;
  };
  const badDuration = video('hostileDur0', 'Durasi yang rusak', 'Durasi tidak sah. #Tapsel', 300);
  badDuration.resource.contentDetails.duration = 'PT-5M?';
  const noThumbnails = video('noThumbs000', 'Video tanpa gambar mini', 'Tanpa thumbnails. #Tapsel', 240);
  noThumbnails.resource.snippet.thumbnails = {};
  const youtube: HostileItems['youtube'] = {
    scriptId: video('<script>', 'Video dengan id berbahaya', 'Id berisi markup. #Tapsel', 120),
    htmlTitle: video(
      'hostileHtml',
      '<img src=x onerror=alert(1)> Rapat <b>penting</b> </title><script>alert(1)</script>',
      '<script>alert("xss")</script>\n<a href="javascript:alert(1)">klik</a> https://tapselkab.go.id\n\n#Tapsel',
      200,
    ),
    badDuration,
    noThumbnails,
    shortWithoutTag: video('shortNoTag0', 'Cuplikan tegak tanpa tanda', 'Video tegak 45 detik. #Tapsel', 45, true),
    longWithShortsTag: video('longShorts0', 'Rekaman rapat lengkap #Shorts', 'Video 10 menit yang salah diberi tanda. #Shorts #Tapsel', 600),
  };
  return { instagram, youtube, files };
}

/** For tests that want a timestamp in the Graph API's format. */
export { graphTimestamp };
