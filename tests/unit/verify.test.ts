/**
 * `verifyArchive` finds each kind of damage. Every test starts from a fresh, valid copy of part of the
 * committed archive (a YouTube video, an Instagram carousel, a post with a pending image, a withdrawal),
 * damages it one way, and expects exactly the problems that damage should cause: nothing missed, nothing
 * reported twice.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readArchivedPosts } from '#archive/archive-fs.ts';
import { verifyArchive } from '#scripts/verify/archive.ts';
import { readLayout } from '#scripts/verify/layout.ts';
import { displayFolder, formatReport, shortHash, VerifyError, type Problem } from '#scripts/verify/problems.ts';
import { MAX_FOLDER_ENTRIES, postFolder, shardOf, unshardedPostFolder, unshardedWithdrawalFile, withdrawalFile } from '#archive/layout.ts';
import type { MirroredMedia, Post } from '#archive/post.ts';
import { caught } from '../helpers/caught.ts';

const COMMITTED_CONTENT = resolve(fileURLToPath(import.meta.url), '../../../content');

let video: Post;
let carousel: Post;
let pendingPost: Post;
let contentDir: string;

beforeAll(async () => {
  const committed = [...(await readArchivedPosts(COMMITTED_CONTENT)).posts.values()];
  const pick = (what: string, test: (post: Post) => boolean) => {
    const post = committed.find(test);
    if (!post) throw new Error(`the committed archive has no ${what} to copy`);
    return post;
  };
  video = pick('YouTube video with a poster', (post) => post.kind === 'video' && post.media[0]?.status === 'mirrored');
  carousel = pick('carousel with mirrored images', (post) => post.kind === 'carousel' && post.media.every((item) => item.status === 'mirrored'));
  pendingPost = pick('post with a pending image', (post) => post.platform === 'instagram' && post.media.some((item) => item.status === 'pending'));
});

beforeEach(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'warta-verify-'));
  await cp(join(COMMITTED_CONTENT, 'archive.json'), join(contentDir, 'archive.json'));
  for (const post of [video, carousel, pendingPost]) {
    await cp(join(COMMITTED_CONTENT, folderOf(post)), join(contentDir, folderOf(post)), { recursive: true });
  }
  await put(withdrawalFile('instagram', pendingPost.id), json(withdrawalOf(pendingPost)));
});

afterEach(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

const folderOf = (post: Pick<Post, 'platform' | 'id'>) => postFolder(post.platform, post.id);

function mirrored(post: Post, index = 0): MirroredMedia {
  const item = post.media[index];
  if (item?.status !== 'mirrored') throw new Error(`${folderOf(post)} has no mirrored media item ${index}`);
  return item;
}

function withdrawalOf(post: Pick<Post, 'platform' | 'id'>) {
  return {
    schemaVersion: 1,
    platform: post.platform,
    id: post.id,
    withdrawnAt: '2026-03-02T04:00:00Z',
    reason: 'Memuat nomor telepon pribadi seorang warga.',
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function put(relativePath: string, data: string | Uint8Array): Promise<void> {
  const path = join(contentDir, relativePath);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, data);
}

async function editJson(relativePath: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(join(contentDir, relativePath), 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(join(contentDir, relativePath), json(value));
}

async function problems(): Promise<Problem[]> {
  return (await verifyArchive(contentDir)).problems;
}

/** Exactly these errors, put in the report's order (by path: shard names decide it, not the test). */
function errors(...expected: [file: string, message: RegExp][]) {
  return [...expected]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, message]) => ({ file, severity: 'error', message: expect.stringMatching(message) }));
}

const mirroredCount = (...posts: Post[]) => posts.reduce((sum, post) => sum + post.media.filter((item) => item.status === 'mirrored').length, 0);

describe('verifyArchive on a sound archive', () => {
  it('finds nothing wrong and counts the posts and media files it checked', async () => {
    expect(await verifyArchive(contentDir)).toEqual({ problems: [], posts: 3, mediaFiles: mirroredCount(video, carousel, pendingPost), mediaOutsideCheckout: 0 });
    expect(mirroredCount(video, carousel, pendingPost)).toBeGreaterThanOrEqual(3);
  });

  it('refuses a folder that does not exist', async () => {
    const error = await caught(verifyArchive(join(contentDir, 'nowhere')));
    expect(error).toBeInstanceOf(VerifyError);
    expect(error.message).toMatch(/does not exist/);
  });
});

