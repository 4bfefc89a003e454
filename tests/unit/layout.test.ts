/**
 * The sharded layout of content/ (src/archive/layout.ts): the shard of an id, the paths built from it,
 * and how a path found on disk is judged. Known values were computed with `printf %s ID | sha256sum`.
 */
import { describe, expect, it } from 'vitest';
import {
  locatePostFolder,
  locateWithdrawalFile,
  MAX_FOLDER_ENTRIES,
  postFolder,
  postFolderProblem,
  shardOf,
  unshardedPostFolder,
  unshardedWithdrawalFile,
  withdrawalFile,
  withdrawalFileProblem,
} from '#archive/layout.ts';

describe('shardOf', () => {
  it('is the first two hex digits of the sha256 of the id, as sha256sum prints it', () => {
    // printf %s 17895695668004550 | sha256sum → 1444a1eb23925c7f…
    expect(shardOf('17895695668004550')).toBe('14');
    // printf %s dQw4w9WgXcQ | sha256sum → 5f6b0b4e201f2a7e…
    expect(shardOf('dQw4w9WgXcQ')).toBe('5f');
  });

  it('spreads ids over all 256 shards, about evenly', () => {
    const counts = new Map<string, number>();
    for (let n = 0; n < 25_600; n++) {
      const shard = shardOf(String(17_800_000_000_000_000n + BigInt(n)));
      counts.set(shard, (counts.get(shard) ?? 0) + 1);
    }
    expect(counts.size).toBe(256);
    expect([...counts.keys()].every((shard) => /^[0-9a-f]{2}$/.test(shard))).toBe(true);
    // 100 expected per shard; 3,000 per folder is the limit, so even a lopsided spread is far from it.
    expect(Math.max(...counts.values())).toBeLessThan(160);
  });
});

describe('paths', () => {
  it('put a post in its shard, and its withdrawal likewise', () => {
    expect(postFolder('instagram', '17895695668004550')).toBe('posts/instagram/14/17895695668004550');
    expect(postFolder('youtube', 'dQw4w9WgXcQ')).toBe('posts/youtube/5f/dQw4w9WgXcQ');
    expect(withdrawalFile('youtube', 'dQw4w9WgXcQ')).toBe('withdrawals/youtube/5f/dQw4w9WgXcQ.json');
    expect(unshardedPostFolder('youtube', 'dQw4w9WgXcQ')).toBe('posts/youtube/dQw4w9WgXcQ');
    expect(unshardedWithdrawalFile('youtube', 'dQw4w9WgXcQ')).toBe('withdrawals/youtube/dQw4w9WgXcQ.json');
  });

  it('are built only from valid ids', () => {
    for (const build of [postFolder, withdrawalFile, unshardedPostFolder, unshardedWithdrawalFile]) {
      expect(() => build('instagram', '../../etc')).toThrow(/invalid instagram id/);
      expect(() => build('youtube', 'dQw4w9WgXc/')).toThrow(/invalid youtube id/);
    }
  });

  it('hold every folder to GitHub’s 3,000 entries', () => {
    expect(MAX_FOLDER_ENTRIES).toBe(3_000);
  });
});

describe('locating what was found on disk', () => {
  it('tells a post folder in its shard from one before the shards or in another shard', () => {
    expect(locatePostFolder('posts/youtube/5f/dQw4w9WgXcQ')).toEqual({ platform: 'youtube', id: 'dQw4w9WgXcQ', placement: 'sharded' });
    expect(locatePostFolder('posts/youtube/dQw4w9WgXcQ')).toEqual({ platform: 'youtube', id: 'dQw4w9WgXcQ', placement: 'unsharded' });
    expect(locatePostFolder('posts/youtube/00/dQw4w9WgXcQ')).toEqual({ platform: 'youtube', id: 'dQw4w9WgXcQ', placement: 'wrong-shard' });
  });

  it('names nothing for paths that are no post folder', () => {
    for (const path of ['posts/tiktok/5f/dQw4w9WgXcQ', 'posts/youtube/5f/not-an-id', 'posts/youtube/5F/dQw4w9WgXcQ', 'posts/youtube/x/5f/dQw4w9WgXcQ', 'withdrawals/youtube/5f/dQw4w9WgXcQ', 'posts']) {
      expect(locatePostFolder(path), path).toBeUndefined();
    }
  });

  it('locates withdrawal files the same way', () => {
    expect(locateWithdrawalFile('withdrawals/instagram/14/17895695668004550.json')).toEqual({ platform: 'instagram', id: '17895695668004550', placement: 'sharded' });
    expect(locateWithdrawalFile('withdrawals/instagram/17895695668004550.json')?.placement).toBe('unsharded');
    expect(locateWithdrawalFile('withdrawals/instagram/ff/17895695668004550.json')?.placement).toBe('wrong-shard');
    expect(locateWithdrawalFile('withdrawals/instagram/14/17895695668004550.txt')).toBeUndefined();
    expect(locateWithdrawalFile('posts/instagram/14/17895695668004550.json')).toBeUndefined();
  });
});

describe('what a reader says about a file it met', () => {
  const post = { platform: 'youtube', id: 'dQw4w9WgXcQ' } as const;

  it('nothing when the post is in its place', () => {
    expect(postFolderProblem('posts/youtube/5f/dQw4w9WgXcQ', post)).toBeUndefined();
    expect(withdrawalFileProblem('withdrawals/youtube/5f/dQw4w9WgXcQ.json', post)).toBeUndefined();
  });

  it('where it belongs and what to run, when it is before the shards or in another shard', () => {
    expect(postFolderProblem('posts/youtube/dQw4w9WgXcQ', post)).toBe(
      'is in the layout before shards; its place is content/posts/youtube/5f/dQw4w9WgXcQ: run `npm run migrate-layout`, which moves every post and withdrawal into place, then commit the moves',
    );
    expect(postFolderProblem('posts/youtube/ab/dQw4w9WgXcQ', post)).toMatch(/^is in the wrong shard .*; its place is content\/posts\/youtube\/5f\/dQw4w9WgXcQ: run `npm run migrate-layout`/);
    expect(withdrawalFileProblem('withdrawals/youtube/dQw4w9WgXcQ.json', post)).toMatch(/^is in the layout before shards; its place is content\/withdrawals\/youtube\/5f\/dQw4w9WgXcQ\.json: run/);
  });

  it('that the file holds another post, when platform or id differ from its path', () => {
    expect(postFolderProblem('posts/youtube/5f/AAAAAAAAAAA', post)).toBe('describes youtube/dQw4w9WgXcQ: platform and id must match the folder');
    expect(postFolderProblem('posts/instagram/14/17895695668004550', post)).toBe('describes youtube/dQw4w9WgXcQ: platform and id must match the folder');
    expect(withdrawalFileProblem('withdrawals/youtube/5f/AAAAAAAAAAA.json', post)).toBe('names youtube/dQw4w9WgXcQ: the file name must match');
  });
});
