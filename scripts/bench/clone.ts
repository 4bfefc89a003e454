/**
 * What a CI checkout of the archive costs. The synthetic archive is committed once into a repository of
 * its own (kept beside the archive), then cloned over file:// without hard links, as a runner clones
 * over the network, in two ways:
 *
 * - full: `--depth 1`, what actions/checkout does by default: every post.json and every original;
 * - sparse: `--depth 1 --filter=blob:none --sparse`, then only content/archive.json, the post.json files
 *   and the withdrawals: what a sync, or a build whose image copies are all cached, reads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkCopy } from './projects.ts';

export interface CloneCost {
  seconds: number;
  /** Bytes on disk after the clone: work tree and .git. */
  bytes: number;
  files: number;
}

/** The sparse patterns: the archive without its media. */
export const SPARSE_PATTERNS = ['/content/archive.json', '/content/posts/**/post.json', '/content/withdrawals/'];

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });

async function diskUsage(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** The archive as one commit of a repository at `originDir` (made once; reused while its marker exists). */
async function originRepository(archiveDir: string, originDir: string): Promise<void> {
  const marker = `${originDir}.complete`;
  if (existsSync(marker)) return;
  await rm(originDir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', originDir]);
  git(originDir, 'init', '-q', '-b', 'main');
  linkCopy(archiveDir, join(originDir, 'content'));
  git(originDir, 'add', '-A');
  git(originDir, '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-q', '-m', 'The synthetic archive');
  // A partial clone asks the server to filter blobs; GitHub allows it, a local repository must be told to.
  git(originDir, 'config', 'uploadpack.allowFilter', 'true');
  await writeFile(marker, '');
}

async function timedClone(originDir: string, target: string, args: string[], after?: (dir: string) => void): Promise<CloneCost> {
  await rm(target, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  execFileSync('git', ['clone', '-q', '--no-local', '--depth', '1', ...args, `file://${originDir}`, target], { stdio: 'ignore' });
  after?.(target);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = await diskUsage(target);
  await rm(target, { recursive: true, force: true });
  return { seconds, ...usage };
}

export async function cloneCosts(archiveDir: string, workDir: string): Promise<{ full: CloneCost; sparse: CloneCost }> {
  const originDir = `${archiveDir}-git`;
  await originRepository(archiveDir, originDir);
  const full = await timedClone(originDir, join(workDir, 'clone-full'), []);
  const sparse = await timedClone(originDir, join(workDir, 'clone-sparse'), ['--filter=blob:none', '--sparse'], (dir) =>
    git(dir, 'sparse-checkout', 'set', '--no-cone', ...SPARSE_PATTERNS),
  );
  return { full, sparse };
}
