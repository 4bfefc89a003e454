/**
 * `verifyArchive`: the whole of `content/` checked without the network, every problem returned as data.
 * Read-only: it never repairs anything (the sync, or a person with git, does that).
 */
import { stat } from 'node:fs/promises';
import { ARCHIVE_STATE_FILE } from '#archive/layout.ts';
import { postKey, type Post } from '#archive/post.ts';
import { describeArchiveStateProblem, findMisplaced, readArchivedPosts, readArchiveStateFile } from '#archive/archive-fs.ts';
import { letterCaseClashes, samePermalinkProblems } from './duplicates.ts';
import { readLayout, type PostFolder } from './layout.ts';
import { checkMirroredMedia, unnamedFiles } from './media.ts';
import { error, sortProblems, VerifyError, type Problem, type VerifyReport } from './problems.ts';
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
    return { problems: sortProblems([...layout.problems, ...misplaced.map((entry) => error(entry.file, entry.message))]), posts: 0, mediaFiles: 0 };
  }
  const archived = layout.postsReadable ? await readArchivedPosts(contentDir) : { posts: new Map<string, Post>(), problems: [] };
  const posts = [...archived.posts.values()];
  const problems: Problem[] = [
    ...layout.problems,
    ...archived.problems.map((problem) => error(problem.file, problem.message)),
    ...(await checkArchiveState(contentDir)),
    ...(await checkWithdrawals(contentDir, posts)),
    ...samePermalinkProblems(posts),
    ...letterCaseClashes(layout.paths),
  ];
  let mediaFiles = 0;
  for (const folder of layout.postFolders) {
    const post = archived.posts.get(postKey(folder));
    const checked = await checkPostFolder(contentDir, folder, post);
    problems.push(...checked.problems);
    mediaFiles += checked.mediaFiles;
  }
  return { problems: sortProblems(problems), posts: posts.length, mediaFiles };
}

/** A post folder's files against its post.json (when there is a valid one to compare with). */
async function checkPostFolder(contentDir: string, folder: PostFolder, post: Post | undefined): Promise<{ problems: Problem[]; mediaFiles: number }> {
  if (!folder.hasPostFile) {
    // The sync writes media first and post.json last, so this is a run killed in between (or a copy gone
    // wrong). The sync ignores such a folder and archives the post afresh once a run reaches it upstream.
    const message = 'has no post.json: a sync was killed before finishing this post; the next sync that reaches it (npm run sync -- --full) completes it';
    return { problems: [error(folder.path, message)], mediaFiles: 0 };
  }
  // post.json is there but not valid: already reported, and without it no file here can be judged.
  if (!post) return { problems: [], mediaFiles: 0 };
  const media = await checkMirroredMedia(contentDir, folder, post);
  return { problems: [...media.problems, ...unnamedFiles(folder, post)], mediaFiles: media.checked };
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
