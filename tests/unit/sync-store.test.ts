import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FatalSyncError, ItemError } from '#sync/errors.ts';
import {
  postDirectory,
  readArchivedPosts,
  readWithdrawals,
  removeStaleTempFiles,
  serializePost,
  writeArchiveState,
  writeFileAtomic,
  writePost,
} from '#archive/archive-fs.ts';
import { readArchiveStateOrStop as readArchiveState } from '#sync/archive-state.ts';
import { acquireLock } from '#sync/lock.ts';
import type { Post } from '#archive/post.ts';
import { MisplacedFilesError } from '#archive/errors.ts';
import { POST_FILE, postFolder, shardOf, unshardedPostFolder, unshardedWithdrawalFile, withdrawalFile } from '#archive/layout.ts';
import { makePost, makeVideo, valid } from '../fixtures/posts.ts';
import { FILES_AT_ONCE } from '#site/utils/in-turns.ts';
import { caught } from '../helpers/caught.ts';

let contentDir: string;

beforeEach(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'warta-store-'));
});

afterEach(async () => {
  await rm(contentDir, { recursive: true, force: true });
});


/** Writes a file at a path relative to the content folder, creating its folders. */
async function put(relativePath: string, text: string): Promise<string> {
  const path = join(contentDir, relativePath);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

/** The pid of a process that has exited (a real dead pid on this machine). */
async function exitedProcessPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', async () => {
    const path = join(contentDir, 'archive.json');
    await writeFileAtomic(path, 'old\n');
    const oldInode = (await stat(path)).ino;
    await writeFileAtomic(path, 'new\n');
    // A new inode: the file was replaced by a rename, not rewritten in place (which a crash could cut short).
    expect((await stat(path)).ino).not.toBe(oldInode);
    await writeFileAtomic(join(contentDir, 'bytes.bin'), new Uint8Array([0, 1, 2]));
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect([...(await readFile(join(contentDir, 'bytes.bin')))]).toEqual([0, 1, 2]);
    expect((await readdir(contentDir)).sort()).toEqual(['archive.json', 'bytes.bin']);
  });

  it('leaves the old file and no temp file when the write fails', async () => {
    const path = join(contentDir, 'target');
    await mkdir(path); // renaming a file over a folder fails after the temp file was written
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow();
    expect(await readdir(contentDir)).toEqual(['target']);
    expect((await stat(path)).isDirectory()).toBe(true);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files a killed run left, and nothing else; such files are never read as posts', async () => {
    const post = valid(makePost());
    await writePost(contentDir, post);
    const folder = postFolder(post.platform, post.id);
    const leftovers = [
      await put(`${folder}/.post.json.4242.a1b2c3d4e5f6.tmp`, '{"schemaVersion": 1, "platf'),
      await put(`${folder}/.1.jpg.4242.00ff00ff00ff.tmp`, 'half an image'),
      await put('.archive.json.4242.abcdef012345.tmp', '{'),
      // Not where a sync writes, but the sweep looks at every level under posts/.
      await put(`posts/instagram/${shardOf(post.id)}/.stray.json.4242.0a0b0c0d0e0f.tmp`, ''),
      // A folder that only holds a half-written first post.json: a killed run before the rename.
      await put(`${postFolder('youtube', 'dQw4w9WgXcQ')}/.post.json.77.0123456789ab.tmp`, '{"id": "dQw4w9WgXcQ"'),
    ];
    const kept = [await put(`${folder}/notes.tmp`, 'a person’s file'), await put(`${folder}/.hidden`, '')];

    const before = await readArchivedPosts(contentDir);
    expect([...before.posts.keys()]).toEqual(['instagram/17895695668004550']);
    expect(before.problems).toEqual([]);

    expect((await removeStaleTempFiles(contentDir)).sort()).toEqual(leftovers.sort());
    for (const path of leftovers) await expect(stat(path)).rejects.toThrow(/ENOENT/);
    for (const path of kept) await expect(stat(path)).resolves.toBeTruthy();
    expect(await readFile(join(contentDir, folder, 'post.json'), 'utf8')).toBe(serializePost(post));
    expect(await removeStaleTempFiles(contentDir)).toEqual([]);
  });

  it('copes with an archive that has no posts folder yet', async () => {
    expect(await removeStaleTempFiles(contentDir)).toEqual([]);
    expect(await removeStaleTempFiles(join(contentDir, 'missing'))).toEqual([]);
  });
});

