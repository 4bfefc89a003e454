/**
 * The benchmark's synthetic archive: valid by the archive's own checks (npm run verify's code), the same
 * bytes every time, and photos of real size, so that what the bench measures is what a real office has;
 * and its idle sync, which must find nothing to do.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idleSync } from '#scripts/bench/idle-sync.ts';
import { syntheticPosts, writeSyntheticArchive } from '#scripts/bench/synthetic-archive.ts';
import { verifyArchive } from '#scripts/verify/archive.ts';
import { listFiles, REPO_ROOT } from './harness.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function archiveOf(count: number): Promise<{ dir: string; summary: Awaited<ReturnType<typeof writeSyntheticArchive>> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'warta-bench-test-'));
  folders.push(dir, `${dir}-work`);
  return { dir, summary: await writeSyntheticArchive(dir, count) };
}

async function fingerprint(dir: string): Promise<string[]> {
  const files = await listFiles(dir);
  return Promise.all(files.map(async (file) => `${file} ${createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex')}`));
}

describe('the synthetic archive', () => {
  it('passes verify, is deterministic, and has photos of real size', async () => {
    const [first, second] = [await archiveOf(40), await archiveOf(40)];
    expect(first.summary).toMatchObject({ posts: 40, youtube: 18, instagram: 22 });
    expect(first.summary.images / first.summary.posts).toBeGreaterThan(1.1);
    const report = await verifyArchive(first.dir);
    expect(report.problems).toEqual([]);
    expect(report.posts).toBe(40);
    expect(await fingerprint(second.dir)).toEqual(await fingerprint(first.dir));
    const perImage = first.summary.imageBytes / first.summary.images;
    expect(perImage).toBeGreaterThan(100_000);
    expect(perImage).toBeLessThan(320_000);
  });
});

describe('the idle sync', () => {
  it('changes no post of an archive the fake APIs show as it is, at one listing request per account', async () => {
    const { dir } = await archiveOf(12);
    const before = await fingerprint(dir);
    const posts = syntheticPosts(12);
    expect(posts.some((post) => post.media.some((item) => item.status === 'pending'))).toBe(false);
    const first = await idleSync(REPO_ROOT, dir, posts, `${dir}-work`);
    // The uploads playlist is looked up once, then remembered in archive.json.
    expect(first).toMatchObject({ exitCode: 0, newPosts: 0, updated: 0, requests: { 'youtube.channels': 1, 'youtube.playlistItems': 1, 'instagram.media': 1 } });
    expect(Object.keys(first.requests).sort()).toEqual(['instagram.media', 'youtube.channels', 'youtube.playlistItems']);
    const second = await idleSync(REPO_ROOT, dir, posts, `${dir}-work`);
    expect(second.requests).toEqual({ 'youtube.playlistItems': 1, 'instagram.media': 1 });
    const changed = (await fingerprint(dir)).filter((line) => !before.includes(line)).map((line) => line.split(' ')[0]);
    expect(changed).toEqual(['archive.json']);
  });
});
