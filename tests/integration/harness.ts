/**
 * Runs the real sync command (`node scripts/sync.ts`) as a child process against the fake API server,
 * on a throwaway archive folder: the same code path staff and CI use, environment variables included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect } from 'vitest';
import { startFakeApi, type FakeApi, type FakeData } from '#fake-api/server.ts';
import { fixtureData } from '#fake-api/fixtures.ts';
import { syncEnvironment } from '#fake-api/sync-environment.ts';
import { readArchivedPosts } from '#archive/archive-fs.ts';
import type { SyncSummary } from '#scripts/shared/sync-summary.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYNC = path.join(REPO_ROOT, 'scripts/sync.ts');

export interface Workspace {
  root: string;
  content: string;
  summaryFile: string;
  remove(): Promise<void>;
}

/** A fresh, real (not sample) archive: an empty content/ with archive.json. */
export async function createWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'warta-sync-'));
  const content = path.join(root, 'content');
  await mkdir(content);
  await writeFile(path.join(content, 'archive.json'), `${JSON.stringify({ schemaVersion: 1, sample: false, lastSyncAt: null }, null, 2)}\n`);
  return { root, content, summaryFile: path.join(root, 'summary.json'), remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Each test of the calling file gets a fresh workspace and a fake API built by `build` (default: the
 * fixture archive), and fails on any request the fake did not expect.
 */
export function useFakeWorld(build: (origin: string) => FakeData = fixtureData): { readonly fake: FakeApi; readonly workspace: Workspace } {
  const world = {} as { fake: FakeApi; workspace: Workspace };
  beforeEach(async () => {
    world.workspace = await createWorkspace();
    world.fake = await startFakeApi(build);
  });
  afterEach(async () => {
    expect(world.fake.unexpected, 'requests the fake did not expect').toEqual([]);
    await world.fake.close();
    await world.workspace.remove();
  });
  return world;
}

/** The sync's environment for the fake: credentials, API roots, short timeouts and retry pauses. */
export function fakeEnvironment(fake: FakeApi, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return syncEnvironment(fake, { WARTA_HTTP_TIMEOUT_MS: '1500', ...overrides });
}

export interface SyncResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  summary: SyncSummary | undefined;
}

export function startSync(workspace: Workspace, env: Record<string, string>, args: string[] = []): { child: ChildProcess; done: Promise<SyncResult> } {
  const startedAt = Date.now() - 1;
  // Reading text in images has tests of its own (sync-ocr.test.ts); elsewhere it would only add minutes.
  const ocr = args.some((arg) => arg.startsWith('--ocr-')) ? [] : ['--ocr-minutes', '0'];
  const child = spawn(process.execPath, [SYNC, '--content', workspace.content, '--summary', workspace.summaryFile, ...ocr, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<SyncResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      let summary: SyncSummary | undefined;
      try {
        const file = await stat(workspace.summaryFile);
        if (file.mtimeMs >= startedAt) summary = JSON.parse(await readFile(workspace.summaryFile, 'utf8')) as SyncSummary;
      } catch {
        summary = undefined;
      }
      resolve({ code, signal, stdout, stderr, summary });
    });
  });
  return { child, done };
}

export async function runSync(workspace: Workspace, env: Record<string, string>, args: string[] = []): Promise<SyncResult> {
  await rm(workspace.summaryFile, { force: true });
  return startSync(workspace, env, args).done;
}

/** Every file under a folder (relative paths), for "nothing else was written" checks. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The archive as the site will read it; fails the test on any invalid file. */
export async function readArchive(workspace: Workspace) {
  const archive = await readArchivedPosts(workspace.content);
  if (archive.problems.length) throw new Error(`invalid archive files: ${JSON.stringify(archive.problems)}`);
  return archive.posts;
}

/** Requests the summary counted for one endpoint. */
export function requests(result: SyncResult, endpoint: string): number {
  return result.summary?.requests[endpoint] ?? 0;
}
