/**
 * The built site names the exact commit it was built from, in the same words everywhere: data/build.json
 * (which the Publish workflow reads back from the live site), the transparency page (with the command a
 * journalist runs against the build provenance attestation), posts.json, and the manifest that lists
 * build.json by its sha256 (the file the workflow attests).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRecordSchema, commitUrl } from '#site/lib/build-record.ts';
import { loadHtml } from '../helpers/dist.ts';
import { DIST_DIR, REPO_ROOT, distFileForPath, sitePaths } from '../helpers/repo.ts';

const DATA = path.join(DIST_DIR, 'data');
const build = buildRecordSchema.parse(JSON.parse(readFileSync(path.join(DATA, 'build.json'), 'utf8')));
const commit = build.commit!;

describe('data/build.json', () => {
  it('names a commit of this repository (the sample build runs in a clone)', () => {
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(execFileSync('git', ['cat-file', '-t', commit], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).toBe('commit');
  });
});

describe('the transparency page', () => {
  const $ = loadHtml(distFileForPath(sitePaths.transparency()));

  it('names the commit, linked to its page in the repository when the repository is known', () => {
    const shown = $('.build-commit code');
    expect(shown.text()).toBe(commit);
    const link = shown.parent('a');
    if (build.repositoryUrl) expect(link.attr('href')).toBe(commitUrl(build));
    else expect(link.length).toBe(0);
    expect($('.build-commit').text().includes('belum di-commit')).toBe(build.uncommittedChanges);
  });

  it('shows the one command that checks a downloaded manifest against the attestation, and links build.json', () => {
    expect($('code.attestation-command').text()).toBe(`gh attestation verify manifest-sha256.txt --repo ${build.repository ?? 'PEMILIK/REPOSITORI'}`);
    expect($(`a[href="${sitePaths.asset('data/build.json')}"]`).length).toBe(1);
  });
});

describe('the open data', () => {
  it('posts.json names the commit', () => {
    expect((JSON.parse(readFileSync(path.join(DATA, 'posts.json'), 'utf8')) as { commit: string }).commit).toBe(commit);
  });

  it('the manifest lists build.json with its sha256, so the attested manifest vouches for the commit', () => {
    const line = readFileSync(path.join(DATA, 'manifest-sha256.txt'), 'utf8')
      .split('\n')
      .find((entry) => entry.endsWith('  build.json'));
    expect(line).toBe(`${createHash('sha256').update(readFileSync(path.join(DATA, 'build.json'))).digest('hex')}  build.json`);
  });

  it('the open-data page links build.json', () => {
    const $ = loadHtml(distFileForPath(sitePaths.openData()));
    expect($(`a[href="${sitePaths.asset('data/build.json')}"]`).text()).toContain('build.json');
  });
});