describe('mirrored media', () => {
  it('reports changed bytes with the first 12 hex digits of the expected and the actual sha256', async () => {
    const item = mirrored(carousel, 1);
    const path = `${folderOf(carousel)}/${item.file}`;
    const bytes = await readFile(join(contentDir, path));
    const changed = Buffer.concat([bytes, Buffer.from([0])]); // still a readable JPEG, but not the mirrored one
    await writeFile(join(contentDir, path), changed);
    const actual = createHash('sha256').update(changed).digest('hex');
    expect(await problems()).toEqual(errors([path, new RegExp(`^sha256 differs from post.json: expected ${shortHash(item.sha256)}, found ${shortHash(actual)} `)]));
  });

  it('reports an image of other dimensions even when its sha256 was updated to match', async () => {
    const item = mirrored(video);
    const path = `${folderOf(video)}/${item.file}`;
    const other = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    await writeFile(join(contentDir, path), other);
    await editJson(`${folderOf(video)}/post.json`, (post) => {
      (post.media as MirroredMedia[])[0]!.sha256 = createHash('sha256').update(other).digest('hex');
    });
    expect(await problems()).toEqual(errors([path, new RegExp(`^is 64x36 pixels but post.json records ${item.width}x${item.height}$`)]));
  });

  it('reports a missing media file', async () => {
    const path = `${folderOf(carousel)}/${mirrored(carousel, 0).file}`;
    await rm(join(contentDir, path));
    expect(await problems()).toEqual(errors([path, /^missing: post.json lists it as mirrored/]));
  });
});