describe('acquireLock', () => {
  const lockPath = () => join(contentDir, '.sync.lock');
  let deadPid: number;

  beforeAll(async () => {
    deadPid = await exitedProcessPid();
  });

  it('writes who holds the lock, refuses a second holder, and release removes it', async () => {
    const lock = await acquireLock(contentDir, () => new Date('2026-11-20T10:00:00Z'));
    expect(lock.path).toBe(lockPath());
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toEqual({ pid: process.pid, hostname: hostname(), startedAt: '2026-11-20T10:00:00.000Z' });

    const error = await caught(acquireLock(contentDir));
    expect(error).toBeInstanceOf(FatalSyncError);
    expect((error as FatalSyncError).reason).toBe('locked');
    expect(error.message).toContain(`process ${process.pid} on ${hostname()}, started at 2026-11-20T10:00:00.000Z`);
    expect((error as FatalSyncError).action).toBe('Wait for the other sync to finish; if none is running, delete content/.sync.lock');

    await lock.release();
    await expect(stat(lockPath())).rejects.toThrow(/ENOENT/);
    await lock.release(); // twice is harmless
    const again = await acquireLock(contentDir);
    await again.release();
  });

  it('takes over the lock of a process on this host that has died', async () => {
    const pid = deadPid;
    await writeFile(lockPath(), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-11-20T09:00:00.000Z' }));
    const lock = await acquireLock(contentDir);
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('does not take over a lock from another host, even with a dead pid', async () => {
    const pid = deadPid;
    await writeFile(lockPath(), JSON.stringify({ pid, hostname: 'ci-runner-elsewhere', startedAt: '2026-11-20T09:00:00.000Z' }));
    const error = await caught(acquireLock(contentDir));
    expect((error as FatalSyncError).reason).toBe('locked');
    expect(error.message).toContain(`process ${pid} on ci-runner-elsewhere`);
  });

  it('takes over an unreadable lock only when it is older than 6 hours', async () => {
    await writeFile(lockPath(), '{"pid": 12');
    const error = await caught(acquireLock(contentDir));
    expect((error as FatalSyncError).reason).toBe('locked');
    expect(error.message).toMatch(/cannot be read/);
    // The injectable clock only stamps startedAt: a far-future "now" must not make a fresh lock look old.
    expect((await caught(acquireLock(contentDir, () => new Date('2099-01-01T00:00:00Z')))).message).toMatch(/cannot be read/);

    const sevenHoursAgo = new Date(Date.now() - 7 * 60 * 60 * 1000);
    await utimes(lockPath(), sevenHoursAgo, sevenHoursAgo);
    const lock = await acquireLock(contentDir);
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('lets exactly one of five racing acquisitions win, with or without a stale lock present', async () => {
    // Many rounds with staggered starts, so that one run's removal of the stale lock can land after
    // another run already took a fresh one (the race a naive "remove, then create" loses).
    for (let round = 0; round < 30; round++) {
      const stale = round % 3 !== 0;
      if (stale) await writeFile(lockPath(), JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: '2026-11-20T09:00:00.000Z' }));
      const starts = Array.from({ length: 5 }, (_, index) => (round * 7 + index * 3) % 4);
      const results = await Promise.allSettled(starts.map(async (ms) => {
        await delay(ms);
        return acquireLock(contentDir);
      }));
      const winners = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const losers = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      expect(winners, `round ${round}, ${stale ? 'with' : 'without'} a stale lock`).toHaveLength(1);
      expect(losers.every((reason) => reason instanceof FatalSyncError && reason.reason === 'locked')).toBe(true);
      await winners[0]!.release();
      expect(await readdir(contentDir)).toEqual([]);
    }
  });

  it('does not remove a lock that another sync took after ours was broken', async () => {
    const lock = await acquireLock(contentDir);
    await writeFile(lockPath(), JSON.stringify({ pid: 1, hostname: 'elsewhere', startedAt: '2026-11-20T09:00:00.000Z' }));
    await lock.release();
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).hostname).toBe('elsewhere');
  });

  it('says so when the content folder does not exist', async () => {
    const error = await caught(acquireLock(join(contentDir, 'missing')));
    expect((error as FatalSyncError).reason).toBe('configuration');
  });
});

describe('posts', () => {
  it('serializes in schema key order, 2-space JSON with a final newline, and round-trips', () => {
    const post = valid(makeVideo({ live: undefined }));
    const shuffled = Object.fromEntries(Object.entries(post).reverse()) as Post;
    const text = serializePost(shuffled);
    expect(text).toBe(serializePost(post));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text).toContain('\n  "schemaVersion": 1,\n  "platform": "youtube",\n  "id": "dQw4w9WgXcQ",\n');
    expect(text).not.toContain('"live"');
    expect(Object.keys(JSON.parse(text))).toEqual([
      'schemaVersion', 'platform', 'id', 'account', 'permalink', 'kind', 'title', 'text', 'hashtags',
      'publishedAt', 'durationSeconds', 'media', 'provenance',
    ]);
    expect(JSON.parse(text)).toEqual(post);
    expect(serializePost(JSON.parse(text) as Post)).toBe(text);
  });

  it('refuses to serialize an invalid post, naming it', () => {
    expect(() => serializePost(makeVideo({ title: '' }))).toThrow(ItemError);
    expect(() => serializePost(makeVideo({ title: '' }))).toThrow(/youtube\/dQw4w9WgXcQ.*title: a YouTube video always has a title/);
  });

  it('builds post folders only from valid ids', () => {
    expect(postDirectory('/c', 'youtube', 'dQw4w9WgXcQ')).toBe(join('/c', postFolder('youtube', 'dQw4w9WgXcQ')));
    expect(() => postDirectory('/c', 'instagram', '../../etc')).toThrow(/invalid instagram id/);
  });

  it('writes post.json, says whether it changed, and reads it back', async () => {
    const post = valid(makePost());
    expect(await writePost(contentDir, post)).toBe('created');
    expect(await writePost(contentDir, post)).toBe('unchanged');
    const edited = { ...post, text: 'Rapat koordinasi (diperbarui). #Tapsel' };
    expect(await writePost(contentDir, edited)).toBe('updated');

    const folder = join(contentDir, postFolder('instagram', '17895695668004550'));
    expect(await readFile(join(folder, POST_FILE), 'utf8')).toBe(serializePost(edited));
    const archive = await readArchivedPosts(contentDir);
    expect(archive.posts.get('instagram/17895695668004550')).toEqual(edited);
    expect(await readdir(folder)).toEqual(['post.json']);
  });

  it('writes nothing for an invalid post', async () => {
    await expect(writePost(contentDir, makePost({ id: '../../x' }))).rejects.toThrow();
    await expect(stat(join(contentDir, 'posts'))).rejects.toThrow(/ENOENT/);
  });
});

