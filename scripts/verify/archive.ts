/**
 * `verifyArchive`: the whole of `content/` checked without the network, every problem returned as data.
 * Read-only: it never repairs anything (the sync, or a person with git, does that).
 */
import { stat } from 'node:fs/promises';
import { ARCHIVE_STATE_FILE, POST_FILE } from '#archive/layout.ts';
import { postKey, type Post } from '#archive/post.ts';
import { describeArchiveStateProblem, findMisplaced, readArchivedPosts, readArchiveStateFile } from '#archive/archive-fs.ts';
import { letterCaseClashes, samePermalinkProblems } from './duplicates.ts';
import { readLayout, type PostFolder } from './layout.ts';
import { checkMirroredMedia, unnamedFiles } from './media.ts';
import { error, sortProblems, VerifyError, type Problem, type VerifyReport } from './problems.ts';
import { outsideCheckout, type OutsideCheckout } from './sparse-checkout.ts';
import { checkWithdrawals } from './withdrawals.ts';

export interface VerifyOptions {
  /** The most entries one folder may hold; MAX_FOLDER_ENTRIES (3,000) unless a test makes it smaller. */
  maxFolderEntries?: number;
}

export async function verifyArchive(contentDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  await requireFolder(contentDir);
  const layout = await readLayout(contentDir, options.maxFolderEntries);
  // Posts or withdrawals outside their shards: every other check would judge a partial archive, so the
  // report is what to move (and what has no place at all) until `npm run migrate-layout` has run.
  const misplaced = layout.postsReadable ? await findMisplaced(contentDir) : [];
  if (misplaced.length) {
    return {
      problems: sortProblems([...layout.problems, ...misplaced.map((entry) => error(entry.file, entry.message))]),
      posts: 0,
      mediaFiles: 0,
      mediaOutsideCheckout: 0,
    };
  }
  const outside = await outsideCheckout(contentDir, new Set(layout.paths));
  const archived = layout.postsReadable ? await readArchivedPosts(contentDir) : { posts: new Map<string, Post>(), problems: [] };
  const posts = [...archived.posts.values()];
  const problems: Problem[] = [
    ...layout.problems,
    ...archived.problems.map((problem) => error(problem.file, problem.message)),
    ...(await checkArchiveState(contentDir)),
    ...(await checkWithdrawals(contentDir, posts)),
    ...samePermalinkProblems(posts),
    ...letterCaseClashes(layout.paths),
    ...outsideProblems(outside, layout.postFolders),
  ];
  let mediaFiles = 0;
  let mediaOutsideCheckout = 0;
  for (const folder of layout.postFolders) {
    const post = archived.posts.get(postKey(folder));
    const checked = await checkPostFolder(contentDir, folder, post, outside.byFolder.get(folder.path) ?? []);
    problems.push(...checked.problems);
    mediaFiles += checked.mediaFiles;
    mediaOutsideCheckout += checked.mediaOutsideCheckout;
  }
  return { problems: sortProblems(problems), posts: posts.length, mediaFiles, mediaOutsideCheckout };
}

interface FolderCheck {
  problems: Problem[];
  mediaFiles: number;
  mediaOutsideCheckout: number;
}

/** A post folder's files against its post.json (when there is a valid one to compare with). */
async function checkPostFolder(contentDir: string, folder: PostFolder, post: Post | undefined, outsideFiles: readonly string[]): Promise<FolderCheck> {
  if (!folder.hasPostFile) {
    // The sync writes media first and post.json last, so this is a run killed in between (or a copy gone
    // wrong). The sync ignores such a folder and archives the post afresh once a run reaches it upstream.
    const message = 'has no post.json: a sync was killed before finishing this post; the next sync that reaches it (npm run sync -- --full) completes it';
    return { problems: [error(folder.path, message)], mediaFiles: 0, mediaOutsideCheckout: 0 };
  }
  // post.json is there but not valid: already reported, and without it no file here can be judged.
  if (!post) return { problems: [], mediaFiles: 0, mediaOutsideCheckout: 0 };
  const media = await checkMirroredMedia(contentDir, folder, post, outsideFiles);
  return {
    problems: [...media.problems, ...unnamedFiles(folder, post, outsideFiles)],
    mediaFiles: media.checked,
    mediaOutsideCheckout: media.outside,
  };
}

/**
 * A sparse checkout may leave out media files and nothing else: every post.json, withdrawal and
 * archive.json is read here, and a file git tracks as a link is never a mirrored image.
 */
function outsideProblems(outside: OutsideCheckout, folders: readonly PostFolder[]): Problem[] {
  const postFolders = new Set(folders.filter((folder) => folder.hasPostFile).map((folder) => folder.path));
  const problems: Problem[] = [];
  for (const path of outside.paths) {
    const kind = outside.notPlainFiles.get(path);
    if (kind) problems.push(error(path, `git tracks it as ${kind}, not a file (left out of this sparse checkout)`));
    else if (!postFolders.has(path.slice(0, Math.max(0, path.lastIndexOf('/')))) || path.endsWith(`/${POST_FILE}`)) {
      const message = 'left out of this sparse checkout: verify reads every post.json, withdrawal and archive.json, so a checkout may leave out media files only';
      problems.push(error(path, message));
    }
  }
  return problems;
}

/** `content/archive.json` is required: without it the site would silently drop the sample-data notice. */
async function checkArchiveState(contentDir: string): Promise<Problem[]> {
  const outcome = await readArchiveStateFile(contentDir);
  if ('invalid' in outcome) return [error(ARCHIVE_STATE_FILE, describeArchiveStateProblem(outcome))];
  if (outcome.missing) return [error(ARCHIVE_STATE_FILE, 'missing: a new archive starts with { "schemaVersion": 1, "sample": false, "lastSyncAt": null }')];
  return [];
}

async function requireFolder(contentDir: string): Promise<void> {
  const info = await stat(contentDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new VerifyError(`The archive folder ${contentDir} does not exist or is not a folder.`);
}
