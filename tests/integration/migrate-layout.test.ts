/**
 * `npm run migrate-layout` as staff run it, on a copy of the committed archive put back into the layout
 * before shards: everything moves into place with the same bytes, a second run does nothing, a run cut
 * short is finished by the next, and nothing moves while a sync holds the lock or a place is taken.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { runScript, type ScriptResult } from '#tests/helpers/run-script.ts';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readArchivedPosts, readWithdrawals } from '#archive/archive-fs.ts';
import { LOCK_FILE, POST_FILE, postFolder, POSTS_DIR, unshardedPostFolder, unshardedWithdrawalFile, withdrawalFile, WITHDRAWALS_DIR } from '#archive/layout.ts';
import type { Platform } from '#archive/post.ts';
import { startFakeApi } from '#fake-api/server.ts';
import { fixtureData } from '#fake-api/fixtures.ts';
import { createWorkspace, fakeEnvironment, REPO_ROOT, runSync } from './harness.ts';

const MIGRATE = path.join(REPO_ROOT, 'scripts/migrate-layout.ts');
const COMMITTED_CONTENT = path.join(REPO_ROOT, 'content');

/** What the committed archive holds: each post and withdrawal by platform and id. */
let posts: { platform: Platform; id: string }[];
let withdrawals: { platform: Platform; id: string }[];
let root: string;
let content: string;

beforeAll(async () => {
  posts = [...(await readArchivedPosts(COMMITTED_CONTENT)).posts.values()];
  withdrawals = (await readWithdrawals(COMMITTED_CONTENT)).withdrawals.map((entry) => entry.withdrawal);
  expect(posts.length).toBeGreaterThan(40);
  expect(withdrawals.length).toBeGreaterThan(0);
});

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'warta-migrate-'));
  content = path.join(root, 'content');
  await cp(COMMITTED_CONTENT, content, { recursive: true });
  await unmigrate(content);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Puts every post and withdrawal back where the layout before shards kept them, and drops the shards. */
async function unmigrate(dir: string): Promise<void> {
  for (const { platform, id } of posts) await rename(path.join(dir, postFolder(platform, id)), path.join(dir, unshardedPostFolder(platform, id)));
  for (const { platform, id } of withdrawals) await rename(path.join(dir, withdrawalFile(platform, id)), path.join(dir, unshardedWithdrawalFile(platform, id)));
  for (const top of [POSTS_DIR, WITHDRAWALS_DIR]) {
    for (const platform of await readdir(path.join(dir, top))) {
      for (const name of await readdir(path.join(dir, top, platform))) if (/^[0-9a-f]{2}$/.test(name)) await rmdir(path.join(dir, top, platform, name));
    }
  }
}

