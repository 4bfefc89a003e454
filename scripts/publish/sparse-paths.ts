/**
 * Files of the archive as `git sparse-checkout add --stdin` takes them: paths from the top of the git
 * repository that holds `content/`, with a leading "/" (a pattern naming one file, not any file of that
 * name). CI checks the archive out without its media and fetches just the originals a step needs.
 */
import { execFileSync } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { MisplacedFilesError } from '#archive/errors.ts';

/** A list that cannot be made: a message for staff, not a stack. */
export class ListError extends Error {}

function gitTopLevel(dir: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    throw new ListError(`${dir} is not inside a git repository: the list is of paths for git sparse-checkout`);
  }
}

/** Root-anchored, sorted, without repeats: the files (absolute paths inside `contentDir`) as sparse-checkout patterns. */
export async function sparsePatterns(contentDir: string, files: readonly string[]): Promise<string[]> {
  const top = gitTopLevel(contentDir);
  const real = await realpath(contentDir);
  return [...new Set(files.map((file) => `/${relative(top, resolve(real, relative(contentDir, file))).split(sep).join('/')}`))].sort();
}

/**
 * A list command's main: prints the patterns on stdout (for `git sparse-checkout add --stdin`) and one
 * summary line on stderr. Exit 0 listed (maybe nothing); 1 a bad flag or an archive that cannot be read
 * as one, with a message, not a stack; 2 a bug.
 */
export async function printPatterns(name: string, list: () => Promise<{ paths: string[]; summary: string }>): Promise<number> {
  try {
    const { paths, summary } = await list();
    for (const path of paths) console.log(path);
    console.error(`${name}: ${summary}`);
    return 0;
  } catch (error) {
    if (error instanceof ListError || error instanceof MisplacedFilesError || (error instanceof TypeError && 'code' in error)) {
      console.error(`${name}: ${error.message}`);
      return 1;
    }
    console.error(`${name} failed unexpectedly: ${String((error as Error)?.stack ?? error)}`);
    return 2;
  }
}
