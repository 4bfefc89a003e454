/**
 * Reads the build record (src/lib/build-record.ts) from git and the environment, once per build.
 *
 * The commit is `WARTA_BUILD_COMMIT` when set (a build from a tarball whose commit is known), otherwise
 * `git rev-parse HEAD`; outside git it is null. The repository is GitHub Actions' own
 * `GITHUB_SERVER_URL`/`GITHUB_REPOSITORY`, otherwise the `origin` remote when it is on github.com.
 */
import { execFileSync } from 'node:child_process';
import type { BuildRecord } from './build-record.ts';

type Env = Readonly<Record<string, string | undefined>>;

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** "owner/name" from a github.com remote (https or ssh), or undefined. */
export function githubRepositoryOf(remote: string | undefined): string | undefined {
  const match = /^(?:https:\/\/github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(remote ?? '');
  return match?.[1];
}

export function readBuildRecord(cwd: string, env: Env = process.env): BuildRecord {
  const given = env.WARTA_BUILD_COMMIT?.trim().toLowerCase();
  if (given && !/^[0-9a-f]{40}$/.test(given)) {
    throw new Error(`WARTA_BUILD_COMMIT must be a full 40-character commit id, not "${given}".`);
  }
  const head = git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const commit = given ?? (head && /^[0-9a-f]{40}$/.test(head) ? head : null);
  // Given from outside, the commit is taken as the whole truth; from git, local edits are said.
  const uncommittedChanges = !given && commit !== null && (git(cwd, ['status', '--porcelain', '--untracked-files=no']) ?? '') !== '';
  const fromActions = env.GITHUB_REPOSITORY && env.GITHUB_SERVER_URL ? env.GITHUB_REPOSITORY : undefined;
  const repository = fromActions ?? githubRepositoryOf(git(cwd, ['remote', 'get-url', 'origin'])) ?? null;
  const server = fromActions ? env.GITHUB_SERVER_URL!.replace(/\/+$/, '') : 'https://github.com';
  return { commit, uncommittedChanges, repository, repositoryUrl: repository ? `${server}/${repository}` : null };
}

let cached: BuildRecord | undefined;

/** The record of this build (the working directory's repository), read once. */
export function buildRecord(): BuildRecord {
  cached ??= readBuildRecord(process.cwd());
  return cached;
}