describe('readArchivedPosts', () => {
  it('is empty for an archive without a posts folder', async () => {
    expect(await readArchivedPosts(contentDir)).toEqual({ posts: new Map(), problems: [] });
  });

  it('reports broken files with their paths and still returns the valid posts', async () => {
    const good = [valid(makePost()), valid(makeVideo()), valid(makeVideo({ id: 'abcdefghijk', permalink: 'https://www.youtube.com/watch?v=abcdefghijk' }))];
    for (const post of good) await writePost(contentDir, post);

    const fileOf = (platform: Post['platform'], id: string) => `${postFolder(platform, id)}/${POST_FILE}`;
    await put(fileOf('instagram', '17895695668004551'), '{"schemaVersion": 1, "platform": "insta');
    await put(fileOf('instagram', '17895695668004552'), serializePost(valid(makePost({ id: '17895695668004552' }))).replace('"kind": "image"', '"kind": "video"'));
    await put(fileOf('youtube', 'AAAAAAAAAAA'), serializePost(valid(makeVideo({ id: 'BBBBBBBBBBB' }))));
    await put(fileOf('youtube', 'CCCCCCCCCCC'), serializePost(valid(makePost({ id: '1' }))));
    await put(`posts/youtube/${shardOf('not-an-id')}/not-an-id/post.json`, '{}');
    await put('posts/youtube/notes.txt', 'x');
    await put('posts/tiktok/123/post.json', '{}');
    await mkdir(join(contentDir, postFolder('youtube', 'DDDDDDDDDDD')), { recursive: true }); // created, killed before post.json: not a problem
    await put('posts/youtube/.DS_Store', 'x');
    await put(`${postFolder('youtube', 'EEEEEEEEEEE')}/.post.json.1.abcdef.tmp`, 'x');

    const archive = await readArchivedPosts(contentDir);
    expect([...archive.posts.keys()]).toEqual(['instagram/17895695668004550', 'youtube/abcdefghijk', 'youtube/dQw4w9WgXcQ']);
    expect(archive.posts.get('youtube/dQw4w9WgXcQ')).toEqual(good[1]);

    const problems = Object.fromEntries(archive.problems.map((problem) => [problem.file, problem.message]));
    const notAnId = `posts/youtube/${shardOf('not-an-id')}/not-an-id`;
    expect(Object.keys(problems).sort()).toEqual([
      fileOf('instagram', '17895695668004551'),
      fileOf('instagram', '17895695668004552'),
      'posts/tiktok',
      fileOf('youtube', 'AAAAAAAAAAA'),
      fileOf('youtube', 'CCCCCCCCCCC'),
      notAnId,
      'posts/youtube/notes.txt',
    ].sort());
    expect(problems[fileOf('instagram', '17895695668004551')]).toMatch(/^not valid JSON/);
    expect(problems[fileOf('instagram', '17895695668004552')]).toBe('does not match the post schema: kind: "video" is not a instagram kind');
    expect(problems[fileOf('youtube', 'AAAAAAAAAAA')]).toBe('holds youtube/BBBBBBBBBBB but sits in the folder of youtube/AAAAAAAAAAA');
    expect(problems[fileOf('youtube', 'CCCCCCCCCCC')]).toBe('holds instagram/1 but sits in the folder of youtube/CCCCCCCCCCC');
    expect(problems[notAnId]).toBe('not a post folder (expected posts/youtube/<shard>/<a valid youtube id>)');
    expect(problems['posts/youtube/notes.txt']).toBe(problems[notAnId]);
  });

  it('reads more posts than it keeps open at once, and returns posts and problems in folder order', async () => {
    const ids = Array.from({ length: 3 * FILES_AT_ONCE }, (_, index) => String(17895695668004550n + BigInt(index) * 7919n));
    for (const [index, id] of ids.entries()) {
      const post = valid(makePost({ id, permalink: `https://www.instagram.com/p/C${index}x/` }));
      // Every fifth file broken; every seventh padded to megabytes, so it is read last of its neighbours.
      const text = index % 5 === 0 ? '{"schemaVersion": 1' : index % 7 === 0 ? `${serializePost(post)}${' '.repeat(4_000_000)}\n` : serializePost(post);
      await put(`${postFolder('instagram', id)}/${POST_FILE}`, text);
    }
    const inFolderOrder = [...ids].sort();
    const archive = await readArchivedPosts(contentDir);
    const broken = (id: string) => ids.indexOf(id) % 5 === 0;
    expect([...archive.posts.keys()]).toEqual(inFolderOrder.filter((id) => !broken(id)).map((id) => `instagram/${id}`));
    expect(archive.problems.map((problem) => problem.file)).toEqual(inFolderOrder.filter(broken).map((id) => `${postFolder('instagram', id)}/${POST_FILE}`));
    expect(archive.posts.get(`instagram/${ids[7]}`)?.permalink).toBe('https://www.instagram.com/p/C7x/');
  });
});

