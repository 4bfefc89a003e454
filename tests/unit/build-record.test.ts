/**
 * Where a build's record (data/build.json) comes from: git and the environment, in a repository the test
 * makes. The built site's use of it is tests/build/build-commit.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRecordSchema, commitUrl } from '#site/lib/build-record.ts';
import { githubRepositoryOf, readBuildRecord } from '#site/lib/build-record-fs.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'warta-build-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } }).trim();
git('init', '-q', '-b', 'main');
writeFileSync(path.join(dir, 'a.txt'), 'one\n');
git('add', 'a.txt');
git('commit', '-qm', 'one');
const head = git('rev-parse', 'HEAD');

describe('readBuildRecord', () => {
  it('names HEAD, clean, with no repository when git has no GitHub remote and Actions says nothing', () => {
    const record = readBuildRecord(dir, {});
    expect(record).toEqual({ commit: head, uncommittedChanges: false, repository: null, repositoryUrl: null });
    expect(buildRecordSchema.parse(record)).toEqual(record);
    expect(commitUrl(record)).toBeUndefined();
  });

  it('says when tracked files differ from HEAD (a local build), but not for untracked ones', () => {
    writeFileSync(path.join(dir, 'untracked.txt'), 'x');
    expect(readBuildRecord(dir, {}).uncommittedChanges).toBe(false);
    writeFileSync(path.join(dir, 'a.txt'), 'two\n');
    expect(readBuildRecord(dir, {}).uncommittedChanges).toBe(true);
    git('checkout', '--', 'a.txt');
  });

  it('takes the repository from GitHub Actions, and links the commit', () => {
    const record = readBuildRecord(dir, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'office/warta' });
    expect(record).toMatchObject({ repository: 'office/warta', repositoryUrl: 'https://github.com/office/warta' });
    expect(commitUrl(record)).toBe(`https://github.com/office/warta/commit/${head}`);
  });

  it('takes the repository from a github.com origin otherwise', () => {
    git('remote', 'add', 'origin', 'git@github.com:office/warta.git');
    expect(readBuildRecord(dir, {})).toMatchObject({ repository: 'office/warta', repositoryUrl: 'https://github.com/office/warta' });
    git('remote', 'remove', 'origin');
  });

  it('trusts WARTA_BUILD_COMMIT (a build from a tarball), and refuses one that is not a full commit id', () => {
    const given = 'F'.repeat(40);
    expect(readBuildRecord(tmpdir(), { WARTA_BUILD_COMMIT: given })).toMatchObject({ commit: 'f'.repeat(40), uncommittedChanges: false });
    expect(() => readBuildRecord(dir, { WARTA_BUILD_COMMIT: 'abc123' })).toThrow('WARTA_BUILD_COMMIT must be a full 40-character commit id, not "abc123".');
  });

  it('names no commit outside git', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'warta-no-git-'));
    try {
      expect(readBuildRecord(outside, { GIT_CEILING_DIRECTORIES: tmpdir() }).commit).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('githubRepositoryOf', () => {
  it('reads https and ssh remotes of github.com, nothing else', () => {
    expect(githubRepositoryOf('https://github.com/office/warta.git')).toBe('office/warta');
    expect(githubRepositoryOf('https://github.com/office/warta')).toBe('office/warta');
    expect(githubRepositoryOf('ssh://git@github.com/office/warta.git')).toBe('office/warta');
    expect(githubRepositoryOf('https://gitlab.com/office/warta.git')).toBeUndefined();
    expect(githubRepositoryOf(undefined)).toBeUndefined();
  });
});
