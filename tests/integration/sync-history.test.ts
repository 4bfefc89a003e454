/**
 * A first import that does not finish in one run (a cap, a kill), outages that are not bugs (every retry
 * spent, Instagram's rate limits and usage headers), the Graph API version setting, and the full
 * reconcile's mark in archive.json: the real sync against the fake APIs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveStateSchema, type ArchiveState } from '#archive/state.ts';
import { CHANNEL_ID, fixtureData, INSTAGRAM_USER_ID, LAST_SYNC_AT, newVideo } from '#fake-api/fixtures.ts';
import { instagramRateLimited, startFakeApi, type FakeApi, type FakeData, type FakeVideo } from '#fake-api/server.ts';
import { createWorkspace, fakeEnvironment, readArchive, requests, runSync, startSync, type Workspace } from './harness.ts';

let fake: FakeApi | undefined;
let workspace: Workspace;

beforeEach(async () => {
  workspace = await createWorkspace();
});
afterEach(async () => {
  if (fake) expect(fake.unexpected, 'requests the fake did not expect').toEqual([]);
  await fake?.close();
  fake = undefined;
  await workspace.remove();
});

/** Videos newer than the fixtures, newest first, with valid 11-character ids. */
function extraVideos(origin: string, count: number, prefix = 'hist'): FakeVideo[] {
  return Array.from({ length: count }, (_, index) =>
    newVideo(origin, {
      id: `${prefix}${String(index).padStart(11 - prefix.length, '0')}`,
      title: `Pengumuman nomor ${index}`,
      publishedAt: new Date(Date.parse('2026-11-30T00:00:00Z') - index * 3_600_000).toISOString(),
    }),
  );
}

/** The fixture channel grown to 56 public videos (and its one non-public placeholder). */
function largeChannel(origin: string): FakeData {
  const data = fixtureData(origin);
  data.youtube.videos.unshift(...extraVideos(origin, 56 - data.youtube.videos.filter((video) => video.visibility === 'public').length));
  return data;
}

async function archiveState(): Promise<ArchiveState> {
  return archiveStateSchema.parse(JSON.parse(await readFile(path.join(workspace.content, 'archive.json'), 'utf8')));
}

const youtubeCount = async () => [...(await readArchive(workspace)).values()].filter((post) => post.platform === 'youtube').length;

