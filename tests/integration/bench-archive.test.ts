/**
 * The benchmark's synthetic archive: valid by the archive's own checks (npm run verify's code), the same
 * bytes every time, and photos of real size, so that what the bench measures is what a real office has.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '#scripts/bench/synthetic-archive.ts';
import { verifyArchive } from '#scripts/verify/archive.ts';
import { listFiles } from './harness.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function archiveOf(count: number): Promise<{ dir: string; summary: Awaited<ReturnType<typeof writeSyntheticArchive>> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'warta-bench-test-'));
  folders.push(dir);
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
