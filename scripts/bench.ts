/**
 * `npm run bench [-- --posts N] [--work DIR] [--json FILE]`: Warta at a regency's real size, measured
 * in one run on this machine. It writes a deterministic synthetic archive of N posts (default 10,000;
 * photo-like JPEGs of real size) into DIR (default: the system temp folder; never content/), then
 * measures a cold build, a build with nothing changed, a build after one new post (warm caches), the
 * floor (a bare Astro project rendering as many pages from the same collection), peak memory of each,
 * dist/ by folder, a first search in Chromium, an idle sync over the whole archive against the fake
 * APIs, `npm run verify`, and a CI checkout of the archive (full and without media). It prints a table
 * and writes the figures as JSON.
 *
 * The archive is kept in DIR and reused by later runs with the same N (it takes minutes to draw;
 * `--archive-only` draws it and stops).
 */
// First: a mistake in the site configuration, found as it loads, stops with its message alone.
import './shared/stop-friendly.ts';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { siteConfig } from '#site/site.config.ts';
import { folderSizes } from '#site/integrations/host-limit.ts';
import { postDirectory, writePost } from '#archive/archive-fs.ts';
import type { Post } from '#archive/post.ts';
import { cloneCosts } from './bench/clone.ts';
import { idleSync } from './bench/idle-sync.ts';
import { measure, type Measured } from './bench/measure.ts';
import { photoJpeg } from './bench/photo.ts';
import { floorProject, linkCopy, wartaProject } from './bench/projects.ts';
import { firstSearch } from './bench/search.ts';
import { INSTAGRAM_ACCOUNT, syntheticPosts, writeSyntheticArchive } from './bench/synthetic-archive.ts';
import { createHash } from 'node:crypto';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bump when the generator changes, so a kept archive of the old shape is not reused. */
const ARCHIVE_VERSION = 5;
const SEARCH_QUERY = 'vaksinasi';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    work: { type: 'string' },
    json: { type: 'string' },
    // Draw (or check) the archive and stop: the 10,000-post archive takes a while, and can be drawn ahead.
    'archive-only': { type: 'boolean', default: false },
  },
  strict: true,
});
const posts = Number(values.posts);
if (!Number.isInteger(posts) || posts < 10) {
  console.error('bench: --posts must be a whole number of at least 10.');
  process.exit(1);
}
const workDir = resolve(values.work ?? join(tmpdir(), 'warta-bench'));
const jsonFile = resolve(values.json ?? join(REPO_ROOT, '.cache', 'bench', `bench-${posts}.json`));
const log = (text: string) => console.log(`bench: ${text}`);

async function countPages(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith('.html')).length;
}

const astro = (project: string, logName: string): Promise<Measured> =>
  measure(process.execPath, [join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    log: join(workDir, `${logName}.log`),
  });

function check(step: string, result: Measured): Measured {
  if (result.exitCode !== 0) throw new Error(`${step} failed (exit ${result.exitCode}); see ${join(workDir, `${step}.log`)}`);
  log(`${step}: ${result.seconds.toFixed(1)} s, peak ${(result.peakRssBytes / 2 ** 30).toFixed(2)} GiB`);
  return result;
}