describe('an archive whose posts or withdrawals are not in their shards', () => {
  const post = valid(makePost());
  const place = postFolder(post.platform, post.id);
  /** Another shard than the post's own. */
  const otherShard = shardOf(post.id) === '00' ? '01' : '00';

  it('is refused as a whole when a post folder is still in the layout before shards', async () => {
    await writePost(contentDir, valid(makeVideo()));
    await put(`${unshardedPostFolder(post.platform, post.id)}/${POST_FILE}`, serializePost(post));
    const error = await caught(readArchivedPosts(contentDir));
    expect(error).toBeInstanceOf(MisplacedFilesError);
    expect((error as MisplacedFilesError).misplaced).toEqual([
      { file: 'posts/instagram/17895695668004550', message: `is in the layout before shards; its place is content/${place}: run \`npm run migrate-layout\`, which moves every post and withdrawal into place, then commit the moves` },
    ]);
    expect((error as Error).message).toBe(
      `1 post folder(s) or withdrawal(s) of content/ are not where their id puts them:\n  content/posts/instagram/17895695668004550 is in the layout before shards; its place is content/posts/instagram/14/17895695668004550: run \`npm run migrate-layout\`, which moves every post and withdrawal into place, then commit the moves`,
    );
  });

  it('is refused when a post folder sits in another shard, even beside a well-placed copy', async () => {
    await writePost(contentDir, post);
    await put(`posts/instagram/${otherShard}/${post.id}/${POST_FILE}`, serializePost(post));
    const error = await caught(readArchivedPosts(contentDir));
    expect((error as MisplacedFilesError).misplaced).toEqual([{ file: `posts/instagram/${otherShard}/${post.id}`, message: expect.stringMatching(/^is in the wrong shard .*its place is content\/posts\/instagram\/14\/17895695668004550: run `npm run migrate-layout`/) }]);
  });

  it('is refused when a withdrawal is in the layout before shards or in another shard', async () => {
    const withdrawal = JSON.stringify({ schemaVersion: 1, platform: 'instagram', id: post.id, withdrawnAt: '2026-03-02T04:00:00Z', reason: 'Nomor telepon pribadi.' });
    await put(withdrawalFile('instagram', post.id), withdrawal);
    expect((await readWithdrawals(contentDir)).withdrawals).toHaveLength(1);
    await put(unshardedWithdrawalFile('instagram', post.id), withdrawal);
    await put(`withdrawals/instagram/${otherShard}/${post.id}.json`, withdrawal);
    const error = await caught(readWithdrawals(contentDir));
    expect((error as MisplacedFilesError).misplaced.map((entry) => [entry.file, entry.message.split(';')[0]])).toEqual([
      [`withdrawals/instagram/${otherShard}/${post.id}.json`, 'is in the wrong shard (the first two hex digits of the sha256 of the id)'],
      [`withdrawals/instagram/${post.id}.json`, 'is in the layout before shards'],
    ]);
  });
});

