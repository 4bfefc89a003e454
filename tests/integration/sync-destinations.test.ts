/**
 * The real sync, against the fake API, fetches only where it belongs: media from the allowed origin
 * (here the fake's own, standing for the platforms' CDN hosts), never from a server a media URL or a
 * redirect names; API answers read only up to a limit; permalinks only on the platform's own host; API
 * error text printed as one line that no workflow command can hide in; and OCR refuses an image too
 * large or too narrow to read before decoding it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '#archive/post.ts';
import type { InstagramMedia } from '#fake-api/types.ts';
import { startFakeApi, type FakeApi } from '#fake-api/server.ts';
import { FIXTURE_ACCESS_TOKEN, FIXTURE_API_KEY, fixtureData } from '#fake-api/fixtures.ts';
import { MAX_API_BYTES } from '#sync/http.ts';
import { createWorkspace, fakeEnvironment, listFiles, readArchive, runSync, startSync, type SyncResult, type Workspace } from './harness.ts';

let fake: FakeApi;
let workspace: Workspace;
let elsewhere: Elsewhere;

/** A second server on 127.0.0.1 that is NOT the fake API: nothing may ever ask it anything. */
interface Elsewhere {
  origin: string;
  host: string;
  requests: string[];
  close(): Promise<void>;
}

async function startElsewhere(): Promise<Elsewhere> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    void sharp({ create: { width: 64, height: 64, channels: 3, background: '#f00' } })
      .png()
      .toBuffer()
      .then((png) => response.writeHead(200, { 'content-type': 'image/png' }).end(png));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    host: new URL(origin).host,
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

beforeEach(async () => {
  workspace = await createWorkspace();
  fake = await startFakeApi(fixtureData);
  elsewhere = await startElsewhere();
});
afterEach(async () => {
  expect(fake.unexpected, 'requests the fake did not expect').toEqual([]);
  expect(elsewhere.requests, 'requests that reached the other server').toEqual([]);
  await elsewhere.close();
  await fake.close();
  await workspace.remove();
});

/** The newest Instagram post with one image, made the newest of all. */
function oneImagePost(): InstagramMedia {
  const media = fake.data.instagram.media.find((item) => item.media_type === 'IMAGE')!;
  media.timestamp = '2026-12-01T03:00:00+0000';
  return media;
}

/** The files written into a post's folder. */
async function filesOf(id: string): Promise<string[]> {
  return (await listFiles(workspace.content)).filter((file) => file.split('/').includes(id)).map((file) => file.split('/').at(-1)!);
}

/** The posts with an item left pending because its URL was refused. */
function refusedItems(archive: Map<string, Post>): string[] {
  return [...archive.values()].filter((post) => post.media.some((item) => item.status === 'pending' && item.reason.includes('refused'))).map((post) => post.id).sort();
}

function instagramSummary(result: SyncResult) {
  return result.summary!.platforms.find((platform) => platform.platform === 'instagram')!;
}