describe('a first import that does not finish in one run', () => {
  it('continues where it stopped (--max-new), says so while incomplete, and only then stops at the archive', async () => {
    fake = await startFakeApi(largeChannel, { pageSize: { youtube: 10 } });
    // The fixtures' own clock, so the sample's upcoming broadcast is not yet due for a look (see sync-archive).
    const env = fakeEnvironment(fake, { WARTA_SYNC_NOW: LAST_SYNC_AT });
    const key = `youtube/${CHANNEL_ID}`;

    const first = await runSync(workspace, env, ['--only', 'youtube', '--max-new', '25']);
    expect(first.code, first.stdout).toBe(0);
    expect(await youtubeCount()).toBe(25);
    expect(first.summary!.platforms[0]!.history).toEqual({ complete: false, archived: 25 });
    expect(first.stdout).toContain('riwayat belum lengkap: 25 unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya');
    const afterFirst = (await archiveState()).history![key]!;
    expect(afterFirst).toMatchObject({ complete: false, completedAt: null });
    expect(afterFirst.resumeFrom).toEqual(expect.any(String)); // after page 2; page 3 was cut at the cap

    // Something new is published at the top meanwhile: the next run takes it first, then continues the walk.
    fake.data.youtube.videos.unshift(...extraVideos(fake.origin, 1, 'fresh'));
    fake.resetCounts();
    const second = await runSync(workspace, env, ['--only', 'youtube', '--max-new', '25']);
    expect(second.code, second.stdout).toBe(0);
    const archive = await readArchive(workspace);
    expect(archive.has('youtube/fresh000000')).toBe(true);
    expect(await youtubeCount()).toBe(50);
    expect(second.summary!.platforms[0]!.history).toEqual({ complete: false, archived: 50 });

    const third = await runSync(workspace, env, ['--only', 'youtube']);
    expect(third.code, third.stdout).toBe(0);
    expect(await youtubeCount()).toBe(57);
    expect(third.summary!.platforms[0]!.history).toEqual({ complete: true, archived: 57 });
    expect(third.stdout).not.toContain('riwayat belum lengkap');
    expect((await archiveState()).history![key]).toMatchObject({ complete: true, resumeFrom: null, completedAt: third.summary!.startedAt });

    // Now, and only now, an incremental run stops at the first page that holds an archived post.
    const fourth = await runSync(workspace, env, ['--only', 'youtube']);
    expect(fourth.code, fourth.stdout).toBe(0);
    expect(requests(fourth, 'youtube.playlistItems')).toBe(1);
    expect(requests(fourth, 'youtube.videos')).toBe(0);
  });

  it('a run killed part-way is continued from its last checkpoint by a plain run, not from the top and not stopped at the archive', async () => {
    fake = await startFakeApi(largeChannel, { pageSize: { youtube: 10 } });
    // The first run stalls on the thumbnail of the 36th upload (page 4 of 6), after archiving the 35 before it.
    const stallOn = fake.data.youtube.videos[35]!.resource.snippet.thumbnails.maxres!.url;
    const stallPath = new URL(stallOn).pathname;
    fake.inject({ endpoint: 'cdn', hang: true, when: (request) => request.path === stallPath });
    const first = startSync(workspace, fakeEnvironment(fake, { WARTA_HTTP_TIMEOUT_MS: '60000' }), ['--only', 'youtube']);
    const deadline = Date.now() + 30_000;
    while (!fake.requests.some((request) => request.path === stallPath)) {
      if (Date.now() > deadline) throw new Error('the first run never reached the stalled thumbnail');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(await youtubeCount()).toBe(35);
    expect((await archiveState()).history![`youtube/${CHANNEL_ID}`]).toMatchObject({ complete: false, resumeFrom: expect.any(String) });

    fake.resetCounts();
    const resumed = await runSync(workspace, fakeEnvironment(fake), ['--only', 'youtube']);
    expect(resumed.code, resumed.stdout).toBe(0);
    expect(await youtubeCount()).toBe(56);
    expect(resumed.summary!.platforms[0]!.history).toEqual({ complete: true, archived: 56 });
    // The newest page (is anything new?), then page 3 again (the last one fully archived) and pages 4 to 6.
    expect(requests(resumed, 'youtube.playlistItems')).toBe(5);
    expect(requests(resumed, 'youtube.videos')).toBe(3);
  });
});

describe('an outage is not a bug', () => {
  it('YouTube answering 503 to every attempt: exit 1, one plain line, nothing lost, Instagram still synced', async () => {
    fake = await startFakeApi(fixtureData);
    fake.inject({ endpoint: 'youtube.playlistItems', status: 503, times: 100 });
    const result = await runSync(workspace, fakeEnvironment(fake));
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).not.toMatch(/sync failed unexpectedly|\n\s+at /);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^youtube: stopped: YouTube answered HTTP 503 to 5 attempts over \d+ s \(.*playlistItems.*\)\. Nothing was lost.*next scheduled run tries again/m);
    expect(result.summary!.platforms.map((platform) => [platform.platform, platform.fatal?.reason ?? null])).toEqual([
      ['youtube', 'unavailable'],
      ['instagram', null],
    ]);
    expect(requests(result, 'youtube.playlistItems')).toBe(5);
    expect([...(await readArchive(workspace)).values()].filter((post) => post.platform === 'instagram')).toHaveLength(25);
  });

  it('an outage during --refresh-token is a stop too, not a bug', async () => {
    fake = await startFakeApi(fixtureData);
    fake.inject({ endpoint: 'instagram.refresh', status: 503, times: 10 });
    const result = await runSync(workspace, fakeEnvironment(fake), ['--refresh-token']);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/Instagram answered HTTP 503 to 5 attempts/);
    expect(result.stdout).not.toMatch(/sync failed unexpectedly/);
  });

  it('Instagram rate limit (code 4): stops Instagram at once, says when access returns, YouTube still synced', async () => {
    fake = await startFakeApi(fixtureData);
    const limited = instagramRateLimited();
    fake.inject({
      endpoint: 'instagram.media',
      times: 10,
      status: limited.status,
      body: limited.body,
      headers: {
        ...limited.headers,
        'x-business-use-case-usage': JSON.stringify({
          [INSTAGRAM_USER_ID]: [{ type: 'instagram', call_count: 100, total_cputime: 12, total_time: 20, estimated_time_to_regain_access: 12 }],
        }),
      },
    });
    const result = await runSync(workspace, fakeEnvironment(fake));
    expect(result.code, result.stdout).toBe(1);
    expect(requests(result, 'instagram.media')).toBe(1); // not retried into the limit
    expect(result.summary!.platforms.find((platform) => platform.platform === 'instagram')!.fatal).toMatchObject({
      reason: 'rate-limited',
      message: expect.stringMatching(/rate limit is reached \(code 4: .*\); access returns in about 12 min \(around \d\d:\d\d UTC, \d\d\.\d\d WIB\)/),
    });
    expect(result.stdout).not.toMatch(/sync failed unexpectedly/);
    expect(await youtubeCount()).toBe(19);
  });

  it('Instagram usage headers near the limit: the page in hand is archived, then no further request', async () => {
    fake = await startFakeApi(fixtureData, { pageSize: { instagram: 10 } });
    fake.inject({ endpoint: 'instagram.media', delayMs: 1, headers: { 'x-app-usage': '{"call_count":96,"total_cputime":10,"total_time":12}' } });
    const result = await runSync(workspace, fakeEnvironment(fake), ['--only', 'instagram']);
    expect(result.code, result.stdout).toBe(1);
    expect(requests(result, 'instagram.media')).toBe(1);
    expect(result.summary!.fatal).toMatchObject({ reason: 'rate-limited', message: expect.stringMatching(/96% of the hourly allowance/) });
    expect((await readArchive(workspace)).size).toBe(10);
    expect(result.summary!.platforms[0]!.history).toEqual({ complete: false, archived: 10 });
  });
});

