/**
 * The checkable record, published without copying it: data/manifest-sha256.txt covers the open-data
 * dumps, build.json and record-sha256.txt; data/record-sha256.txt every listed post's files as committed in content/ (checked against a
 * clone of the repository), and nothing of withdrawn posts. The open data copies no original.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postFolder } from '#archive/layout.ts';
import { CONTENT_DIR, DIST_DIR, REPO_ROOT, listFiles, readListedPosts, readWithdrawals } from '../helpers/repo.ts';

const DATA = path.join(DIST_DIR, 'data');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const linesOf = (name: string) =>
  readFileSync(path.join(DATA, name), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line);
      if (!match) throw new Error(`not a sha256sum line in ${name}: ${JSON.stringify(line)}`);
      return { hash: match[1]!, file: match[2]! };
    });

describe('data/manifest-sha256.txt', () => {
  it('lists exactly the open-data files (dumps, build record, record checklist), each with its sha256', () => {
    const entries = linesOf('manifest-sha256.txt');
    expect(entries.map((entry) => entry.file).sort()).toEqual(['build.json', 'posts.csv', 'posts.json', 'record-sha256.txt']);
    for (const { hash, file } of entries) expect(sha256(path.join(DATA, file)), file).toBe(hash);
  });
});

describe('data/record-sha256.txt', () => {
  const entries = linesOf('record-sha256.txt');

  it('lists exactly the files of every listed post, with the sha256 of the committed file', () => {
    const expected: string[] = [];
    for (const post of readListedPosts()) {
      const files = ['post.json', ...post.media.flatMap((item) => (item.status === 'mirrored' ? [item.file] : []))];
      for (const file of files) expected.push(`content/${postFolder(post.platform, post.id)}/${file}`);
    }
    expect(entries.map((entry) => entry.file).sort()).toEqual(expected.sort());
    // As `sha256sum -c record-sha256.txt` run at the root of a clone would check them.
    for (const { hash, file } of entries) expect(sha256(path.join(REPO_ROOT, file)), file).toBe(hash);
    expect(entries.every((entry) => entry.file.startsWith('content/') && existsSync(path.join(CONTENT_DIR, entry.file.slice('content/'.length))))).toBe(true);
  });

  it('names nothing of a withdrawn post', () => {
    const withdrawals = readWithdrawals();
    expect(withdrawals.length).toBeGreaterThan(0);
    for (const withdrawal of withdrawals) expect(entries.some((entry) => entry.file.includes(`/${withdrawal.id}/`))).toBe(false);
  });
});

describe('the open data copies nothing', () => {
  it('data/ holds the dumps, the build record and the two checklists, and no copy of the record', () => {
    expect(existsSync(path.join(DATA, 'arsip'))).toBe(false);
    expect(listFiles(DATA, () => true).sort()).toEqual(['build.json', 'index.html', 'manifest-sha256.txt', 'posts.csv', 'posts.json', 'record-sha256.txt']);
  });
});
