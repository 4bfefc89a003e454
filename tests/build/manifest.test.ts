/**
 * The published manifest: every listed post's post.json and mirrored media, copied byte for byte from
 * content/, plus the open-data dumps, each with its sha256 — and nothing of withdrawn posts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, DIST_DIR, listFiles, readListedPosts, readWithdrawals } from '../helpers/repo.ts';

const DATA = path.join(DIST_DIR, 'data');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const entries = readFileSync(path.join(DATA, 'manifest-sha256.txt'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => {
    const match = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line);
    if (!match) throw new Error(`not a manifest line: ${JSON.stringify(line)}`);
    return { hash: match[1]!, file: match[2]! };
  });

describe('data/manifest-sha256.txt', () => {
  it('matches every file it lists', () => {
    for (const { hash, file } of entries) expect(sha256(path.join(DATA, file)), file).toBe(hash);
  });

  it('lists exactly the dumps and the files of every listed post, as committed in content/', () => {
    const expected = ['posts.json', 'posts.csv'];
    for (const post of readListedPosts()) {
      const files = ['post.json', ...post.media.flatMap((item) => (item.status === 'mirrored' ? [item.file] : []))];
      for (const file of files) {
        const relative = `posts/${post.platform}/${post.id}/${file}`;
        expected.push(`arsip/${relative}`);
        expect(sha256(path.join(DATA, 'arsip', relative)), relative).toBe(sha256(path.join(CONTENT_DIR, relative)));
      }
    }
    expect(entries.map((entry) => entry.file).sort()).toEqual(expected.sort());
    expect(listFiles(path.join(DATA, 'arsip'), () => true).map((file) => `arsip/${file}`).sort()).toEqual(
      expected.filter((file) => file.startsWith('arsip/')).sort(),
    );
  });

  it('publishes no file of a withdrawn post', () => {
    const withdrawals = readWithdrawals();
    expect(withdrawals.length).toBeGreaterThan(0);
    for (const withdrawal of withdrawals) {
      expect(existsSync(path.join(DATA, 'arsip/posts', withdrawal.platform, withdrawal.id))).toBe(false);
      expect(entries.some((entry) => entry.file.includes(`/${withdrawal.id}/`))).toBe(false);
    }
  });
});
