/**
 * `npm run verify` as CI runs it: the real command as a child process, its exit code and its output,
 * on a damaged copy of the committed archive and on the committed archive itself.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, type ScriptResult } from '#tests/helpers/run-script.ts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readArchivedPosts } from '#archive/archive-fs.ts';
import { postFolder } from '#archive/layout.ts';
import type { Post } from '#archive/post.ts';
import { REPO_ROOT } from './harness.ts';

const VERIFY = join(REPO_ROOT, 'scripts/verify.ts');
const COMMITTED_CONTENT = join(REPO_ROOT, 'content');

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'warta-verify-cli-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function runVerify(args: string[]): Promise<ScriptResult> {
  return runScript(VERIFY, args);
}

async function committedPosts(): Promise<Post[]> {
  const archive = await readArchivedPosts(COMMITTED_CONTENT);
  expect(archive.problems).toEqual([]);
  return [...archive.posts.values()];
}

it('exits 1 on a damaged copy of the archive, printing the problem and the count', async () => {
  const content = join(root, 'content');
  await cp(COMMITTED_CONTENT, content, { recursive: true });
  const video = (await committedPosts()).find((post) => post.platform === 'youtube' && post.media[0]?.status === 'mirrored');
  const poster = video?.media[0];
  if (!video || poster?.status !== 'mirrored') throw new Error('the committed archive has no YouTube post with a mirrored poster');
  const path = `${postFolder(video.platform, video.id)}/${poster.file}`;
  const damaged = Buffer.concat([await readFile(join(content, path)), Buffer.from('x')]);
  await writeFile(join(content, path), damaged);
  const actual = createHash('sha256').update(damaged).digest('hex');

  const result = await runVerify(['--content', content]);

  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  // The temp folder is outside the working directory, so paths are printed absolute.
  expect(result.stdout.split('\n')).toEqual([
    `${content}/${path}: sha256 differs from post.json: expected ${poster.sha256.slice(0, 12)}, found ${actual.slice(0, 12)} (the file changed after it was mirrored; restore it from git history)`,
    `1 problem in ${content}`,
    '',
  ]);
});

it('exits 1 with one message when the folder does not exist', async () => {
  const result = await runVerify(['--content', join(root, 'nowhere')]);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^verify: The archive folder .*nowhere does not exist or is not a folder\.\n$/);
});

it('exits 0 on the committed archive with one summary line', async () => {
  const posts = await committedPosts();
  const mediaFiles = posts.reduce((sum, post) => sum + post.media.filter((item) => item.status === 'mirrored').length, 0);
  const result = await runVerify([]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe(`verified ${posts.length} posts, ${mediaFiles} media files\n`);
  expect(result.code).toBe(0);
});
