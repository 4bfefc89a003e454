/**
 * `npm run migrate-layout`: moves every post folder and withdrawal file that is not in its shard (an
 * archive from before the shards, or one moved by hand) to where src/archive/layout.ts puts it, so that
 * no folder of content/ holds more than the 3,000 entries GitHub advises.
 *
 * Each move is one `rename`: atomic, so a crash leaves each post wholly in its old place or its new one,
 * and the next run finishes the rest; git sees renames, so each file's history follows. Idempotent: a
 * run with nothing to move says so. It holds the sync lock while it works, so it never runs beside a sync.
 * A place already taken by different content is refused before anything moves.
 *
 * Exit codes: 0 moved (or nothing to move), 1 refused (locked, a taken place, a bad flag), 2 a bug.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorCode, findPostFolders, findWithdrawalFiles, type Found } from '#archive/archive-fs.ts';
import { postFolder, withdrawalFile } from '#archive/layout.ts';
import type { Platform } from '#archive/post.ts';
import { FatalSyncError } from '#sync/errors.ts';
import { acquireLock } from '#sync/lock.ts';
import { displayFolder } from '#scripts/verify/problems.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run migrate-layout -- [--content DIR]   (default: content/ of this repository)';

/** A refusal with what to do: printed, exit 1. */
class MigrationRefused extends Error {
  override name = 'MigrationRefused';
}

/** One post folder or withdrawal file and its place, both relative to the content folder. */
interface Move {
  from: string;
  to: string;
}

async function plannedMoves(contentDir: string): Promise<Move[]> {
  const movesOf = (found: Found[], placeOf: (platform: Platform, id: string) => string) =>
    found.filter((item) => item.placement !== 'sharded').map((item) => ({ from: item.path, to: placeOf(item.platform, item.id) }));
  const { folders } = await findPostFolders(contentDir);
  return [...movesOf(folders, postFolder), ...movesOf(await findWithdrawalFiles(contentDir), withdrawalFile)];
}

/** Whether two files, or two folders of files, hold the same names and bytes. */
async function sameContent(a: string, b: string): Promise<boolean> {
  const [infoA, infoB] = await Promise.all([stat(a), stat(b)]);
  if (infoA.isDirectory() !== infoB.isDirectory()) return false;
  if (!infoA.isDirectory()) return (await readFile(a)).equals(await readFile(b));
  const [namesA, namesB] = await Promise.all([readdir(a), readdir(b)]);
  if (namesA.sort().join('\n') !== namesB.sort().join('\n')) return false;
  for (const name of namesA) if (!(await sameContent(join(a, name), join(b, name)))) return false;
  return true;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, (error: unknown) => (errorCode(error) === 'ENOENT' ? false : Promise.reject(error)));
}

/** Whether another item's content stands in this one's place (an identical copy does not count). */
async function placeTaken(contentDir: string, { from, to }: Move): Promise<boolean> {
  return (await exists(join(contentDir, to))) && !(await sameContent(join(contentDir, from), join(contentDir, to)));
}

function refusal({ from, to }: Move, shown: (path: string) => string): MigrationRefused {
  return new MigrationRefused(`${shown(to)} already exists with content different from ${shown(from)}. Compare the two (git status, git diff), keep the right one, and run the migration again.`);
}

/** Moves one item, or drops it when an identical copy already stands in its place. */
async function move(contentDir: string, planned: Move, shown: (path: string) => string): Promise<string> {
  const source = join(contentDir, planned.from);
  const target = join(contentDir, planned.to);
  // Checked again here: two old copies of one post share a place, which the first of them takes.
  if (await placeTaken(contentDir, planned)) throw refusal(planned, shown);
  if (await exists(target)) {
    await rm(source, { recursive: true });
    return `${shown(planned.from)}: removed, the same files are already at ${shown(planned.to)}`;
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(source, target);
  return `${shown(planned.from)} → ${shown(planned.to)}`;
}

async function migrate(contentDir: string): Promise<string[]> {
  const folder = displayFolder(contentDir, process.cwd());
  const shown = (path: string) => `${folder}/${path}`;
  const lock = await acquireLock(contentDir);
  try {
    const moves = await plannedMoves(contentDir);
    if (moves.length === 0) return [`${folder} is already in the sharded layout: nothing to move.`];
    // A taken place is refused before anything moves.
    for (const planned of moves) if (await placeTaken(contentDir, planned)) throw refusal(planned, shown);
    const lines: string[] = [];
    for (const planned of moves) lines.push(`  ${await move(contentDir, planned, shown)}`);
    return [
      `Moved ${moves.length} post folder(s) and withdrawal(s) of ${folder} into their shards:`,
      ...lines,
      'Now record the moves (git shows them as renames, so each file keeps its history):',
      `  git add -A ${folder} && git commit -m "Move ${folder}/ into the sharded layout (npm run migrate-layout)"`,
    ];
  } finally {
    await lock.release();
  }
}

function parseFlags(argv: string[]): { contentDir: string; help: boolean } {
  try {
    const { values } = parseArgs({ args: argv, options: { content: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true });
    return { contentDir: resolve(repoRoot, values.content ?? 'content'), help: values.help };
  } catch (problem) {
    throw new MigrationRefused(`${(problem as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  try {
    const { contentDir, help } = parseFlags(process.argv.slice(2));
    for (const line of help ? [USAGE] : await migrate(contentDir)) console.log(line);
    return 0;
  } catch (problem) {
    if (problem instanceof MigrationRefused) console.error(`migrate-layout: ${problem.message}`);
    else if (problem instanceof FatalSyncError) console.error(`migrate-layout: ${problem.message}\n${problem.action}`);
    else {
      console.error(`migrate-layout failed unexpectedly: ${String((problem as Error)?.stack ?? problem)}`);
      return 2;
    }
    return 1;
  }
}

process.exitCode = await main();
