/**
 * What a CI checkout of the archive costs. The synthetic archive is committed once into a repository of
 * its own (kept beside the archive), then cloned over file:// without hard links, as a runner clones
 * over the network:
 *
 * - full: `--depth 1`, what actions/checkout does by default: every post.json and every original;
 * - sparse: what the Publish workflow's build job checks out (`--depth 1 --filter=blob:none --sparse` with
 *   the patterns publish.yml names: everything but the media), then, on that clone, `npm run verify` and
 *   the fetch of one post's originals (`git sparse-checkout add`), what a build after one new post fetches.
 *
 * Standalone, on an archive the bench drew before (the full clone takes minutes; `--skip-full` leaves it out):
 *
 *   node scripts/bench/clone.ts --archive /tmp/warta-bench/archive-10000-v4 [--work DIR] [--skip-full]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readArchivedPosts } from '#archive/archive-fs.ts';
import { postFolder } from '#archive/layout.ts';
import { measure, type Measured } from './measure.ts';
import { linkCopy } from './projects.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CloneCost {
  seconds: number;
  /** Bytes on disk after the clone: work tree and .git. */
  bytes: number;
  files: number;
}

/** How the Publish workflow's build job checks out, as publish.yml says: the filter and the sparse patterns. */
export function workflowCheckout(repoRoot = REPO_ROOT): { filter: string; coneMode: boolean; patterns: string[] } {
  const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/publish.yml'), 'utf8'));
  const step = workflow.jobs.build.steps.find((candidate: { uses?: string }) => candidate.uses?.startsWith('actions/checkout@'));
  const options = step.with as { filter: string; 'sparse-checkout': string; 'sparse-checkout-cone-mode': boolean };
  return { filter: options.filter, coneMode: options['sparse-checkout-cone-mode'], patterns: options['sparse-checkout'].trim().split('\n').map((line) => line.trim()) };
}

export interface SparseCosts extends CloneCost {
  /** `npm run verify` on the clone: the media it hashes are the ones on disk. */
  verify: Measured;
  /** `git sparse-checkout add` of the originals of the post with the most images. */
  onePost: { seconds: number; originals: number; fetchedBytes: number };
}

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

const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** The clone, timed and measured; left in place for `then`, removed afterwards. */
async function timedClone<T>(originDir: string, target: string, args: string[], after?: (dir: string) => void, then?: (dir: string) => Promise<T>): Promise<CloneCost & { then?: T }> {
  await rm(target, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  execFileSync('git', ['clone', '-q', '--no-local', '--depth', '1', ...args, `file://${originDir}`, target], { stdio: 'ignore' });
  after?.(target);
  const seconds = since(started);
  const usage = await diskUsage(target);
  const result = then ? await then(target) : undefined;
  await rm(target, { recursive: true, force: true });
  return { seconds, ...usage, ...(then ? { then: result } : {}) };
}

/** Fetches the originals of the post with the most mirrored images, as the build job does after one new post. */
async function fetchOnePost(clone: string): Promise<SparseCosts['onePost']> {
  const posts = [...(await readArchivedPosts(join(clone, 'content'))).posts.values()];
  const mirroredFiles = (post: (typeof posts)[number]) => post.media.flatMap((item) => (item.status === 'mirrored' ? [item.file] : []));
  const post = posts.reduce((most, candidate) => (mirroredFiles(candidate).length > mirroredFiles(most).length ? candidate : most));
  const paths = mirroredFiles(post).map((file) => `/content/${postFolder(post.platform, post.id)}/${file}`);
  const before = await diskUsage(join(clone, '.git'));
  const started = process.hrtime.bigint();
  execFileSync('git', ['sparse-checkout', 'add', '--stdin'], { cwd: clone, input: paths.join('\n'), stdio: ['pipe', 'ignore', 'ignore'] });
  const seconds = since(started);
  return { seconds, originals: paths.length, fetchedBytes: (await diskUsage(join(clone, '.git'))).bytes - before.bytes };
}

export async function cloneCosts(archiveDir: string, workDir: string, options: { skipFull?: boolean } = {}): Promise<{ full?: CloneCost; sparse: SparseCosts }> {
  const originDir = `${archiveDir}-git`;
  await originRepository(archiveDir, originDir);
  const full = options.skipFull ? undefined : await timedClone(originDir, join(workDir, 'clone-full'), []);
  const checkout = workflowCheckout();
  const { then, ...sparse } = await timedClone(
    originDir,
    join(workDir, 'clone-sparse'),
    [`--filter=${checkout.filter}`, '--sparse'],
    (dir) => execFileSync('git', ['sparse-checkout', 'set', checkout.coneMode ? '--cone' : '--no-cone', '--stdin'], { cwd: dir, input: checkout.patterns.join('\n') }),
    async (dir) => ({
      verify: await measure(process.execPath, [join(REPO_ROOT, 'scripts/verify.ts'), '--content', join(dir, 'content')], { cwd: REPO_ROOT, log: join(workDir, 'verify-sparse.log') }),
      onePost: await fetchOnePost(dir),
    }),
  );
  return { ...(full ? { full } : {}), sparse: { ...sparse, ...then! } };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { archive: { type: 'string' }, work: { type: 'string' }, 'skip-full': { type: 'boolean', default: false } }, strict: true });
  if (!values.archive) throw new Error('Usage: node scripts/bench/clone.ts --archive DIR [--work DIR] [--skip-full]');
  const archiveDir = resolve(values.archive);
  const workDir = resolve(values.work ?? `${archiveDir}-clones`);
  await mkdir(workDir, { recursive: true });
  const costs = await cloneCosts(archiveDir, workDir, { skipFull: values['skip-full'] });
  console.log(JSON.stringify(costs, null, 2));
}
