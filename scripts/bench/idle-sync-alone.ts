/**
 * `node scripts/bench/idle-sync-alone.ts --archive DIR [--posts 10000] [--runs 3] [--work DIR] [--profile] [--now ISO] [--again]`:
 * the bench's idle sync alone, over a synthetic archive drawn by `npm run bench` (e.g.
 * /tmp/warta-bench/archive-10000-v4). Each run syncs a fresh linked copy of the archive (`cp -al`, as the
 * bench does: the sync replaces files by rename, so the archive itself is never written), then prints
 * its time, requests and changes, and the median. `--profile` writes a CPU profile of each sync into
 * the work folder; `--now` fixes the sync's clock (WARTA_SYNC_NOW), so that two versions of the sync can
 * be compared file by file; `--again` syncs the first run's content/ again in the later runs (the pending
 * media it retried are not due yet: the idlest case). The last run's content/ is left in the work folder.
 */
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { idleSync } from './idle-sync.ts';
import { linkCopy } from './projects.ts';
import { syntheticPosts } from './synthetic-archive.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    posts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string', default: join(tmpdir(), 'warta-idle-sync') },
    profile: { type: 'boolean', default: false },
    now: { type: 'string' },
    again: { type: 'boolean', default: false },
  },
  strict: true,
});
if (!values.archive) {
  console.error('idle-sync-alone: --archive DIR is required (a synthetic archive drawn by `npm run bench`).');
  process.exit(1);
}
const archiveDir = resolve(values.archive);
const workDir = resolve(values.work);
const posts = syntheticPosts(Number(values.posts));
await mkdir(workDir, { recursive: true });
const seconds: number[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
  const content = join(workDir, 'content');
  if (run === 1 || !values.again) {
    await rm(content, { recursive: true, force: true });
    linkCopy(archiveDir, content);
  }
  const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(workDir, 'profiles')}`] : [];
  const measured = await idleSync(REPO_ROOT, content, posts, workDir, { nodeArgs, now: values.now });
  seconds.push(measured.seconds);
  console.log(`run ${run}: ${measured.seconds.toFixed(2)} s, exit ${measured.exitCode}, requests ${JSON.stringify(measured.requests)}, ${measured.newPosts} new, ${measured.updated} updated`);
}
const sorted = [...seconds].sort((a, b) => a - b);
console.log(`median of ${sorted.length}: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s (summary of the last run: ${join(workDir, 'idle-sync-summary.json')})`);