describe('media come only from the allowed origin', () => {
  it('a media URL that redirects (302) to another server: never followed, the item pending, naming the host; the run goes on', async () => {
    const post = oneImagePost();
    post.media_url = `${fake.origin}/cdn/moved/${post.id}.jpg`;
    fake.setFile(post.media_url, { status: 302, headers: { location: `${elsewhere.origin}/stolen.png` }, contentType: 'text/plain', body: 'Found\n' });

    const result = await runSync(workspace, fakeEnvironment(fake), ['--only', 'instagram']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const archive = await readArchive(workspace);
    const item = archive.get(`instagram/${post.id}`)!.media[0]!;
    expect(item).toMatchObject({ status: 'pending', reason: `download failed: media: refused a redirect: ${elsewhere.host} is not a host media may be fetched from` });
    expect(await filesOf(post.id)).toEqual(['post.json']);
    // The rest of the run went on: every post archived, the others with their media.
    expect(instagramSummary(result)).toMatchObject({ new: archive.size, skipped: [] });
    expect(archive.size).toBeGreaterThan(20);
    expect(refusedItems(archive)).toEqual([post.id]);
    expect(result.summary!.media.files).toBeGreaterThan(archive.size);
  });

  it('a media URL on another host directly, or on a real CDN host while the API is the fake: nothing is asked', async () => {
    const post = oneImagePost();
    post.media_url = `${elsewhere.origin}/direct.png`;
    const carousel = fake.data.instagram.media.find((item) => item.media_type === 'CAROUSEL_ALBUM')!;
    carousel.children!.data[0]!.media_url = 'https://scontent-sin6-1.cdninstagram.com/v/t51/1.jpg';

    const result = await runSync(workspace, fakeEnvironment(fake), ['--only', 'instagram']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const archive = await readArchive(workspace);
    expect(archive.get(`instagram/${post.id}`)!.media[0]).toMatchObject({
      status: 'pending',
      reason: `download failed: media: refused the URL: ${elsewhere.host} is not a host media may be fetched from`,
    });
    expect(archive.get(`instagram/${carousel.id}`)!.media[0]).toMatchObject({
      status: 'pending',
      reason: 'download failed: media: refused the URL: scontent-sin6-1.cdninstagram.com is not a host media may be fetched from',
    });
    expect(archive.get(`instagram/${carousel.id}`)!.media[1]).toMatchObject({ status: 'mirrored' });
    expect(instagramSummary(result)).toMatchObject({ new: archive.size, skipped: [] });
    expect(refusedItems(archive)).toEqual([post.id, carousel.id].sort());
  });
});

describe('API answers', () => {
  it('an answer larger than the limit is an outage of that platform (exit 1, one plain line), not a crash', async () => {
    const big = JSON.stringify({ data: [], padding: 'x'.repeat(MAX_API_BYTES) });
    fake.inject({ endpoint: 'instagram.media', status: 200, body: big, times: 10 });
    fake.inject({ endpoint: 'youtube.channels', status: 200, body: big, times: 10 });
    const result = await runSync(workspace, fakeEnvironment(fake));
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace: an answer, not a bug
    const fatals = Object.fromEntries(result.summary!.platforms.map((platform) => [platform.platform, platform.fatal]));
    expect(fatals.instagram).toMatchObject({ reason: 'unavailable', message: expect.stringMatching(/instagram\.media: the answer is larger than the limit of 8 MB/) });
    expect(fatals.youtube).toMatchObject({ reason: 'unavailable', message: expect.stringMatching(/YouTube channels: the answer is larger than the limit of 8 MB/) });
    for (const text of [result.stdout, result.stderr, JSON.stringify(result.summary)]) {
      expect(text).not.toContain(FIXTURE_API_KEY);
      expect(text).not.toContain(FIXTURE_ACCESS_TOKEN);
    }
  });

  it('a permalink on a foreign host is never stored: that post is skipped, naming the host, and asked for again next run', async () => {
    const post = oneImagePost();
    post.permalink = 'https://evil.example/p/x';
    const result = await runSync(workspace, fakeEnvironment(fake), ['--only', 'instagram']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const reason = "its permalink is not on Instagram's own hosts (https://evil.example)";
    expect(instagramSummary(result).skipped).toEqual([{ id: post.id, reason }]);
    expect(result.stdout).toContain(`instagram: skipped ${post.id}: ${reason}`);
    const archive = await readArchive(workspace);
    expect(archive.has(`instagram/${post.id}`)).toBe(false);
    expect(await filesOf(post.id)).toEqual([]);
    expect(instagramSummary(result).new).toBe(archive.size);
    for (const archived of archive.values()) expect(new URL(archived.permalink).hostname).toBe('www.instagram.com');
  });

  it('an API error message with line breaks and workflow commands is printed as one line, the commands defused', async () => {
    const message = 'Invalid parameter\n::error::Sync succeeded\r\n::set-output name=deploy::yes\u2028::add-mask::x';
    fake.inject({ endpoint: 'instagram.media', status: 400, body: { error: { message, type: 'OAuthException', code: 100, fbtrace_id: 'A1' } } });
    const result = await runSync(workspace, fakeEnvironment(fake), ['--only', 'instagram']);
    expect(result.code).toBe(1);
    const lines = `${result.stdout}\n${result.stderr}`.split(/\r?\n|\r|\u2028/);
    const quoting = lines.filter((line) => line.includes('Invalid parameter'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const line of quoting) expect(line).toContain('(Invalid parameter : :error: :Sync succeeded : :set-output name=deploy: :yes : :add-mask: :x)');
    for (const line of lines) expect(line).not.toMatch(/::/);
    expect(instagramSummary(result).fatal!.message).not.toMatch(/[\n\r\u2028]|::/);
  });
});

describe('text in images', () => {
  it('a 1.7 KB PNG of 2×40000 pixels is refused by the OCR step, with a reason, before it is decoded', { timeout: 120_000 }, async () => {
    const strip = await sharp({ create: { width: 2, height: 40_000, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(strip.length).toBeLessThan(4_000);
    const post = oneImagePost();
    fake.setFile(post.media_url!, { contentType: 'image/png', body: strip });

    // Before the limits this step ran for minutes past 3 GB: a run still going after a minute is stopped, and fails.
    const { child, done } = startSync(workspace, fakeEnvironment(fake), ['--only', 'instagram', '--ocr-max', '1']);
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const result = await done.finally(() => clearTimeout(deadline));
    expect(result.signal, 'the run was stopped after a minute').toBeNull();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const item = (await readArchive(workspace)).get(`instagram/${post.id}`)!.media[0]!;
    expect(item).toMatchObject({ status: 'mirrored', width: 2, height: 40_000 });
    expect(item.status === 'mirrored' && item.ocr).toBeFalsy();
    expect(result.summary!.ocr).toMatchObject({
      failed: [{ post: `instagram/${post.id}`, file: (item as { file: string }).file, reason: 'too narrow to read (2×40000 px; the long side at most 10× the short one)' }],
    });
    expect(result.stdout).toContain(`could not read instagram/${post.id}/`);
  });
});
