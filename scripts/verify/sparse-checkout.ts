/**
 * Files a sparse checkout leaves out of the working tree. CI checks the archive out without its media
 * (README: "What a run costs"), so a mirrored file that is not on disk is not necessarily missing: git may
 * track it with the skip-worktree bit, which means "in the commit, on purpose not in this working tree".
 *
 * What can be said of such a file without its bytes: git tracks it, as a plain file, at the path
 * post.json names (and a file there that post.json does not name is still an orphan). What cannot: its
 * sha256 and dimensions. Git names a blob by the sha1 of a header and the bytes, which says nothing about
 * the sha256 post.json records, and in a partial clone even its size is not known without fetching it.
 * Each such file was hashed by the verify of the run that wrote it (new files are on disk), and git has
 * kept those bytes under that blob id since; a full checkout hashes them again.
 *
 * Outside a git repository, or without git, nothing is left out: every file is on disk or missing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Plain files as git records them (100755: the same, executable). */
const PLAIN_FILE_MODES = new Set(['100644', '100755']);

export interface OutsideCheckout {
  /** Paths relative to content/, with "/", of the files git tracks there but the working tree leaves out. */
  paths: ReadonlySet<string>;
  /** The same files by folder: folder path → file names. */
  byFolder: ReadonlyMap<string, readonly string[]>;
  /** Those of them git does not track as a plain file (a link, a submodule), with what git records. */
  notPlainFiles: ReadonlyMap<string, string>;
}

export const NOTHING_OUTSIDE: OutsideCheckout = { paths: new Set(), byFolder: new Map(), notPlainFiles: new Map() };

/**
 * `git ls-files -t -s -z`: "<tag> <mode> <blob> <stage>\t<path>\0", tag S for skip-worktree. A file
 * marked so but on disk all the same (`onDisk`) is not left out: it is checked like any other.
 */
export function parseOutsideCheckout(listing: string, onDisk: ReadonlySet<string>): OutsideCheckout {
  const paths = new Set<string>();
  const byFolder = new Map<string, string[]>();
  const notPlainFiles = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const match = /^S (\d{6}) [0-9a-f]+ \d\t(.+)$/s.exec(entry);
    if (!match || onDisk.has(match[2]!)) continue;
    const [, mode, path] = match as unknown as [string, string, string];
    paths.add(path);
    const slash = path.lastIndexOf('/');
    const folder = path.slice(0, Math.max(0, slash));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path.slice(slash + 1)]);
    if (!PLAIN_FILE_MODES.has(mode)) notPlainFiles.set(path, mode === '120000' ? 'a symbolic link' : `git mode ${mode}`);
  }
  return { paths, byFolder, notPlainFiles };
}

/** What git tracks under `contentDir` but the working tree leaves out (run in it, so paths are relative to it). */
export async function outsideCheckout(contentDir: string, onDisk: ReadonlySet<string>): Promise<OutsideCheckout> {
  let listing: string;
  try {
    ({ stdout: listing } = await promisify(execFile)('git', ['ls-files', '-t', '-s', '-z'], { cwd: contentDir, maxBuffer: 1 << 28 }));
  } catch {
    return NOTHING_OUTSIDE;
  }
  return parseOutsideCheckout(listing, onDisk);
}