/** Every file below a folder with the sha256 of its bytes, by relative path ("/"). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((item) => item.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function migrate(dir: string): Promise<ScriptResult> {
  return runScript(MIGRATE, ['--content', dir]);
}

describe('npm run migrate-layout', () => {
  it('moves every post folder and withdrawal into its shard with the same bytes, and a second run does nothing', async () => {
    const before = await snapshot(content);
    // The old layout really is refused until the migration has run.
    await expect(readArchivedPosts(content)).rejects.toThrow(/npm run migrate-layout/);

    const first = await migrate(content);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const moved = posts.length + withdrawals.length;
    expect(first.stdout).toContain(`Moved ${moved} post folder(s) and withdrawal(s) of ${content} into their shards:`);
    const [post] = posts;
    expect(first.stdout).toContain(`  ${content}/${unshardedPostFolder(post!.platform, post!.id)} → ${content}/${postFolder(post!.platform, post!.id)}\n`);
    expect(first.stdout).toContain(`git add -A ${content} && git commit`);
    expect(first.stdout.split('\n').filter((line) => line.includes(' → '))).toHaveLength(moved);

    // The result is the committed archive exactly: same files, same bytes, each at its sharded path.
    const after = await snapshot(content);
    expect(after).toEqual(await snapshot(COMMITTED_CONTENT));
    expect(Object.values(after).sort()).toEqual(Object.values(before).sort());
    expect(after[`${postFolder(post!.platform, post!.id)}/${POST_FILE}`]).toBe(before[`${unshardedPostFolder(post!.platform, post!.id)}/${POST_FILE}`]);
    expect((await readArchivedPosts(content)).posts.size).toBe(posts.length);

    const second = await migrate(content);
    expect(second).toEqual({ code: 0, stdout: `${content} is already in the sharded layout: nothing to move.\n`, stderr: '' });
    expect(await snapshot(content)).toEqual(after);
  });

  it('finishes a run that was cut short: what moved stays, the rest follows', async () => {
    // A run killed mid-way: half the posts renamed into place, one more shard folder created but not filled.
    const half = posts.slice(0, Math.floor(posts.length / 2));
    for (const { platform, id } of half) {
      await mkdir(path.join(content, postFolder(platform, id), '..'), { recursive: true });
      await rename(path.join(content, unshardedPostFolder(platform, id)), path.join(content, postFolder(platform, id)));
    }
    const next = posts[half.length]!;
    await mkdir(path.join(content, postFolder(next.platform, next.id), '..'), { recursive: true });

    const result = await migrate(content);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Moved ${posts.length - half.length + withdrawals.length} post folder(s)`);
    expect(await snapshot(content)).toEqual(await snapshot(COMMITTED_CONTENT));
  });

  it('drops an old copy whose place already holds the same files', async () => {
    const [post] = posts;
    await cp(path.join(content, unshardedPostFolder(post!.platform, post!.id)), path.join(content, postFolder(post!.platform, post!.id)), { recursive: true });
    const result = await migrate(content);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`  ${content}/${unshardedPostFolder(post!.platform, post!.id)}: removed, the same files are already at ${content}/${postFolder(post!.platform, post!.id)}\n`);
    expect(await snapshot(content)).toEqual(await snapshot(COMMITTED_CONTENT));
  });

  it('moves nothing while a place is taken by different content', async () => {
    const [post] = posts;
    const place = path.join(content, postFolder(post!.platform, post!.id));
    await cp(path.join(content, unshardedPostFolder(post!.platform, post!.id)), place, { recursive: true });
    await writeFile(path.join(place, POST_FILE), '{}\n');
    const before = await snapshot(content);
    const result = await migrate(content);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^migrate-layout: .*${postFolder(post!.platform, post!.id)} already exists with content different from .*${unshardedPostFolder(post!.platform, post!.id)}\\. Compare the two`));
    expect(result.stdout).toBe('');
    expect(await snapshot(content)).toEqual(before);
  });

  it('refuses while a sync holds the lock, and leaves the lock alone', async () => {
    const lock = `${JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2026-03-02T04:00:00Z' })}\n`;
    await writeFile(path.join(content, LOCK_FILE), lock);
    const before = await snapshot(content);
    const result = await migrate(content);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`migrate-layout: The archive is locked: another sync holds content/${LOCK_FILE}: process ${process.pid}`);
    expect(result.stderr).toContain('Wait for the other sync to finish');
    expect(await snapshot(content)).toEqual(before);
  });
});

describe('an archive not yet migrated', () => {
  it('stops the sync before it writes anything, saying what to run', async () => {
    const fake = await startFakeApi(fixtureData);
    const workspace = await createWorkspace();
    try {
      await rm(workspace.content, { recursive: true });
      await cp(content, workspace.content, { recursive: true });
      const before = await snapshot(workspace.content);
      const result = await runSync(workspace, fakeEnvironment(fake));
      expect(result.code, result.stdout).toBe(1);
      expect(result.stdout).toContain('are not where their id puts them');
      expect(result.stdout).toMatch(/What to do: Run `npm run migrate-layout`, commit the moves \(git add -A content && git commit\), then sync again\./);
      expect(result.summary?.fatal).toMatchObject({ reason: 'configuration', platform: null });
      expect(fake.requests).toEqual([]);
      expect(await snapshot(workspace.content)).toEqual(before);
    } finally {
      await fake.close();
      await workspace.remove();
    }
  });
});
