/**
 * The sync against a feed as real offices write it: captions in styled Unicode letters, combining marks,
 * right-to-left text and control characters; a post the archive cannot take; a carousel edited after it
 * was archived. No single item may stall the archive or corrupt a record.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postFolder } from '#archive/layout.ts';
import type { Post } from '#archive/post.ts';
import { readArchiveState } from '#archive/archive-fs.ts';
import { newMedia, newVideo } from '#fake-api/fixtures.ts';
import { runScript } from '#tests/helpers/run-script.ts';
import { fakeEnvironment, listFiles, readArchive, REPO_ROOT, requests, runSync, useFakeWorld } from './harness.ts';

const world = useFakeWorld();

const STYLED_ID = '18900000000000001';
const UNARCHIVABLE_ID = '18900000000000002';
const CAROUSEL_ID = '18900000000000003';

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function verify(): Promise<{ code: number | null; output: string }> {
  const result = await runScript(path.join(REPO_ROOT, 'scripts/verify.ts'), ['--content', world.workspace.content]);
  return { code: result.code, output: result.stdout + result.stderr };
}

function archived(posts: Map<string, Post>, key: string): Post {
  const post = posts.get(key);
  expect(post, `${key} is archived`).toBeDefined();
  return post!;
}

describe('captions as offices really write them', () => {
  it('archives styled, combining, right-to-left and control-character captions, with their tags folded', async () => {
    const caption =
      'Pengumuman #𝐁𝐞𝐫𝐢𝐭𝐚 dari #İstanbul #رمضـان #ラーメン #ᴮᵉʳⁱᵗᵃ #Berita\u000B\n' +
      '𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡 𝗣𝗘𝗡𝗧𝗜𝗡𝗚\u0000 \u202Eمرحبا\u202C 👨‍👩‍👧 e\u0301\uFFFF';
    world.fake.data.instagram.media.unshift(newMedia(world.fake.origin, { id: STYLED_ID, caption }));
    world.fake.data.youtube.videos.unshift(newVideo(world.fake.origin, { id: 'STYLEDvid01', title: '𝐉𝐚𝐝𝐰𝐚𝐥\u0008 vaksin #𝐕𝐚𝐤𝐬𝐢𝐧', description: 'Lokasi\u001F puskesmas' }));

    const result = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.summary!.platforms.flatMap((platform) => platform.skipped)).toEqual([]);

    const posts = await readArchive(world.workspace);
    const post = archived(posts, `instagram/${STYLED_ID}`);
    // As written, less exactly the characters XML cannot carry.
    expect(post.text).toBe(caption.replace(/[\u000B\u0000\uFFFF]/g, ''));
    expect(post.hashtags).toEqual(['berita', 'i̇stanbul', 'رمضـان', 'ラーメン']);
    expect(post.media).toMatchObject([{ status: 'mirrored' }]);
    const video = archived(posts, 'youtube/STYLEDvid01');
    expect(video.title).toBe('𝐉𝐚𝐝𝐰𝐚𝐥 vaksin #𝐕𝐚𝐤𝐬𝐢𝐧');
    expect(video.text).toBe('Lokasi puskesmas');
    expect(video.hashtags).toEqual(['vaksin']);

    const checked = await verify();
    expect(checked.code, checked.output).toBe(0);
  });
});

describe('a post the archive cannot take', () => {
  it('leaves nothing behind, is named with its reason, the rest is archived, and it is tried again next run', async () => {
    // Longer than any caption the archive keeps (20,000 characters): the schema refuses it whatever we fold.
    world.fake.data.instagram.media.unshift(newMedia(world.fake.origin, { id: UNARCHIVABLE_ID, caption: `Pengumuman ${'panjang '.repeat(3_000)}` }));

    const first = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const instagram = first.summary!.platforms.find((platform) => platform.platform === 'instagram')!;
    expect(instagram.skipped).toEqual([{ id: UNARCHIVABLE_ID, reason: expect.stringMatching(/does not fit the archive schema.*text/) }]);
    expect(first.stdout).toContain(`instagram: skipped ${UNARCHIVABLE_ID}: does not fit the archive schema`);
    // Nothing of it on disk: no folder, no media; everything else is archived and valid.
    expect(await exists(path.join(world.workspace.content, postFolder('instagram', UNARCHIVABLE_ID)))).toBe(false);
    expect((await listFiles(world.workspace.content)).filter((file) => file.includes(UNARCHIVABLE_ID))).toEqual([]);
    const posts = await readArchive(world.workspace);
    expect(posts.has(`instagram/${UNARCHIVABLE_ID}`)).toBe(false);
    expect([...posts.values()].filter((post) => post.platform === 'instagram').length).toBeGreaterThan(20);
    const checked = await verify();
    expect(checked.code, checked.output).toBe(0);
    // Staff read it in the commit message and in the Actions run summary.
    const message = await runScript(path.join(REPO_ROOT, 'scripts/commit-message.ts'), [world.workspace.summaryFile]);
    expect(message.stdout).toContain(`skipped ${UNARCHIVABLE_ID}: does not fit the archive schema`);
    const markdown = await runScript(path.join(REPO_ROOT, 'scripts/commit-message.ts'), ['--markdown', world.workspace.summaryFile]);
    expect(markdown.stdout).toMatch(new RegExp(`### Skipped[\\s\\S]*${UNARCHIVABLE_ID}`));
    const state = await readArchiveState(world.workspace.content);
    expect(Object.values(state.history ?? {}).flatMap((walk) => walk.unarchived ?? [])).toEqual([UNARCHIVABLE_ID]);

    // Newer posts arrive, so the incremental walk stops before reaching it: it is still asked for again.
    world.fake.data.instagram.media.unshift(newMedia(world.fake.origin, { id: '18900000000000009', publishedAt: '2026-11-28T03:00:00Z' }));
    const second = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(second.summary!.platforms.find((platform) => platform.platform === 'instagram')!.skipped.map((item) => item.id)).toEqual([UNARCHIVABLE_ID]);

    // Staff shorten the caption upstream: the next run archives it and forgets it was owed.
    const upstream = world.fake.data.instagram.media.find((media) => media.id === UNARCHIVABLE_ID)!;
    upstream.caption = 'Pengumuman, diringkas.';
    const third = await runSync(world.workspace, fakeEnvironment(world.fake));
    expect(third.code, third.stdout + third.stderr).toBe(0);
    expect(archived(await readArchive(world.workspace), `instagram/${UNARCHIVABLE_ID}`).text).toBe('Pengumuman, diringkas.');
    const after = await readArchiveState(world.workspace.content);
    expect(Object.values(after.history ?? {}).flatMap((walk) => walk.unarchived ?? [])).toEqual([]);
  });
});

describe('a carousel edited after it was archived', () => {
  it('keeps each slide with its own file, records the earlier list as a version, and verify accepts its files', async () => {
    world.fake.data.instagram.media.unshift(newMedia(world.fake.origin, { id: CAROUSEL_ID, kind: 'carousel', childCount: 4 }));
    const first = await runSync(world.workspace, fakeEnvironment(world.fake), ['--only', 'instagram']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const before = archived(await readArchive(world.workspace), `instagram/${CAROUSEL_ID}`);
    const children = world.fake.data.instagram.media.find((media) => media.id === CAROUSEL_ID)!.children!.data.map((child) => child.id);
    expect(before.media.map((item) => item.childId)).toEqual(children);

    // The office deletes the second slide.
    const upstream = world.fake.data.instagram.media.find((media) => media.id === CAROUSEL_ID)!;
    upstream.children!.data.splice(1, 1);
    const second = await runSync(world.workspace, fakeEnvironment(world.fake), ['--only', 'instagram', '--full']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    // Every slide left was mirrored already: nothing is downloaded again.
    expect(requests(second, 'cdn')).toBe(0);

    const after = archived(await readArchive(world.workspace), `instagram/${CAROUSEL_ID}`);
    const kept = [children[0], children[2], children[3]];
    expect(after.media.map((item) => item.childId)).toEqual(kept);
    // Each slide keeps its own file and bytes: none is taken for another slide.
    for (const item of after.media) {
      const earlier = before.media.find((candidate) => candidate.childId === item.childId)!;
      expect(item).toEqual(earlier);
    }
    // The history says the list changed, and when; the earlier list (with the deleted slide) is kept.
    expect(after.provenance.versions).toEqual([{ title: before.title, text: before.text, media: before.media, replacedAt: expect.any(String) }]);
    const deleted = before.media[1]!;
    expect(deleted.status).toBe('mirrored');
    const folder = path.join(world.workspace.content, postFolder('instagram', CAROUSEL_ID));
    expect(await exists(path.join(folder, deleted.status === 'mirrored' ? deleted.file : ''))).toBe(true);
    expect(second.summary!.platforms[0]).toMatchObject({ edited: 1 });

    const checked = await verify();
    expect(checked.code, checked.output).toBe(0);

    // A second --full changes nothing more.
    const third = await runSync(world.workspace, fakeEnvironment(world.fake), ['--only', 'instagram', '--full']);
    expect(third.summary!.platforms[0]).toMatchObject({ edited: 0 });
    expect(archived(await readArchive(world.workspace), `instagram/${CAROUSEL_ID}`).provenance.versions).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(folder, 'post.json'), 'utf8')).media).toEqual(after.media);
  });
});