describe('post.json', () => {
  it('reports a file that does not match the post schema', async () => {
    await editJson(`${folderOf(video)}/post.json`, (post) => (post.kind = 'reel'));
    expect(await problems()).toEqual(errors([`${folderOf(video)}/post.json`, /^does not match the post schema: kind: "reel" is not a youtube kind$/]));
  });

  it('reports a withdrawal recorded in post.json: a withdrawal has one representation, its file', async () => {
    await editJson(`${folderOf(video)}/post.json`, (post) => {
      (post.provenance as Record<string, unknown>).removed = { at: '2026-11-01T00:00:00Z', reason: 'withdrawn', note: 'Salah unggah.' };
    });
    expect(await problems()).toEqual(
      errors([`${folderOf(video)}/post.json`, /^does not match the post schema: provenance\.removed\.reason: "withdrawn" is not recorded in post\.json: a withdrawal is a file in content\/withdrawals\//]),
    );
  });

  it('reports a file that is not JSON', async () => {
    await put(`${folderOf(carousel)}/post.json`, '{"schemaVersion": 1, "platf');
    expect(await problems()).toEqual(errors([`${folderOf(carousel)}/post.json`, /^not valid JSON/]));
  });

  it('reports a post whose platform and id are not those of its folder', async () => {
    const other = { platform: 'youtube', id: 'AAAAAAAAAAA' } as const;
    await mkdir(join(contentDir, folderOf(other), '..'), { recursive: true });
    await rename(join(contentDir, folderOf(video)), join(contentDir, folderOf(other)));
    expect(await problems()).toEqual(errors([`${folderOf(other)}/post.json`, new RegExp(`^holds youtube/${video.id} but sits in the folder of youtube/${other.id}$`)]));
  });

  it('reports a post folder without post.json', async () => {
    const unfinished = folderOf({ platform: 'instagram', id: '12345' });
    await put(`${unfinished}/1.jpg`, await readFile(join(contentDir, folderOf(carousel), mirrored(carousel).file)));
    expect(await problems()).toEqual(errors([unfinished, /^has no post.json: a sync was killed before finishing this post; .* completes it$/]));
  });
});

describe('files that have no place in a post folder', () => {
  it('reports an orphan file, with a hint where a pending image may explain it', async () => {
    await put(`${folderOf(carousel)}/notes.txt`, 'catatan');
    await put(`${folderOf(pendingPost)}/1.jpg`, await readFile(join(contentDir, folderOf(carousel), mirrored(carousel).file)));
    expect(await problems()).toEqual(errors(
      [`${folderOf(carousel)}/notes.txt`, /^an orphan: no mirrored media item in post.json names it$/],
      [`${folderOf(pendingPost)}/1.jpg`, /^an orphan: .*the next sync adopts it\)$/],
    ));
  });

  it('reports temp files a killed sync left, in a post folder and at the top, saying the next sync removes them', async () => {
    await put(`${folderOf(video)}/.post.json.4242.a1b2c3d4e5f6.tmp`, '{"schemaVersion": 1, "platf');
    await put('.archive.json.4242.00ff00ff00ff.tmp', '{}');
    expect(await problems()).toEqual(errors(
      ['.archive.json.4242.00ff00ff00ff.tmp', /killed mid-write; the next sync removes it/],
      [`${folderOf(video)}/.post.json.4242.a1b2c3d4e5f6.tmp`, /killed mid-write; the next sync removes it/],
    ));
  });

  it('reports a folder inside a post folder', async () => {
    await mkdir(join(contentDir, folderOf(video), 'old'));
    expect(await problems()).toEqual(errors([`${folderOf(video)}/old`, /^not a plain file/]));
  });
});

describe('two files for one post', () => {
  it('reports a second copy of post.json beside it', async () => {
    await cp(join(contentDir, folderOf(video), 'post.json'), join(contentDir, folderOf(video), 'post (1).json'));
    await cp(join(contentDir, folderOf(video), 'post.json'), join(contentDir, folderOf(video), 'post.json.bak'));
    expect(await problems()).toEqual(errors(
      [`${folderOf(video)}/post (1).json`, /^a second JSON file beside post.json/],
      [`${folderOf(video)}/post.json.bak`, /^a second JSON file beside post.json/],
    ));
  });

  it('reports one post archived under two ids (the same permalink)', async () => {
    const copy = { platform: 'instagram', id: '99999999999999999' } as const;
    await cp(join(contentDir, folderOf(carousel)), join(contentDir, folderOf(copy)), { recursive: true });
    await editJson(`${folderOf(copy)}/post.json`, (post) => (post.id = copy.id));
    expect(await problems()).toEqual(errors([`${folderOf(copy)}/post.json`, new RegExp(`^has the permalink of ${folderOf(carousel)} \\(`)]));
  });

  it('warns, without failing, about two YouTube ids that differ only in letter case and share a shard', async () => {
    const swapped = caseTwinInShard(video.id);
    expect(swapped.toLowerCase()).toBe(video.id.toLowerCase());
    expect(swapped).not.toBe(video.id);
    const twin = { platform: 'youtube', id: swapped } as const;
    await cp(join(contentDir, folderOf(video)), join(contentDir, folderOf(twin)), { recursive: true });
    await editJson(`${folderOf(twin)}/post.json`, (post) => {
      post.id = swapped;
      post.permalink = `https://www.youtube.com/watch?v=${swapped}`;
    });
    const report = await verifyArchive(contentDir);
    const [first, second] = [folderOf(video), folderOf(twin)].sort();
    expect(report.problems).toEqual([{ file: second, severity: 'warning', message: expect.stringMatching(new RegExp(`^differs from ${first} only in letter case`)) }]);
    expect(formatReport(report, 'content').exitCode).toBe(0);
  });
});

/** The id spelt with other letter cases that falls in the same shard (only there do two folders clash). */
function caseTwinInShard(id: string): string {
  const letters = [...id].flatMap((c, index) => (c.toLowerCase() === c.toUpperCase() ? [] : [index]));
  for (let mask = 1; mask < 2 ** letters.length; mask++) {
    const chars = [...id];
    letters.forEach((index, bit) => {
      if (mask & (2 ** bit)) chars[index] = chars[index] === chars[index]!.toLowerCase() ? chars[index]!.toUpperCase() : chars[index]!.toLowerCase();
    });
    const twin = chars.join('');
    if (shardOf(twin) === shardOf(id)) return twin;
  }
  throw new Error(`no spelling of ${id} in other letter cases shares its shard`);
}

describe('withdrawals', () => {
  it('reports a withdrawal that does not match its schema', async () => {
    const path = withdrawalFile('instagram', pendingPost.id);
    await editJson(path, (withdrawal) => (withdrawal.reason = 'salah'));
    expect(await problems()).toEqual(errors([path, /^does not match the withdrawal schema: reason: give readers a reason/]));
  });

  it('reports a withdrawal whose file name is not the post it names, and a stray file', async () => {
    const path = withdrawalFile('instagram', carousel.id);
    await put(path, json(withdrawalOf(pendingPost)));
    await put('withdrawals/youtube/catatan.txt', 'x');
    expect(await problems()).toEqual(errors(
      [path, new RegExp(`^names instagram/${pendingPost.id}, but its path says instagram/${carousel.id}`)],
      ['withdrawals/youtube/catatan.txt', /^not a withdrawal file/],
    ));
  });

  it('reports a withdrawal of a post that is not in the archive', async () => {
    const missing = { platform: 'youtube', id: 'ZZZZZZZZZZZ' } as const;
    await put(withdrawalFile(missing.platform, missing.id), json(withdrawalOf(missing)));
    expect(await problems()).toEqual(errors([withdrawalFile(missing.platform, missing.id), /^withdraws youtube\/ZZZZZZZZZZZ, which is not a valid post in the archive$/]));
  });
});

describe('the sharded layout', () => {
  it('reports only what to move while posts or withdrawals are outside their shards', async () => {
    await rename(join(contentDir, folderOf(video)), join(contentDir, unshardedPostFolder(video.platform, video.id)));
    await rename(join(contentDir, withdrawalFile('instagram', pendingPost.id)), join(contentDir, unshardedWithdrawalFile('instagram', pendingPost.id)));
    const wrongShard = `posts/instagram/${shardOf(carousel.id) === '00' ? '01' : '00'}/${carousel.id}`;
    await mkdir(join(contentDir, wrongShard, '..'), { recursive: true });
    await rename(join(contentDir, folderOf(carousel)), join(contentDir, wrongShard));
    const report = await verifyArchive(contentDir);
    expect(report).toEqual({
      problems: errors(
        [wrongShard, new RegExp(`^is in the wrong shard .*; its place is content/${folderOf(carousel)}: run \`npm run migrate-layout\``)],
        [unshardedPostFolder(video.platform, video.id), new RegExp(`^is in the layout before shards; its place is content/${folderOf(video)}: run \`npm run migrate-layout\``)],
        [unshardedWithdrawalFile('instagram', pendingPost.id), new RegExp(`^is in the layout before shards; its place is content/${withdrawalFile('instagram', pendingPost.id)}: run`)],
      ),
      posts: 0,
      mediaFiles: 0,
      mediaOutsideCheckout: 0,
    });
    expect(formatReport(report, 'content').exitCode).toBe(1);
  });

  it('reports every folder of more entries than the limit', async () => {
    for (const id of ['BBBBBBBBBBB', 'CCCCCCCCCCC']) await mkdir(join(contentDir, folderOf({ platform: 'youtube', id })), { recursive: true });
    const shards = (await readdir(join(contentDir, 'posts/youtube'))).length;
    const tooMany = (found: Problem[]) => found.filter((problem) => problem.message.startsWith('holds '));
    expect(tooMany(await problems())).toEqual([]);
    const limited = tooMany((await verifyArchive(contentDir, { maxFolderEntries: shards - 1 })).problems);
    expect(limited).toContainEqual(
      errors(['posts/youtube', new RegExp(`^holds ${shards} entries, more than the ${shards - 1} GitHub advises for one folder: posts and withdrawals belong in their shards`)])[0],
    );
    expect(tooMany((await verifyArchive(contentDir, { maxFolderEntries: shards })).problems).map((problem) => problem.file)).not.toContain('posts/youtube');
  });

  it('holds every folder to 3,000 entries unless told otherwise', async () => {
    expect(MAX_FOLDER_ENTRIES).toBe(3_000);
    const folder = join(contentDir, folderOf(video));
    const tooMany = async () => (await readLayout(contentDir)).problems.filter((problem) => problem.message.startsWith('holds '));
    for (let n = (await readdir(folder)).length; n < 3_000; n++) await writeFile(join(folder, `x${n}.jpg`), '');
    expect(await tooMany()).toEqual([]);
    await writeFile(join(folder, 'one-more.jpg'), '');
    expect(await tooMany()).toEqual(errors([folderOf(video), /^holds 3001 entries, more than the 3000 GitHub advises/]));
  });
});

describe('the rest of content/', () => {
  it('reports unknown entries at the top', async () => {
    await put('notes.md', '# catatan');
    await mkdir(join(contentDir, 'drafts'));
    expect(await problems()).toEqual(errors(['drafts', /^not part of the archive/], ['notes.md', /^not part of the archive/]));
  });

  it('reports stray entries in posts/: an unknown platform, a hidden file, a file where a post folder belongs', async () => {
    await mkdir(join(contentDir, 'posts/tiktok'));
    await put('posts/youtube/.DS_Store', 'x');
    await put('posts/instagram/catatan.json', '{}');
    expect(await problems()).toEqual(errors(
      ['posts/instagram/catatan.json', /^not a post folder/],
      ['posts/tiktok', /^not a platform folder/],
      ['posts/youtube/.DS_Store', /^a hidden file or folder/],
    ));
  });

  it('reports a sync lock, which must never be committed', async () => {
    await put('.sync.lock', json({ pid: 4242, hostname: 'runner', startedAt: '2026-03-02T04:00:00Z' }));
    expect(await problems()).toEqual(errors(['.sync.lock', /^the sync lock: .*Never commit it/]));
  });

  it('reports an archive.json that does not match its schema', async () => {
    await editJson('archive.json', (state) => (state.sample = 'yes'));
    expect(await problems()).toEqual(errors(['archive.json', /^does not match its schema .*: sample: /]));
  });

  it('reports a missing archive.json', async () => {
    await rm(join(contentDir, 'archive.json'));
    expect(await problems()).toEqual(errors(['archive.json', /^missing: /]));
  });
});

describe('formatReport', () => {
  const hashProblem: Problem = { file: 'posts/youtube/AAAAAAAAAAA/poster.jpg', message: 'sha256 differs', severity: 'error' };
  const caseWarning: Problem = { file: 'posts/youtube/aaaaaaaaaaa', message: 'differs only in letter case', severity: 'warning' };

  it('prints one line per problem, sorted by path, then a count, and fails on any error', () => {
    expect(formatReport({ problems: [caseWarning, hashProblem], posts: 3, mediaFiles: 4, mediaOutsideCheckout: 0 }, 'content')).toEqual({
      lines: [
        'content/posts/youtube/AAAAAAAAAAA/poster.jpg: sha256 differs',
        'content/posts/youtube/aaaaaaaaaaa: warning: differs only in letter case',
        '1 problem in content (1 warning)',
      ],
      exitCode: 1,
    });
  });

  it('passes with one summary line, warnings included', () => {
    expect(formatReport({ problems: [], posts: 1, mediaFiles: 1, mediaOutsideCheckout: 0 }, 'content')).toEqual({ lines: ['verified 1 post, 1 media file'], exitCode: 0 });
    expect(formatReport({ problems: [caseWarning], posts: 44, mediaFiles: 64, mediaOutsideCheckout: 0 }, 'content').lines.at(-1)).toBe('verified 44 posts, 64 media files (1 warning)');
  });

  it('says what a sparse checkout left unchecked, on success and on failure', () => {
    const note =
      'not checked: 3 media files left out of this sparse checkout; git tracks each at the path post.json names, but its sha256 and dimensions need its bytes (a full checkout checks them)';
    expect(formatReport({ problems: [], posts: 2, mediaFiles: 1, mediaOutsideCheckout: 3 }, 'content')).toEqual({
      lines: [note, 'verified 2 posts, 1 media file'],
      exitCode: 0,
    });
    expect(formatReport({ problems: [hashProblem], posts: 2, mediaFiles: 0, mediaOutsideCheckout: 3 }, 'content').lines).toEqual([
      'content/posts/youtube/AAAAAAAAAAA/poster.jpg: sha256 differs',
      note,
      '1 problem in content',
    ]);
  });

  it('names the folder relative to the working directory when inside it', () => {
    expect(displayFolder('/repo/content', '/repo')).toBe('content');
    expect(displayFolder('/tmp/archive', '/repo')).toBe('/tmp/archive');
  });
});
