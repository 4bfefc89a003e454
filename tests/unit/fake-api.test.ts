/**
 * Self-test of the fake YouTube / Instagram API server (scripts/fake-api) that the sync's integration tests
 * run against: every route, paging, field filtering, placeholders, scripted failures, recording.
 */
import { DEFAULT_INSTAGRAM_API_VERSION } from '#sync/config.ts';
import { youtube as youtubeClient } from 'googleapis/build/src/apis/youtube/index.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNEL_ID,
  FIXTURE_ACCESS_TOKEN,
  FIXTURE_API_KEY,
  FIXTURE_EXPIRED_TOKEN,
  FIXTURE_REFRESHED_TOKEN,
  INSTAGRAM_USER_ID,
  MEDIA_404_POST,
  REEL_WITHOUT_MEDIA_URL,
  SAMPLE_POSTS,
  UPLOADS_PLAYLIST_ID,
  fixtureData,
  fixtureDataAt,
  fixtureHistory,
  fixtureTimeline,
  hostileItems,
  newMedia,
  newVideo,
} from '#fake-api/fixtures.ts';
import {
  instagramRateLimited,
  startFakeApi,
  youtubeQuotaExceeded,
  type FakeApi,
  type InstagramMedia,
} from '#fake-api/server.ts';

const IG_FIELDS = 'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,username,children{id,media_type,media_url,thumbnail_url}';
const YT_PARTS = 'snippet,contentDetails,status';

type Json = Record<string, any>;

let fake: FakeApi;

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const yt = (path: string) => `${fake.youtubeRoot}youtube/v3/${path}${path.includes('?') ? '&' : '?'}key=${FIXTURE_API_KEY}`;
const ig = (path: string, token = FIXTURE_ACCESS_TOKEN) => `${fake.instagramRoot}/${DEFAULT_INSTAGRAM_API_VERSION}/${path}${path.includes('?') ? '&' : '?'}access_token=${token}`;

/** All items of the uploads playlist, following nextPageToken. */
async function allPlaylistItems(maxResults = 50): Promise<{ items: Json[]; pages: number }> {
  const items: Json[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const { status, body } = await getJson(yt(`playlistItems?part=${YT_PARTS}&playlistId=${UPLOADS_PLAYLIST_ID}&maxResults=${maxResults}${token ? `&pageToken=${token}` : ''}`));
    expect(status).toBe(200);
    items.push(...body.items);
    token = body.nextPageToken;
    pages += 1;
  } while (token);
  return { items, pages };
}

const youtubeSamples = SAMPLE_POSTS.filter((post) => post.platform === 'youtube');
const instagramSamples = SAMPLE_POSTS.filter((post) => post.platform === 'instagram');

beforeAll(async () => {
  fake = await startFakeApi(fixtureData, { pageSize: { youtube: 8, instagram: 10 } });
});
afterAll(async () => {
  await fake?.close();
});

describe('fixtures', () => {
  it('map every sample post, newest first, with the removed Instagram post gone and the deleted video a placeholder', () => {
    const data = fixtureData('http://127.0.0.1:1');
    expect(data.youtube.videos).toHaveLength(youtubeSamples.length);
    expect(data.instagram.media).toHaveLength(instagramSamples.length - 1);
    expect(data.youtube.videos.find((video) => video.resource.id === 'jg9ZdUB2WSz')?.visibility).toBe('deleted');
    const times = data.instagram.media.map((media) => media.timestamp!);
    expect([...times].sort().reverse()).toEqual(times);
    expect(data.instagram.media.find((media) => media.id === REEL_WITHOUT_MEDIA_URL)?.media_url).toBeUndefined();
  });

  it('give the earlier state for edits and removals', () => {
    const history = fixtureHistory('http://127.0.0.1:1');
    expect(history.youtube.videos.find((video) => video.resource.id === 'vVt9l7dL9vJ')?.resource.snippet.title).toMatch(/^Musrembang/);
    expect(history.youtube.videos.find((video) => video.resource.id === 'jg9ZdUB2WSz')?.visibility).toBe('public');
    expect(history.instagram.media.find((media) => media.id === '18100840309117409')?.caption).toContain('6–16 Januari 2026');
    expect(history.instagram.media.some((media) => media.id === '18647137189999548')).toBe(true);
    // Between the two Musrenbang edits: title fixed, day still wrong.
    const between = fixtureDataAt('http://127.0.0.1:1', '2026-01-14T08:00:00Z').youtube.videos.find((video) => video.resource.id === 'vVt9l7dL9vJ')!;
    expect(between.resource.snippet.title).toMatch(/^Musrenbang/);
    expect(between.resource.snippet.description).toContain('Selasa (13/1/2026)');
    // The finished broadcast was upcoming before it started.
    const live = fixtureDataAt('http://127.0.0.1:1', '2025-12-05T06:59:00Z').youtube.videos.find((video) => video.resource.id === 'PuH2WVXEkFf');
    expect(live?.resource.snippet.liveBroadcastContent).toBe('upcoming');
    const timeline = fixtureTimeline();
    expect(timeline.at(-1)?.at).toBe('2026-11-26T23:00:00Z');
    expect(timeline.flatMap((entry) => entry.events).filter((event) => event.startsWith('new '))).toHaveLength(SAMPLE_POSTS.length);
  });
});

