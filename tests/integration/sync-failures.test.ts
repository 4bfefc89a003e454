/**
 * The sync against APIs that fail: quota spent, tokens expired or wrong, bursts of 5xx, 429 with
 * Retry-After, truncated bodies, requests that hang, a second sync on the same archive, a sync killed
 * mid-run and resumed, and the token refresh with its expiry warning.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { youtubeKeyInvalid, youtubeQuotaExceeded } from '#fake-api/server.ts';
import { FIXTURE_ACCESS_TOKEN, FIXTURE_API_KEY, FIXTURE_EXPIRED_TOKEN, FIXTURE_REFRESHED_TOKEN } from '#fake-api/fixtures.ts';
import { fakeEnvironment, listFiles, readArchive, requests, runSync, startSync, useFakeWorld, type SyncResult } from './harness.ts';

const world = useFakeWorld();

function expectNoSecretsIn(result: SyncResult) {
  for (const text of [result.stdout, result.stderr, JSON.stringify(result.summary)]) {
    for (const secret of [FIXTURE_API_KEY, FIXTURE_ACCESS_TOKEN, FIXTURE_EXPIRED_TOKEN, FIXTURE_REFRESHED_TOKEN]) expect(text).not.toContain(secret);
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('fatal errors end the run with a message a person can act on', () => {
  it('YouTube quota spent: exit 1, no retry, the reset time named, the archive still valid', async () => {
    world.fake.inject({ endpoint: 'youtube.videos', ...youtubeQuotaExceeded() });
    const result = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(result.code).toBe(1);
    expect(result.summary!.fatal).toMatchObject({ reason: 'quota-exceeded' });
    expect(result.stdout).toMatch(/daily API quota is spent/);
    expect(result.stdout).toMatch(/midnight Pacific time/);
    expect(requests(result, 'youtube.videos')).toBe(1);
    // YouTube's quota does not hold Instagram back: it is archived in the same run.
    const archive = await readArchive(world.workspace); // throws on any invalid file
    expect([...archive.values()].filter((post) => post.platform === 'instagram')).toHaveLength(25);
    expect(result.summary!.platforms.map((platform) => [platform.platform, platform.fatal?.reason ?? null])).toEqual([
      ['youtube', 'quota-exceeded'],
      ['instagram', null],
    ]);
    expectNoSecretsIn(result);
  });

  it('YouTube key refused: exit 1 and what to do', async () => {
    const result = await runSync(world.workspace, fakeEnvironment(world.fake, { YOUTUBE_API_KEY: 'AIzaWRONGKEY-0000000000000000000000000' }), ['--only', 'youtube']);
    expect(result.code).toBe(1);
    expect(result.summary!.fatal).toMatchObject({ reason: 'invalid-credentials' });
    expect(result.stdout).toMatch(/YOUTUBE_API_KEY/);
    expect(result.stdout).not.toContain('AIzaWRONGKEY');
    expect(youtubeKeyInvalid().status).toBe(400);
  });

  it('Instagram token expired: exit 1, asks for a new token, never prints it', async () => {
    const result = await runSync(world.workspace, fakeEnvironment(world.fake, { INSTAGRAM_ACCESS_TOKEN: FIXTURE_EXPIRED_TOKEN }), ['--only', 'instagram']);
    expect(result.code).toBe(1);
    expect(result.summary!.fatal).toMatchObject({ reason: 'token-expired' });
    expect(result.stdout).toMatch(/has expired/);
    expect(result.stdout).toMatch(/INSTAGRAM_ACCESS_TOKEN/);
    expect(requests(result, 'instagram.media')).toBe(1);
    expectNoSecretsIn(result);
  });
});

describe('passing failures are retried', () => {
  it('a burst of 5xx that recovers', async () => {
    world.fake.inject({ endpoint: 'instagram.media', status: 503, times: 2 });
    world.fake.inject({ endpoint: 'youtube.playlistItems', status: 500, times: 2 });
    const result = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(result.code, result.stdout).toBe(0);
    expect(requests(result, 'instagram.media')).toBe(3);
    expect(requests(result, 'youtube.playlistItems')).toBe(3);
    expect((await readArchive(world.workspace)).size).toBe(19 + 25);
  });

  it('429 with Retry-After is honoured', async () => {
    world.fake.inject({ endpoint: 'youtube.playlistItems', status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const result = await runSync(world.workspace, fakeEnvironment(world.fake), ['--only', 'youtube']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/retrying after 1 s/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(requests(result, 'youtube.playlistItems')).toBe(2);
  });

  it('a truncated JSON body', async () => {
    world.fake.inject({ endpoint: 'instagram.media', truncate: true });
    world.fake.inject({ endpoint: 'youtube.videos', truncate: true });
    const result = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(result.code, result.stdout).toBe(0);
    expect(requests(result, 'instagram.media')).toBe(2);
    expect(requests(result, 'youtube.videos')).toBe(2);
  });

  it('a request that hangs past the timeout', async () => {
    world.fake.inject({ endpoint: 'youtube.videos', hang: true });
    world.fake.inject({ endpoint: 'instagram.media', hang: true });
    const result = await runSync(world.workspace, fakeEnvironment(world.fake, { WARTA_HTTP_TIMEOUT_MS: '800' }));
    expect(result.code, result.stdout).toBe(0);
    expect(requests(result, 'youtube.videos')).toBe(2);
    expect(requests(result, 'instagram.media')).toBe(2);
    expect((await readArchive(world.workspace)).size).toBe(19 + 25);
  });
});

describe('crash safety', () => {
  it('a second sync is refused while one runs; a sync killed mid-run leaves a valid archive and the next run finishes', async () => {
    // The first run stalls on one carousel image, after having archived other posts.
    const stallOn = world.fake.data.instagram.media.filter((media) => media.media_type === 'CAROUSEL_ALBUM')[2]!.children!.data[1]!;
    const stallPath = new URL(stallOn.media_url!).pathname;
    world.fake.inject({ endpoint: 'cdn', hang: true, when: (request) => request.path === stallPath });
    const env = fakeEnvironment(world.fake, { WARTA_HTTP_TIMEOUT_MS: '60000' });
    const first = startSync(world.workspace, env);
    await waitFor(() => world.fake.requests.some((request) => request.path === stallPath), 'the stalled request');
    const lock = path.join(world.workspace.content, '.sync.lock');
    await access(lock);

    const second = await runSync(world.workspace, env);
    expect(second.code).toBe(1);
    expect(second.summary!.fatal).toMatchObject({ reason: 'locked' });

    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const partial = await readArchive(world.workspace); // every post.json complete, or absent
    expect(partial.size).toBeGreaterThan(0);
    expect(partial.size).toBeLessThan(19 + 25);

    const resumed = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(resumed.code, resumed.stdout).toBe(0);
    const archive = await readArchive(world.workspace);
    expect(archive.size).toBe(19 + 25);
    await expect(access(lock)).rejects.toThrow();
    expect((await listFiles(world.workspace.content)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    // Posts written before the kill are not downloaded again.
    for (const [key, post] of partial) expect(archive.get(key)!.media).toEqual(post.media);
  });
});

describe('token care', () => {
  it('--refresh-token records the new expiry without printing the token; runs warn within 10 days', async () => {
    world.fake.data.instagram.refreshedToken = FIXTURE_ACCESS_TOKEN; // the same token, extended
    const refreshed = await runSync(world.workspace, fakeEnvironment(world.fake), ['--refresh-token']);
    expect(refreshed.code, refreshed.stdout).toBe(0);
    expect(refreshed.stdout).toMatch(/token was refreshed; it now expires on 20\d\d-/);
    expectNoSecretsIn(refreshed);
    expect(world.fake.count('instagram.refresh')).toBe(1);
    const state = JSON.parse(await readFile(path.join(world.workspace.content, 'archive.json'), 'utf8'));
    const expiresInDays = (Date.parse(state.instagram.tokenExpiresAt) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(59);
    expect(expiresInDays).toBeLessThan(61);

    state.instagram.tokenExpiresAt = new Date(Date.now() + 5.5 * 86_400_000).toISOString();
    await writeFile(path.join(world.workspace.content, 'archive.json'), JSON.stringify(state));
    const warned = await runSync(world.workspace, fakeEnvironment(world.fake), ['--only', 'instagram']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/Instagram token expires in 5 day\(s\)/);
    expect(warned.summary!.warnings.join()).toMatch(/expires in 5 day/);
  });

  it('--refresh-token answered with a different token records no expiry, and asks for a new token without printing one', async () => {
    const file = path.join(world.workspace.content, 'archive.json');
    const before = { ...JSON.parse(await readFile(file, 'utf8')), instagram: { tokenExpiresAt: '2026-12-20T00:00:00.000Z' } };
    await writeFile(file, `${JSON.stringify(before, null, 2)}\n`);
    const result = await runSync(world.workspace, fakeEnvironment(world.fake), ['--refresh-token']);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(world.fake.count('instagram.refresh')).toBe(1);
    expect(result.summary!.fatal).toMatchObject({ reason: 'invalid-credentials', platform: 'instagram' });
    expect(result.stdout).toMatch(/answered with a different token/);
    expect(result.stdout).toMatch(/save it as the INSTAGRAM_ACCESS_TOKEN secret/);
    expect(result.stdout).not.toMatch(/token was refreshed/);
    // The stored token's recorded expiry is left as it was: the expiry answered is the new token's.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(before);
    expectNoSecretsIn(result);
  });

  it('a platform without credentials is skipped with one line', async () => {
    const result = await runSync(world.workspace, fakeEnvironment(world.fake, { YOUTUBE_API_KEY: undefined }));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line === 'YouTube: skipped, YOUTUBE_API_KEY is not set.')).toHaveLength(1);
    expect(world.fake.count('youtube.playlistItems')).toBe(0);
    expect(result.summary!.platforms.map((platform) => platform.platform)).toEqual(['instagram']);
  });
});