describe('settings and marks', () => {
  it('INSTAGRAM_API_VERSION names the version in every request path', async () => {
    fake = await startFakeApi(fixtureData, { instagramVersion: 'v25.0' });
    const result = await runSync(workspace, fakeEnvironment(fake, { INSTAGRAM_API_VERSION: 'v25.0' }), ['--only', 'instagram']);
    expect(result.code, result.stdout).toBe(0);
    expect(fake.requests.filter((request) => request.endpoint === 'instagram.media').map((request) => request.path)).toEqual([
      `/instagram/v25.0/${INSTAGRAM_USER_ID}/media`,
    ]);
  });

  it('an invalid INSTAGRAM_API_VERSION stops before any request, naming the variable', async () => {
    fake = await startFakeApi(fixtureData);
    const result = await runSync(workspace, fakeEnvironment(fake, { INSTAGRAM_API_VERSION: '26' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/INSTAGRAM_API_VERSION: must be a Graph API version such as "v\d+\.0"/);
    expect(fake.requests).toEqual([]);
  });

  it('a full reconcile records lastFullSyncAt; an incremental run leaves it as it was', async () => {
    fake = await startFakeApi(fixtureData);
    const full = await runSync(workspace, fakeEnvironment(fake), ['--full']);
    expect(full.code, full.stdout).toBe(0);
    expect((await archiveState()).lastFullSyncAt).toBe(full.summary!.startedAt);
    const incremental = await runSync(workspace, fakeEnvironment(fake));
    expect(incremental.code).toBe(0);
    const state = await archiveState();
    expect(state.lastFullSyncAt).toBe(full.summary!.startedAt);
    expect(state.lastSyncAt).toBe(incremental.summary!.startedAt);
  });
});
