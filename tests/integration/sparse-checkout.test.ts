/**
 * The build job of the Publish workflow on a checkout without media, step by step, with real git: an
 * archive made by the real sync is committed into a repository of its own, cloned over file:// as the
 * workflow's actions/checkout does (`--filter=blob:none`, sparse, with the patterns publish.yml names), and
 * then the real sync, `npm run verify`, `git add`, and `scripts/publish/uncached-originals.ts` with
 * `git sparse-checkout add` run on that clone.
 *
 * The steps share one clone and run in order, as the job's steps do.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchivedPosts } from '#archive/archive-fs.ts';
import { postFolder } from '#archive/layout.ts';
import type { MirroredMedia, Post } from '#archive/post.ts';
import { fixtureData, MEDIA_404_POST, newMedia, newVideo } from '#fake-api/fixtures.ts';
import { startFakeApi, type FakeApi } from '#fake-api/server.ts';
import { workflowCheckout } from '#scripts/bench/clone.ts';
import { copiesShownFor } from '#site/lib/media.ts';
import { runScript } from '#tests/helpers/run-script.ts';
import { createWorkspace, fakeEnvironment, listFiles, REPO_ROOT, requests, runSync, type Workspace } from './harness.ts';

const VERIFY = path.join(REPO_ROOT, 'scripts/verify.ts');
const UNCACHED = path.join(REPO_ROOT, 'scripts/publish/uncached-originals.ts');
const UNREAD = path.join(REPO_ROOT, 'scripts/publish/unread-originals.ts');

/** The build job's checkout, as publish.yml says. */
const checkout = workflowCheckout();

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const mirrored = (post: Post) => post.media.filter((item): item is MirroredMedia => item.status === 'mirrored');
const mediaPaths = (posts: Iterable<Post>) => [...posts].flatMap((post) => mirrored(post).map((item) => `content/${postFolder(post.platform, post.id)}/${item.file}`)).sort();
const NEW_POSTS = ['youtube/NEWvideo001', 'instagram/18999999999999991'];

let fake: FakeApi;
let origin: Workspace;
let scratch: string;
let clone: string;
let content: string;
/** The archive as committed in the origin, before this run's sync. */
let committed: Post[];

beforeAll(async () => {
  fake = await startFakeApi(fixtureData);
  origin = await createWorkspace();
  const first = await runSync(origin, fakeEnvironment(fake));
  expect(first.code, first.stdout + first.stderr).toBe(0);
  committed = [...(await readArchivedPosts(origin.content)).posts.values()];
  git(origin.root, ['init', '-q', '-b', 'main']);
  git(origin.root, ['add', 'content']);
  git(origin.root, ['-c', 'user.name=test', '-c', 'user.email=test@localhost', 'commit', '-q', '-m', 'The archive']);
  // GitHub filters blobs for a partial clone; a local repository must be told to.
  git(origin.root, ['config', 'uploadpack.allowFilter', 'true']);

  scratch = await mkdtemp(path.join(tmpdir(), 'warta-sparse-'));
  clone = path.join(scratch, 'clone');
  content = path.join(clone, 'content');
  git(scratch, ['clone', '-q', '--no-local', '--depth', '1', `--filter=${checkout.filter}`, '--sparse', `file://${origin.root}`, clone]);
  git(clone, ['sparse-checkout', 'set', '--no-cone', '--stdin'], checkout.patterns.join('\n'));
});

afterAll(async () => {
  expect(fake.unexpected, 'requests the fake did not expect').toEqual([]);
  await fake.close();
  await origin.remove();
  await rm(scratch, { recursive: true, force: true });
});