/** One new Instagram carousel of three new photos, newer than everything, as a sync would add it. */
async function addOnePost(contentDir: string): Promise<void> {
  const id = '19999999999999999';
  const at = '2026-12-01T03:00:00Z';
  const media = [];
  for (const n of [1, 2, 3]) {
    const bytes = await photoJpeg({ seed: `bench-new/${n}`, width: 1080, height: 1350 });
    const folder = postDirectory(contentDir, 'instagram', id);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${n}.jpg`), bytes);
    media.push({ status: 'mirrored' as const, role: 'image' as const, file: `${n}.jpg`, width: 1080, height: 1350, sha256: createHash('sha256').update(bytes).digest('hex'), mirroredAt: at });
  }
  const text = 'Jadwal vaksinasi campak di Batang Toru pekan depan. Simak informasi berikut.\n\n#Tapsel #Vaksinasi';
  const post: Post = {
    schemaVersion: 1,
    platform: 'instagram',
    id,
    account: INSTAGRAM_ACCOUNT,
    permalink: 'https://www.instagram.com/p/BNEWPOSTx/',
    kind: 'carousel',
    title: 'Jadwal vaksinasi campak di Batang Toru pekan depan. Simak informasi berikut.',
    text,
    hashtags: ['tapsel', 'vaksinasi'],
    publishedAt: at,
    media,
    provenance: { source: 'instagram-graph-api', firstSeenAt: at, lastSeenAt: at, versions: [] },
  };
  await writePost(contentDir, post);
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  await mkdir(workDir, { recursive: true });
  const archiveDir = join(workDir, `archive-${posts}-v${ARCHIVE_VERSION}`);
  // Beside the archive, not in it: content/ holds only what the archive format allows.
  const marker = `${archiveDir}.complete.json`;
  let generated: Record<string, unknown> | undefined;
  if (!existsSync(marker)) {
    await rm(archiveDir, { recursive: true, force: true });
    await mkdir(archiveDir, { recursive: true });
    log(`writing a synthetic archive of ${posts} posts to ${archiveDir}`);
    const started = Date.now();
    const summary = await writeSyntheticArchive(archiveDir, posts, (text) => process.stdout.write(`\rbench: ${text}   `));
    process.stdout.write('\n');
    generated = { ...summary, seconds: (Date.now() - started) / 1000 };
    await writeFile(marker, `${JSON.stringify(generated)}\n`);
  } else {
    log(`reusing the synthetic archive in ${archiveDir}`);
  }
  const archiveFiles = await folderSizes(archiveDir);
  if (values['archive-only']) {
    log(`archive ready: ${archiveFiles.reduce((sum, folder) => sum + folder.files, 0)} files in ${archiveDir}`);
    return;
  }

  const project = join(workDir, 'warta');
  await wartaProject(REPO_ROOT, project, archiveDir);
  const cold = check('cold-build', await astro(project, 'cold-build'));
  const dist = join(project, 'dist');
  const distFolders = await folderSizes(dist);
  const pages = await countPages(dist);
  const unchanged = check('unchanged-build', await astro(project, 'unchanged-build'));
  await addOnePost(join(project, 'content'));
  const onePost = check('one-post-build', await astro(project, 'one-post-build'));

  const floorDir = join(workDir, 'floor');
  await floorProject(REPO_ROOT, floorDir, archiveDir, pages);
  const floor = check('floor-build', await astro(floorDir, 'floor-build'));
  const floorPages = await countPages(join(floorDir, 'dist'));

  log(`first search for "${SEARCH_QUERY}" in Chromium`);
  const search = await firstSearch(dist, new URL(siteConfig.baseUrl).pathname, SEARCH_QUERY);

  const syncContent = join(workDir, 'sync-content');
  await rm(syncContent, { recursive: true, force: true });
  linkCopy(archiveDir, syncContent);
  log('idle sync against the fake APIs');
  const sync = await idleSync(REPO_ROOT, syncContent, syntheticPosts(posts), workDir);

  const verify = await measure(process.execPath, [join(REPO_ROOT, 'scripts/verify.ts'), '--content', archiveDir], { cwd: REPO_ROOT, log: join(workDir, 'verify.log') });

  log('cloning the archive as CI checks it out (committing it first, once)');
  const clone = await cloneCosts(archiveDir, workDir);

  const distBytes = distFolders.reduce((sum, folder) => sum + folder.bytes, 0);
  const distFiles = distFolders.reduce((sum, folder) => sum + folder.files, 0);
  const report = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version },
    posts,
    archive: { generated, bytes: archiveFiles.reduce((sum, folder) => sum + folder.bytes, 0), files: archiveFiles.reduce((sum, folder) => sum + folder.files, 0) },
    builds: { cold, unchanged, onePost, floor },
    pages,
    floorPages,
    dist: { bytes: distBytes, files: distFiles, folders: distFolders },
    search,
    idleSync: sync,
    verify,
    clone,
  };
  await mkdir(dirname(jsonFile), { recursive: true });
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);

  const rows: [string, string][] = [
    ['posts / pages (floor pages)', `${posts} / ${pages} (${floorPages})`],
    ['archive', `${mb(report.archive.bytes)} in ${report.archive.files} files`],
    ['cold build', `${cold.seconds.toFixed(1)} s, peak ${gib(cold.peakRssBytes)}`],
    ['build, nothing changed', `${unchanged.seconds.toFixed(1)} s, peak ${gib(unchanged.peakRssBytes)}`],
    ['build, one new post', `${onePost.seconds.toFixed(1)} s, peak ${gib(onePost.peakRssBytes)} (${(onePost.seconds / floor.seconds).toFixed(2)}× the floor)`],
    ['floor (bare Astro, same pages)', `${floor.seconds.toFixed(1)} s, peak ${gib(floor.peakRssBytes)}`],
    ['dist/', `${mb(distBytes)} in ${distFiles} files`],
    ...distFolders.slice(0, 8).map(({ folder, bytes, files }) => [`  ${folder}`, `${mb(bytes)} in ${files} files`] as [string, string]),
    ['first search (cold)', `${kb(search.gzipBytes)} gzip in ${search.requests} requests: ${kb(search.pagefindGzipBytes)} Pagefind, ${kb(search.imageBytes)} result images; first result after ${search.secondsToFirstResult.toFixed(2)} s (median of ${search.runSeconds.length} cold runs, ${search.runSeconds[0]!.toFixed(2)}–${search.runSeconds.at(-1)!.toFixed(2)} s)`],
    ['idle sync', `${sync.seconds.toFixed(1)} s, exit ${sync.exitCode}, requests ${JSON.stringify(sync.requests)}, ${sync.newPosts} new, ${sync.updated} updated`],
    ['npm run verify', `${verify.seconds.toFixed(1)} s, exit ${verify.exitCode}, peak ${gib(verify.peakRssBytes)}`],
    ['clone, depth 1', `${clone.full!.seconds.toFixed(1)} s, ${mb(clone.full!.bytes)} on disk`],
    ['clone, depth 1, no media', `${clone.sparse.seconds.toFixed(1)} s, ${mb(clone.sparse.bytes)} on disk (partial, sparse: the workflow's patterns)`],
    ['  npm run verify on it', `${clone.sparse.verify.seconds.toFixed(1)} s, exit ${clone.sparse.verify.exitCode}`],
    ['  + one post\'s originals', `${clone.sparse.onePost.seconds.toFixed(1)} s for ${clone.sparse.onePost.originals} originals, ${mb(clone.sparse.onePost.fetchedBytes)} fetched`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nWarta at ${posts} posts (${cpus().length} cores, ${gib(totalmem())}):`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log(`\nFigures written to ${jsonFile}`);
}

await main();