describe('YouTube', () => {
  it('channels.list finds the channel by id or handle, and answers an unknown id with no items', async () => {
    const { status, body } = await getJson(yt(`channels?part=contentDetails,snippet&id=${CHANNEL_ID}`));
    expect(status).toBe(200);
    expect(body.kind).toBe('youtube#channelListResponse');
    expect(body.items[0].contentDetails.relatedPlaylists.uploads).toBe(UPLOADS_PLAYLIST_ID);
    expect(body.items[0].snippet.customUrl).toBe('@prokopimtapsel');
    expect((await getJson(yt('channels?part=contentDetails&forHandle=@prokopimtapsel'))).body.items).toHaveLength(1);
    const unknown = await getJson(yt('channels?part=contentDetails&id=UCnobody00000000000000000'));
    expect(unknown.status).toBe(200);
    expect(unknown.body.pageInfo.totalResults).toBe(0);
    expect(unknown.body).not.toHaveProperty('items');
  });

  it('playlistItems.list pages the uploads playlist newest first, with placeholders', async () => {
    const video = fake.data.youtube.videos.find((entry) => entry.resource.id === 'IM3olhmtHg0')!;
    video.visibility = 'private';
    try {
      const { items, pages } = await allPlaylistItems();
      expect(pages).toBe(Math.ceil(youtubeSamples.length / 8));
      expect(items.map((item) => item.contentDetails.videoId)).toEqual(fake.data.youtube.videos.map((entry) => entry.resource.id));
      expect(items.map((item) => item.snippet.position)).toEqual(items.map((_, index) => index));
      const deleted = items.find((item) => item.contentDetails.videoId === 'jg9ZdUB2WSz')!;
      expect(deleted.snippet.title).toBe('Deleted video');
      expect(deleted.snippet.description).toBe('This video is unavailable.');
      expect(deleted.status.privacyStatus).toBe('privacyStatusUnspecified');
      const hidden = items.find((item) => item.contentDetails.videoId === 'IM3olhmtHg0')!;
      expect(hidden.snippet).toMatchObject({ title: 'Private video', description: 'This video is private.', thumbnails: {} });
      expect(hidden.contentDetails).toEqual({ videoId: 'IM3olhmtHg0' });
      expect(hidden.status.privacyStatus).toBe('private');
      const normal = items.find((item) => item.contentDetails.videoId === 'NAAhhQ2j0Wi')!;
      expect(normal.contentDetails.videoPublishedAt).toBe('2025-10-03T03:15:00Z');
      expect(Object.keys(normal.snippet.thumbnails)).toEqual(['default', 'medium', 'high', 'standard', 'maxres']);
      // maxResults smaller than the server's page size
      expect((await allPlaylistItems(7)).pages).toBe(Math.ceil(youtubeSamples.length / 7));
    } finally {
      video.visibility = 'public';
    }
  });

  it('rejects maxResults over 50 and unknown playlists like the real API', async () => {
    const before = fake.unexpected.length;
    const tooMany = await getJson(yt(`playlistItems?part=${YT_PARTS}&playlistId=${UPLOADS_PLAYLIST_ID}&maxResults=51`));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.errors[0].location).toBe('maxResults');
    expect(fake.unexpected.length).toBe(before + 1);
    const missing = await getJson(yt(`playlistItems?part=${YT_PARTS}&playlistId=UUnobody00000000000000000`));
    expect(missing.status).toBe(404);
    expect(missing.body.error.errors[0].reason).toBe('playlistNotFound');
    fake.unexpected.length = 0;
  });

  it('videos.list returns public videos in the requested order, without private or deleted ones', async () => {
    const ids = ['PuH2WVXEkFf', 'jg9ZdUB2WSz', 'dDL5LjMCOwk', 'IM3olhmtHg0'];
    const { body } = await getJson(yt(`videos?part=snippet,contentDetails,status,liveStreamingDetails&id=${ids.join(',')}`));
    expect(body.items.map((item: Json) => item.id)).toEqual(['PuH2WVXEkFf', 'dDL5LjMCOwk', 'IM3olhmtHg0']);
    const [completed, upcoming, short] = body.items;
    expect(completed.contentDetails.duration).toBe('PT1H18M34S');
    expect(completed.snippet.liveBroadcastContent).toBe('none');
    expect(completed.liveStreamingDetails).toMatchObject({ actualStartTime: '2025-12-05T07:02:11Z', actualEndTime: '2025-12-05T08:20:45Z' });
    expect(upcoming.snippet.liveBroadcastContent).toBe('upcoming');
    expect(upcoming.contentDetails.duration).toBe('P0D');
    expect(upcoming.liveStreamingDetails.scheduledStartTime).toBe('2026-12-03T02:00:00Z');
    expect(short.contentDetails.duration).toBe('PT42S');
    expect(short.snippet.title).toMatch(/#shorts/i);
    expect(short).not.toHaveProperty('liveStreamingDetails');
    const tooMany = await getJson(yt(`videos?part=snippet&id=${Array.from({ length: 51 }, (_, i) => `v${i}`).join(',')}`));
    expect(tooMany.status).toBe(400);
    expect(fake.unexpected.at(-1)?.note).toMatch(/51 ids/);
    fake.unexpected.length = 0;
  });

  it('answers a wrong key with API_KEY_INVALID, and records a missing key and search.list as unexpected', async () => {
    const wrong = await getJson(`${fake.origin}/youtube/v3/videos?part=snippet&id=NAAhhQ2j0Wi&key=nope`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('API key not valid. Please pass a valid API key.');
    expect(wrong.body.error.details[0].reason).toBe('API_KEY_INVALID');
    expect(fake.unexpected).toHaveLength(0);
    expect(fake.requests.at(-1)?.query.key).toBe('<redacted>');
    expect(fake.secretsSeen).toContain('nope');
    await fetch(`${fake.origin}/youtube/v3/videos?part=snippet&id=NAAhhQ2j0Wi`);
    await fetch(yt('search?part=snippet&channelId=x'));
    expect(fake.unexpected.map((request) => request.note)).toEqual([expect.stringMatching(/no API key/), expect.stringMatching(/search\.list/)]);
    fake.unexpected.length = 0;
  });

  it('works with the googleapis client (its YouTube module, as the sync loads it)', async () => {
    const youtube = youtubeClient({ version: 'v3', auth: FIXTURE_API_KEY, rootUrl: fake.youtubeRoot, retry: false });
    const channels = await youtube.channels.list({ part: ['contentDetails', 'snippet'], id: [CHANNEL_ID] });
    expect(channels.data.items?.[0]?.contentDetails?.relatedPlaylists?.uploads).toBe(UPLOADS_PLAYLIST_ID);
    expect(fake.requests.at(-1)?.query.part).toBe('contentDetails,snippet');
    const items = await youtube.playlistItems.list({ part: ['snippet', 'contentDetails', 'status'], playlistId: UPLOADS_PLAYLIST_ID, maxResults: 50 });
    expect(items.data.items).toHaveLength(8);
    const next = await youtube.playlistItems.list({ part: ['snippet'], playlistId: UPLOADS_PLAYLIST_ID, maxResults: 50, pageToken: items.data.nextPageToken! });
    expect(next.data.items?.[0]?.snippet?.position).toBe(8);
    const videos = await youtube.videos.list({ part: ['snippet', 'contentDetails', 'status', 'liveStreamingDetails'], id: ['NAAhhQ2j0Wi', 'RGwuQUX-iYq'] });
    expect(videos.data.items?.map((item) => item.id)).toEqual(['NAAhhQ2j0Wi', 'RGwuQUX-iYq']);
    // A failure reaches the caller as a GaxiosError with the parsed body (retry: false).
    fake.inject({ endpoint: 'youtube.videos', ...youtubeQuotaExceeded() });
    await expect(youtube.videos.list({ part: ['snippet'], id: ['NAAhhQ2j0Wi'] })).rejects.toMatchObject({
      status: 403,
      response: { data: { error: { errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } } },
    });
    // Without retry: false, googleapis retries a 5xx by itself (the fake sees two requests).
    const retrying = youtubeClient({ version: 'v3', auth: FIXTURE_API_KEY, rootUrl: fake.youtubeRoot });
    fake.inject({ endpoint: 'youtube.videos', status: 503 });
    const before = fake.count('youtube.videos');
    await retrying.videos.list({ part: ['snippet'], id: ['NAAhhQ2j0Wi'] });
    expect(fake.count('youtube.videos') - before).toBe(2);
    expect(fake.unexpected).toEqual([]);
  });
});

describe('Instagram', () => {
  it('pages /me/media with absolute next URLs and returns only the requested fields', async () => {
    const seen: Json[] = [];
    let url: string | undefined = ig(`me/media?fields=${encodeURIComponent(IG_FIELDS)}&limit=50`);
    let pages = 0;
    while (url) {
      const { status, body }: { status: number; body: Json } = await getJson(url);
      expect(status).toBe(200);
      expect(body.data.length).toBeLessThanOrEqual(10);
      expect(body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
      seen.push(...body.data);
      url = body.paging.next;
      if (url) expect(url.startsWith(`${fake.origin}/instagram/${DEFAULT_INSTAGRAM_API_VERSION}/${INSTAGRAM_USER_ID}/media?access_token=`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(Math.ceil((instagramSamples.length - 1) / 10));
    expect(seen.map((media) => media.id)).toEqual(fake.data.instagram.media.map((media) => media.id));
    for (const media of seen) {
      expect(media.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
      expect(Object.keys(media).every((key) => IG_FIELDS.includes(key))).toBe(true);
      expect(media).not.toHaveProperty('like_count');
    }
    const carousel = seen.find((media) => media.id === '18064435625827292')!;
    expect(carousel.media_type).toBe('CAROUSEL_ALBUM');
    expect(carousel.children.data).toHaveLength(5);
    expect(Object.keys(carousel.children.data[0]).sort()).toEqual(['id', 'media_type', 'media_url']);
    const reel = seen.find((media) => media.id === '18132355490163141')!;
    expect(reel).toMatchObject({ media_type: 'VIDEO', media_product_type: 'REELS' });
    expect(reel.media_url).toMatch(/\.mp4\?/);
    expect(reel.permalink).toBe('https://www.instagram.com/reel/Df1pTGRk8hP/');
    expect(seen.find((media) => media.id === REEL_WITHOUT_MEDIA_URL)).not.toHaveProperty('media_url');
    expect(seen.find((media) => media.id === '18500064470134058')).not.toHaveProperty('caption');

    const few = await getJson(ig(`${INSTAGRAM_USER_ID}/media?fields=id,caption,children&limit=3`));
    expect(few.body.data).toHaveLength(3);
    expect(Object.keys(few.body.data[0])).toEqual(['id', 'caption']);
    const withChildren = (await getJson(ig(`me/media?fields=id,children&limit=50`))).body.data.find((media: Json) => media.children);
    expect(Object.keys(withChildren.children.data[0])).toEqual(['id']);
    expect(fake.unexpected).toEqual([]);
  });

  it('refreshes the token, and tells expired from invalid tokens', async () => {
    const refreshed = await getJson(`${fake.instagramRoot}/refresh_access_token?grant_type=ig_refresh_token&access_token=${FIXTURE_ACCESS_TOKEN}`);
    expect(refreshed.body).toEqual({ access_token: FIXTURE_REFRESHED_TOKEN, token_type: 'bearer', expires_in: 5183944 });
    expect((await getJson(ig('me/media?fields=id&limit=1', FIXTURE_REFRESHED_TOKEN))).status).toBe(200);
    const expired = await getJson(ig('me/media?fields=id', FIXTURE_EXPIRED_TOKEN));
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 463 });
    expect(expired.body.error.message).toMatch(/^Error validating access token: Session has expired on/);
    const invalid = await getJson(ig('me/media?fields=id', 'garbage'));
    expect(invalid.body.error).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    expect(invalid.body.error).not.toHaveProperty('error_subcode');
    expect(fake.unexpected).toEqual([]);
    const unknownField = await getJson(ig('me/media?fields=id,secret_field'));
    expect(unknownField.body.error.code).toBe(100);
    expect(fake.unexpected.at(-1)?.note).toMatch(/secret_field/);
    fake.unexpected.length = 0;
  });
});

describe('mutating the data between runs', () => {
  it('shows new, edited and removed posts on the next request', async () => {
    const { youtube, instagram } = fake.data;
    const before = (await getJson(ig('me/media?fields=id,caption&limit=1'))).body.data[0];
    youtube.videos.unshift(newVideo(fake.origin, { id: 'NewVideo001' }));
    instagram.media.unshift(newMedia(fake.origin, { id: '18999999999999999', kind: 'carousel', childCount: 3 }));
    instagram.media[1]!.caption = 'Diedit.';
    try {
      const first = (await getJson(yt(`playlistItems?part=${YT_PARTS}&playlistId=${UPLOADS_PLAYLIST_ID}&maxResults=1`))).body.items[0];
      expect(first.contentDetails.videoId).toBe('NewVideo001');
      const media = (await getJson(ig(`me/media?fields=${encodeURIComponent(IG_FIELDS)}&limit=2`))).body.data;
      expect(media[0].children.data).toHaveLength(3);
      expect(media[1]).toMatchObject({ id: before.id, caption: 'Diedit.' });
      expect((await fetch(media[0].children.data[2].media_url)).status).toBe(200);
    } finally {
      youtube.videos.shift();
      instagram.media.shift();
      instagram.media[0]!.caption = before.caption;
    }
  });
});

describe('CDN', () => {
  it('serves the pictures the data references, 404 for the pending post and unknown files', async () => {
    const video = fake.data.youtube.videos.find((entry) => entry.resource.id === 'NAAhhQ2j0Wi')!;
    const medium = await fetch(video.resource.snippet.thumbnails.medium!.url);
    expect(medium.headers.get('content-type')).toBe('image/jpeg');
    expect(await sharp(Buffer.from(await medium.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 180 });
    const high = await fetch(video.resource.snippet.thumbnails.high!.url);
    expect(await sharp(Buffer.from(await high.arrayBuffer())).metadata()).toMatchObject({ width: 480, height: 360 });

    const portrait = fake.data.instagram.media.find((media) => media.id === '18894300218459543')!;
    const image = await fetch(portrait.media_url!);
    expect(await sharp(Buffer.from(await image.arrayBuffer())).metadata()).toMatchObject({ width: 640, height: 800 });
    // A sample poster is served at its own, real size.
    const poster = fake.data.instagram.media.find((media) => media.id === '18916138250697682')!;
    const printed = await fetch(poster.media_url!);
    expect(await sharp(Buffer.from(await printed.arrayBuffer())).metadata()).toMatchObject({ width: 1080, height: 1350 });
    const reel = fake.data.instagram.media.find((media) => media.id === '18132355490163141')!;
    const mp4 = await fetch(reel.media_url!);
    expect(mp4.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await mp4.arrayBuffer()).subarray(4, 8).toString()).toBe('ftyp');

    const pending = fake.data.instagram.media.find((media) => media.id === MEDIA_404_POST)!;
    expect((await fetch(pending.media_url!)).status).toBe(404);
    expect((await fetch(`${fake.origin}/cdn/nothing.jpg`)).status).toBe(404);
    fake.setFile('extra/logo.png', { contentType: 'image/png', body: Buffer.from('not really a png') });
    expect(await (await fetch(`${fake.origin}/cdn/extra/logo.png`)).text()).toBe('not really a png');

    // Items a test adds are served too, sized from their names.
    const hostile = hostileItems(fake.origin);
    fake.data.instagram.media.unshift(hostile.instagram.dotDotId);
    try {
      const response = await fetch(hostile.instagram.dotDotId.media_url!);
      expect(response.status).toBe(200);
      expect(fake.requests.at(-1)?.path).toContain('..%2F..%2Fx');
    } finally {
      fake.data.instagram.media.shift();
    }
  });
});

describe('scripted failures', () => {
  it('answers with the given status, body and headers, then normally again', async () => {
    fake.inject({ endpoint: 'youtube.channels', status: 503, headers: { 'retry-after': '7' }, times: 2 });
    for (let i = 0; i < 2; i++) {
      const failed = await getJson(yt(`channels?part=contentDetails&id=${CHANNEL_ID}`));
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('7');
      expect(failed.body.error.code).toBe(503);
    }
    expect((await getJson(yt(`channels?part=contentDetails&id=${CHANNEL_ID}`))).status).toBe(200);

    fake.inject({ endpoint: 'instagram.media', ...instagramRateLimited() });
    const limited = await getJson(ig('me/media?fields=id'));
    expect(limited.body.error).toMatchObject({ code: 4, is_transient: true });
    expect(fake.requests.at(-1)?.injected).toBe(true);
  });

  it('truncates, filters by request, resets, and hangs until the client gives up', async () => {
    fake.inject({ endpoint: 'instagram.media', truncate: true });
    const truncated = await fetch(ig('me/media?fields=id,caption&limit=5'));
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow(SyntaxError);

    fake.inject({ endpoint: 'cdn', status: 500, when: (request) => request.path.includes('/vi/NAAhhQ2j0Wi/') });
    const thumbnails = fake.data.youtube.videos[1]!.resource.snippet.thumbnails;
    expect((await fetch(thumbnails.default!.url)).status).toBe(200);
    expect((await fetch(`${fake.origin}/cdn/vi/NAAhhQ2j0Wi/default.jpg`)).status).toBe(500);

    fake.inject({ endpoint: 'youtube.videos', reset: true });
    await expect(fetch(yt('videos?part=snippet&id=NAAhhQ2j0Wi'))).rejects.toThrow();

    fake.inject({ endpoint: 'instagram.refresh', hang: true });
    const started = Date.now();
    await expect(fetch(`${fake.instagramRoot}/refresh_access_token?grant_type=ig_refresh_token&access_token=${FIXTURE_ACCESS_TOKEN}`, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.pendingFailures()).toEqual([]);
  });

  it('close() ends promptly even with a request hanging', async () => {
    const other = await startFakeApi(fixtureData);
    other.inject({ endpoint: 'youtube.playlistItems', hang: true });
    const pending = fetch(`${other.youtubeRoot}youtube/v3/playlistItems?part=snippet&playlistId=${UPLOADS_PLAYLIST_ID}&key=${FIXTURE_API_KEY}`);
    while (other.count('youtube.playlistItems') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe('hostile items', () => {
  it('are raw items the tests can add', () => {
    const hostile = hostileItems('http://127.0.0.1:1');
    expect(hostile.instagram.dotDotId.id).toBe('../../x');
    expect(hostile.instagram.longCaption.caption).toHaveLength(2200);
    expect(hostile.instagram.impossibleTimestamp.timestamp).toBe('2026-02-30T25:00:00+0000');
    expect(hostile.instagram.missingMediaType).not.toHaveProperty('media_type');
    expect(hostile.youtube.scriptId.resource.id).toBe('<script>');
    const media: InstagramMedia = hostile.instagram.carouselWithVideoChild;
    expect(media.children?.data[1]).toMatchObject({ media_type: 'VIDEO', thumbnail_url: expect.stringContaining('.jpg') });
  });
});