describe('a run of the build job on a checkout without media', () => {
  it('checks out every post.json and not one media file, bytes included', async () => {
    expect(checkout.coneMode).toBe(false);
    expect(committed.length).toBeGreaterThan(30);
    const onDisk = await listFiles(content);
    expect(onDisk.filter((file) => !file.endsWith('.json'))).toEqual([]);
    expect(onDisk.filter((file) => file.endsWith('post.json'))).toHaveLength(committed.length);
    // Objects the clone holds (listing them fetches nothing): no media blob among them.
    const local = new Set(git(clone, ['cat-file', '--batch-all-objects', '--batch-check=%(objectname)']).trim().split('\n'));
    const mediaBlobs = git(clone, ['ls-files', '-s', '--', ...mediaPaths(committed)]).trim().split('\n').map((line) => line.split(' ')[1]!);
    expect(mediaBlobs).toHaveLength(mediaPaths(committed).length);
    expect(mediaBlobs.filter((blob) => local.has(blob))).toEqual([]);
  });

  it('syncs: downloads the new posts’ media only and leaves every archived file as it was', async () => {
    fake.data.youtube.videos.unshift(newVideo(fake.origin, { id: 'NEWvideo001' }));
    fake.data.instagram.media.unshift(newMedia(fake.origin, { id: '18999999999999991', kind: 'carousel', childCount: 3 }));
    const workspace = { ...origin, root: scratch, content, summaryFile: path.join(scratch, 'summary.json') };
    const result = await runSync(workspace, fakeEnvironment(fake));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.summary!.platforms.map((platform) => platform.new)).toEqual([1, 1]);
    // 1 poster + 3 carousel images, and one more try at the image that answered 404: nothing mirrored is fetched again.
    expect(requests(result, 'media')).toBe(5);
    const posts = (await readArchivedPosts(content)).posts;
    const fresh = NEW_POSTS.map((key) => posts.get(key)!);
    expect((await listFiles(content)).filter((file) => !file.endsWith('.json')).map((file) => `content/${file}`)).toEqual(mediaPaths(fresh));
    // Changed: archive.json (the sync time) and the post whose image answered 404 (one more attempt); new:
    // the two posts. No other post.json rewritten, nothing deleted.
    const retried = posts.get(`instagram/${MEDIA_404_POST}`)!;
    expect(git(clone, ['status', '--porcelain', '--untracked-files=all']).trimEnd().split('\n').sort()).toEqual(
      [' M content/archive.json', ` M content/${postFolder(retried.platform, retried.id)}/post.json`, ...[...NEW_POSTS.map((key) => `content/${postFolder(posts.get(key)!.platform, posts.get(key)!.id)}/post.json`), ...mediaPaths(fresh)].map((file) => `?? ${file}`)].sort(),
    );
  });

  it('verifies: hashes the media on disk (the new ones) and says how many it left unchecked', async () => {
    const result = await runScript(VERIFY, ['--content', content]);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `not checked: ${mediaPaths(committed).length} media files left out of this sparse checkout; git tracks each at the path post.json names, but its sha256 and dimensions need its bytes (a full checkout checks them)`,
      `verified ${committed.length + 2} posts, 4 media files`,
      '',
    ]);
  });

  it('commits: git add needs --sparse for the new media, and stages no deletion of the media left out', () => {
    const plain = spawnSync('git', ['add', '--all', 'content'], { cwd: clone, encoding: 'utf8' });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toContain('outside of your sparse-checkout definition');
    git(clone, ['add', '--sparse', '--all', 'content']);
    const staged = git(clone, ['diff', '--cached', '--name-status']).trim().split('\n');
    expect(staged.filter((line) => !/^[AM]\t/.test(line))).toEqual([]);
    expect(staged.filter((line) => line.startsWith('A\t') && !line.endsWith('post.json')).map((line) => line.slice(2))).toHaveLength(4);
    git(clone, ['-c', 'user.name=test', '-c', 'user.email=test@localhost', 'commit', '-q', '-m', 'sync']);
  });

  it('lists every original when the image cache is empty, and only the new posts’ when it holds the rest, on disk or not', async () => {
    const posts = [...(await readArchivedPosts(content)).posts.values()];
    const emptyCache = path.join(scratch, 'cache-empty');
    const cold = await runScript(UNCACHED, ['--content', content, '--cache', emptyCache]);
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout.trim().split('\n')).toEqual(mediaPaths(posts).map((file) => `/${file}`));

    const cache = path.join(scratch, 'cache');
    await mkdir(cache);
    const old = posts.filter((post) => !NEW_POSTS.includes(`${post.platform}/${post.id}`));
    for (const copy of copiesShownFor(old)) await writeFile(path.join(cache, copy.file), '');
    const warm = await runScript(UNCACHED, ['--content', content, '--cache', cache]);
    expect(warm.code, warm.stderr).toBe(0);
    const fresh = NEW_POSTS.map((key) => posts.find((post) => `${post.platform}/${post.id}` === key)!);
    // The new media are still on disk here, and must be listed all the same: the next test shows why.
    expect((await listFiles(content)).filter((file) => !file.endsWith('.json'))).toHaveLength(4);
    expect(warm.stdout.trim().split('\n')).toEqual(mediaPaths(fresh).map((file) => `/${file}`));
    // Two copies of the lead images (page and thumb), one of the others.
    expect(warm.stderr).toBe(`uncached-originals: 6 of ${copiesShownFor(posts).length} image copies are not in the cache; 4 original(s) listed\n`);
    await writeFile(path.join(scratch, 'uncached.txt'), warm.stdout);
  });

  it('verifies again once git has taken the new media out of the working tree (as a rebase does)', async () => {
    git(clone, ['sparse-checkout', 'reapply']);
    expect((await listFiles(content)).filter((file) => !file.endsWith('.json'))).toEqual([]);
    const result = await runScript(VERIFY, ['--content', content]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`not checked: ${mediaPaths(committed).length + 4} media files left out`);
    expect(result.stdout).toContain(`verified ${committed.length + 2} posts, 0 media files`);
  });

  it('fetches exactly the listed originals with git sparse-checkout add, with the bytes post.json records', async () => {
    git(clone, ['sparse-checkout', 'add', '--stdin'], await readFile(path.join(scratch, 'uncached.txt'), 'utf8'));
    const posts = (await readArchivedPosts(content)).posts;
    const fresh = NEW_POSTS.map((key) => posts.get(key)!);
    expect((await listFiles(content)).filter((file) => !file.endsWith('.json')).map((file) => `content/${file}`)).toEqual(mediaPaths(fresh));
    for (const post of fresh) {
      for (const item of mirrored(post)) expect(sha256(await readFile(path.join(content, postFolder(post.platform, post.id), item.file)))).toBe(item.sha256);
    }
    const result = await runScript(VERIFY, ['--content', content]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`verified ${committed.length + 2} posts, 4 media files`);
  });

  it('reads text in the images it fetched first (unread-originals.ts, newest first) and counts the others as not in this checkout', { timeout: 120_000 }, async () => {
    const posts = (await readArchivedPosts(content)).posts;
    const list = await runScript(UNREAD, ['--content', content, '--limit', '6']);
    expect(list.code, list.stderr).toBe(0);
    const all = mediaPaths(posts.values());
    expect(list.stderr).toBe(`unread-originals: ${all.length} image(s) not read yet; 6 listed\n`);
    const listed = list.stdout.trim().split('\n');
    const newestFirst = [...posts.values()].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    expect(listed).toEqual(mediaPaths(newestFirst).filter((file) => listed.includes(`/${file}`)).map((file) => `/${file}`));
    git(clone, ['sparse-checkout', 'add', '--stdin'], list.stdout);

    const workspace = { ...origin, root: scratch, content, summaryFile: path.join(scratch, 'summary.json') };
    const result = await runSync(workspace, fakeEnvironment(fake), ['--ocr-minutes', '5']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // The six listed and the new posts' four (on disk since the last step; some are among the six).
    const onDisk = (await listFiles(content)).filter((file) => !file.endsWith('.json'));
    expect(result.summary!.ocr).toMatchObject({ read: onDisk.length, failed: [], remaining: 0, absent: all.length - onDisk.length });
    expect(result.stdout).toContain(`${all.length - onDisk.length} not in this checkout`);
  });

  it('still finds a damaged file on disk, an orphan left out of the checkout, and a post.json left out', async () => {
    const posts = (await readArchivedPosts(content)).posts;
    const video = posts.get('youtube/NEWvideo001')!;
    const poster = `${postFolder(video.platform, video.id)}/${mirrored(video)[0]!.file}`;
    await writeFile(path.join(content, poster), 'not the image');
    // A file no post.json names, committed, then left out of the working tree.
    const someone = committed.find((candidate) => candidate.media.length > 0 && mirrored(candidate).length === candidate.media.length)!;
    const orphan = `${postFolder(someone.platform, someone.id)}/99.jpg`;
    await writeFile(path.join(content, orphan), 'stray');
    git(clone, ['add', '--sparse', `content/${orphan}`]);
    git(clone, ['-c', 'user.name=test', '-c', 'user.email=test@localhost', 'commit', '-q', '-m', 'an orphan']);
    // And a checkout that leaves out one post.json too.
    const other = committed.find((candidate) => candidate !== someone)!;
    const leftOut = `${postFolder(other.platform, other.id)}/post.json`;
    git(clone, ['sparse-checkout', 'add', `!/content/${leftOut}`]);
    expect(await readFile(path.join(content, orphan)).catch(() => 'gone')).toBe('gone');

    const result = await runScript(VERIFY, ['--content', content]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.find((line) => line.startsWith(`${content}/${poster}: `))).toMatch(/sha256 differs from post\.json/);
    expect(lines).toContain(`${content}/${orphan}: an orphan: no mirrored media item in post.json names it`);
    expect(lines).toContain(
      `${content}/${leftOut}: left out of this sparse checkout: verify reads every post.json, withdrawal and archive.json, so a checkout may leave out media files only`,
    );
  });
});