describe('archive state', () => {
  it('is an empty, non-sample archive when the file is missing', async () => {
    expect(await readArchiveState(contentDir)).toEqual({ schemaVersion: 1, sample: false, lastSyncAt: null });
  });

  it('writes stable JSON and reads it back', async () => {
    const state = { schemaVersion: 1 as const, sample: false, lastSyncAt: '2026-11-20T10:00:00Z' };
    await writeArchiveState(contentDir, state);
    expect(await readFile(join(contentDir, 'archive.json'), 'utf8')).toBe(
      '{\n  "schemaVersion": 1,\n  "sample": false,\n  "lastSyncAt": "2026-11-20T10:00:00Z"\n}\n',
    );
    expect(await readArchiveState(contentDir)).toEqual(state);
  });

  it('stops the run with a configuration error when the file is broken', async () => {
    for (const text of ['{"schemaVersion": 1,', '{"schemaVersion": 2, "sample": false, "lastSyncAt": null}']) {
      await writeFile(join(contentDir, 'archive.json'), text);
      const error = await caught(readArchiveState(contentDir));
      expect(error).toBeInstanceOf(FatalSyncError);
      expect((error as FatalSyncError).reason).toBe('configuration');
      expect(error.message).toMatch(/^content\/archive\.json (is not valid JSON|does not match its schema: schemaVersion)/);
    }
  });
});
