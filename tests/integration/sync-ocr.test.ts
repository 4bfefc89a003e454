/**
 * Text in images, read by the real sync against the fake APIs (the sample's world, three posters
 * included): each mirrored image gets an `ocr` record keyed by its bytes' sha256; a run with a limit
 * leaves the rest for the next run, newest first; nothing is read twice; an image whose bytes change is
 * read again; and a reading is never an edit of the post.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST_FILE, postFolder } from '#archive/layout.ts';
import type { MirroredMedia, Post } from '#archive/post.ts';
import { startFakeApi, type FakeApi } from '#fake-api/server.ts';
import { fixtureData, LAST_SYNC_AT } from '#fake-api/fixtures.ts';
import { POSTER_ONLY_SEARCH_WORD } from '#scripts/sample/posts.ts';
import { TEST_POSTERS } from '#scripts/ocr/test-posters.ts';
import { renderPoster } from '#scripts/sample/posters.ts';
import { OCR_ENGINE } from '#scripts/ocr/engine.ts';
import { createWorkspace, fakeEnvironment, listFiles, readArchive, runSync, type Workspace } from './harness.ts';

let fake: FakeApi;
let workspace: Workspace;

beforeEach(async () => {
  workspace = await createWorkspace();
  fake = await startFakeApi((origin) => fixtureData(origin));
});
afterEach(async () => {
  expect(fake.unexpected, 'requests the fake did not expect').toEqual([]);
  await fake.close();
  await workspace.remove();
});

const env = () => fakeEnvironment(fake, { WARTA_SYNC_NOW: LAST_SYNC_AT });
/** Reading on, as in the workflow (the harness turns it off for the other sync tests). */
const READ = ['--ocr-minutes', '5'];
const mirrored = (posts: Map<string, Post>) => [...posts.values()].flatMap((post) => post.media.filter((item): item is MirroredMedia => item.status === 'mirrored'));

async function postFiles(): Promise<Map<string, string>> {
  const files = (await listFiles(workspace.content)).filter((file) => file.endsWith(`/${POST_FILE}`));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(workspace.content, file), 'utf8')] as const)));
}

describe('reading text in images at sync time', () => {
  it('reads a limited number per run, newest first, the rest on the next run, and nothing twice', { timeout: 240_000 }, async () => {
    const first = await runSync(workspace, env(), ['--full', '--ocr-max', '3']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    let posts = await readArchive(workspace);
    const images = mirrored(posts);
    expect(first.summary?.ocr).toMatchObject({ read: 3, failed: [], remaining: images.length - 3 });
    // The three read are the newest posts' images.
    const newestFirst = [...posts.values()].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    const readFirst = newestFirst.flatMap((post) => post.media.filter((item) => item.status === 'mirrored')).slice(0, 3);
    expect(readFirst.every((item) => item.status === 'mirrored' && item.ocr)).toBe(true);
    expect(first.stdout).toContain(`Text in images: 3 image(s) read, ${images.length - 3} left for the next run`);

    const second = await runSync(workspace, env(), READ);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.summary?.ocr).toMatchObject({ read: images.length - 3, failed: [], remaining: 0 });
    posts = await readArchive(workspace);
    for (const item of mirrored(posts)) {
      expect(item.ocr, item.file).toMatchObject({ engine: OCR_ENGINE, readAt: LAST_SYNC_AT, imageSha256: item.sha256 });
    }

    // The poster whose words are printed only in the image: its caption lacks them, its reading has them.
    const poster = [...posts.values()].find((post) => post.media.some((item) => item.status === 'mirrored' && item.ocr?.text.includes(POSTER_ONLY_SEARCH_WORD)));
    expect(poster, `a post whose image reads "${POSTER_ONLY_SEARCH_WORD}"`).toBeDefined();
    expect(poster!.text).not.toContain(POSTER_ONLY_SEARCH_WORD);
    const reading = (poster!.media[0] as MirroredMedia).ocr!;
    expect(reading.text.split('\n')).toContain('Halaman Kantor Camat Sayurmatinggi');
    expect(reading.confidence).toBeGreaterThan(80);
    // A landscape without letters reads as nothing, and says so.
    expect(mirrored(posts).filter((item) => item.ocr?.text === '').every((item) => item.ocr?.confidence === 0)).toBe(true);

    // A third run has nothing to read and writes no post file.
    const before = await postFiles();
    const third = await runSync(workspace, env(), READ);
    expect(third.code).toBe(0);
    expect(third.summary?.ocr).toMatchObject({ read: 0, reused: 0, remaining: 0 });
    expect(third.stdout).not.toContain('Text in images');
    expect(await postFiles()).toEqual(before);
  });

  it('reads an image again when its bytes change, without recording an edit', { timeout: 240_000 }, async () => {
    const first = await runSync(workspace, env(), ['--full', ...READ]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const posts = await readArchive(workspace);
    const post = [...posts.values()].find((candidate) => (candidate.media[0] as MirroredMedia | undefined)?.ocr?.text.includes(POSTER_ONLY_SEARCH_WORD))!;
    const folder = path.join(workspace.content, postFolder(post.platform, post.id));

    // Staff replace the poster's file with a corrected one and record its new hash.
    const replacement = await renderPoster(TEST_POSTERS.find((spec) => spec.seed === 'beasiswa')!);
    const item = post.media[0] as MirroredMedia;
    await writeFile(path.join(folder, item.file), replacement);
    const sha256 = createHash('sha256').update(replacement).digest('hex');
    const edited: Post = { ...post, media: [{ ...item, sha256 }, ...post.media.slice(1)] };
    await writeFile(path.join(folder, POST_FILE), `${JSON.stringify(edited, null, 2)}\n`);

    const second = await runSync(workspace, env(), READ);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.summary?.ocr).toMatchObject({ read: 1, failed: [] });
    expect(second.summary?.platforms.every((platform) => platform.edited === 0)).toBe(true);
    const after = (await readArchive(workspace)).get(`${post.platform}/${post.id}`)!;
    const reread = (after.media[0] as MirroredMedia).ocr!;
    expect(reread.imageSha256).toBe(sha256);
    expect(reread.text).toContain('Beasiswa Mahasiswa');
    expect(reread.text).not.toContain(POSTER_ONLY_SEARCH_WORD);
    expect(after.provenance.versions).toEqual(post.provenance.versions);
    expect(after.text).toBe(post.text);
  });
});
