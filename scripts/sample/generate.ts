/**
 * `npm run sample`: regenerates the SAMPLE ARCHIVE in `content/` by running the real sync
 * (`scripts/sync.ts`) against the fake YouTube and Instagram APIs of the tests, fed with the fixture
 * archive (`scripts/fake-api/fixtures.ts`, built from the invented posts in `posts.ts` with pictures
 * drawn by `artwork.ts`). So the sample is exactly what the sync writes.
 *
 * The sync runs once per instant of the fixture timeline, with its clock fixed to that instant
 * (WARTA_SYNC_NOW) and the fake APIs showing the state of that moment: posts appear, two are edited,
 * two disappear, a broadcast goes live and ends. Every run is a full reconcile, as a daily CI run would be.
 * The result is deterministic: running it twice gives byte-identical files.
 *
 * The new archive is built in `content/sample.tmp/` and swapped in only when every run succeeded; then
 * `archive.json` gets `"sample": true`, so every page of the site says that this is sample data.
 */
import { spawn } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchiveState, writeArchiveState } from '#archive/archive-fs.ts';
import { ARCHIVE_STATE_FILE, EMPTY_ARCHIVE_STATE, POSTS_DIR } from '#archive/layout.ts';
import { fixtureDataAt, fixtureTimeline } from '#fake-api/fixtures.ts';
import { syncEnvironment } from '#fake-api/sync-environment.ts';
import { startFakeApi } from '#fake-api/server.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT_DIR = join(REPO_ROOT, 'content');
// Built here and swapped in; `*.tmp` is ignored by git.
const STAGING_DIR = join(CONTENT_DIR, 'sample.tmp');

function runSync(content: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/sync.ts'), '--full', '--content', content, '--summary', join(STAGING_DIR, '..', 'sample-summary.tmp')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

async function main(): Promise<void> {
  const timeline = fixtureTimeline();
  const fake = await startFakeApi((origin) => fixtureDataAt(origin, timeline[0]!.at));
  try {
    await rm(STAGING_DIR, { recursive: true, force: true });
    await mkdir(STAGING_DIR, { recursive: true });
    await writeArchiveState(STAGING_DIR, { ...EMPTY_ARCHIVE_STATE, sample: true });
    for (const [index, entry] of timeline.entries()) {
      fake.data = fixtureDataAt(fake.origin, entry.at);
      const result = await runSync(STAGING_DIR, syncEnvironment(fake, { WARTA_SYNC_NOW: entry.at }));
      if (result.code !== 0) throw new Error(`The sync run at ${entry.at} failed (exit ${result.code}):\n${result.output}`);
      process.stdout.write(`\r${index + 1}/${timeline.length} sync runs (${entry.at})`);
    }
    process.stdout.write('\n');
    if (fake.unexpected.length) throw new Error(`The sync made requests the fake API did not expect: ${JSON.stringify(fake.unexpected, null, 1)}`);
  } finally {
    await fake.close();
  }

  // Keep the sample flag and what the transparency page shows (the last full check, each account's
  // history walk); drop what only a real deployment should remember (the uploads playlist, the token's expiry).
  const state = await readArchiveState(STAGING_DIR);
  await writeArchiveState(STAGING_DIR, {
    schemaVersion: 1,
    sample: true,
    lastSyncAt: state.lastSyncAt,
    lastFullSyncAt: state.lastFullSyncAt,
    history: state.history,
  });
  await rm(join(CONTENT_DIR, POSTS_DIR), { recursive: true, force: true });
  await rename(join(STAGING_DIR, POSTS_DIR), join(CONTENT_DIR, POSTS_DIR));
  await rename(join(STAGING_DIR, ARCHIVE_STATE_FILE), join(CONTENT_DIR, ARCHIVE_STATE_FILE));
  await rm(STAGING_DIR, { recursive: true, force: true });
  await rm(join(CONTENT_DIR, 'sample-summary.tmp'), { force: true });
  console.log(`Sample archive written to content/ by ${timeline.length} sync runs.`);
}

await main();
