/**
 * Bad content must stop the build with a message naming the file and the field, so a damaged archive
 * never deploys half-rendered; so must a site bigger than its host takes. Builds a throwaway copy of the
 * site over a small archive.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { postFolder, unshardedPostFolder } from '#archive/layout.ts';
import type { Post } from '#archive/post.ts';
import { makePost } from '../fixtures/posts.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

const workspaces: string[] = [];
const tinyJpeg = sharp({ create: { width: 64, height: 64, channels: 3, background: '#2a7' } }).jpeg().toBuffer();
afterAll(() => workspaces.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the site over these posts, each in `folder` (relative to content/). */
async function siteWith(posts: { folder: string; post: unknown }[]): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'warta-invalid-'));
  workspaces.push(root);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const image = await tinyJpeg;
  for (const { folder, post } of posts) {
    const dir = path.join(root, 'content', folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '1.jpg'), image);
    writeFileSync(path.join(dir, 'post.json'), JSON.stringify(post, null, 2));
  }
  return root;
}

function build(root: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function validPost(id: string): Promise<Post> {
  const image = await tinyJpeg;
  const post = makePost({ id });
  post.media = [{ ...post.media[0]!, width: 64, height: 64, sha256: createHash('sha256').update(image).digest('hex') } as Post['media'][number]];
  return post;
}

describe('a build over damaged content', () => {
  it('fails and names the file and every bad field', async () => {
    const good = await validPost('17895695668004550');
    const bad = { ...(await validPost('17895695668004551')), publishedAt: 'kemarin sore', kind: 'podcast' };
    const root = await siteWith([
      { folder: postFolder('instagram', '17895695668004550'), post: good },
      { folder: postFolder('instagram', '17895695668004551'), post: bad },
    ]);
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    expect(output).toContain(`content/${postFolder('instagram', '17895695668004551')}/post.json`);
    expect(output).toMatch(/publishedAt/);
    expect(output).toMatch(/kind/);
  }, 200_000);

  it('fails when a file sits in a folder that is not its own id', async () => {
    const folder = postFolder('instagram', '17895695668004999');
    const root = await siteWith([{ folder, post: await validPost('17895695668004550') }]);
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    expect(output).toContain(`content/${folder}/post.json describes instagram/17895695668004550`);
  }, 200_000);

  it('fails on a post still in the layout before shards, saying where it belongs and what to run', async () => {
    const id = '17895695668004550';
    const root = await siteWith([
      { folder: postFolder('instagram', '17895695668004551'), post: await validPost('17895695668004551') },
      { folder: unshardedPostFolder('instagram', id), post: await validPost(id) },
    ]);
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    expect(output).toContain(
      `content/posts/instagram/${id}/post.json is in the layout before shards; its place is content/${postFolder('instagram', id)}: run \`npm run migrate-layout\``,
    );
  }, 200_000);

  it('fails when an image named in post.json is missing, naming the file', async () => {
    const folder = postFolder('instagram', '17895695668004550');
    const root = await siteWith([{ folder, post: await validPost('17895695668004550') }]);
    rmSync(path.join(root, 'content', folder, '1.jpg'));
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    expect(output).toContain(`content/${folder}/1.jpg is named in post.json but the file is missing.`);
  }, 200_000);
});

describe('a build bigger than its host', () => {
  it('stops, naming the size, the setting, the biggest folders and the options, without a stack trace', async () => {
    const root = await siteWith([{ folder: postFolder('instagram', '17895695668004550'), post: await validPost('17895695668004550') }]);
    const config = path.join(root, 'src/site.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  postsPerPage:', '  hostLimitMB: 0.05,\n  postsPerPage:'));
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toMatch(/The built site is [\d.]+ MB, more than the host limit of 0\.1 MB \(hostLimitMB in src\/site\.config\.ts\)/);
    expect(output).toMatch(/Biggest folders of dist\/: pagefind\/ [\d.]+ MB \(\d+ files\)/);
    expect(output).toContain('Deploying past GitHub Pages');
    expect(output).not.toContain('Stack trace');
  }, 200_000);
});
