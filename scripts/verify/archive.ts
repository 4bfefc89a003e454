/**
 * `verifyArchive`: the whole of `content/` checked without the network, every problem returned as data.
 * Read-only: it never repairs anything (the sync, or a person with git, does that).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveStateSchema, ARCHIVE_STATE_FILE } from '#archive/state.ts';
import { postKey, type Post } from '#archive/post.ts';
import { readArchivedPosts } from '../sync/store.ts';
import { letterCaseClashes, samePermalinkProblems } from './duplicates.ts';
import { readLayout, type PostFolder } from './layout.ts';
import { checkMirroredMedia, unnamedFiles } from './media.ts';
import { describeIssues, error, sortProblems, VerifyError, type Problem, type VerifyReport } from './problems.ts';
import { checkWithdrawals } from './withdrawals.ts';

export async function verifyArchive(contentDir: string): Promise<VerifyReport> {
  await requireFolder(contentDir);
  const layout = await readLayout(contentDir);
  const archived = layout.postsReadable ? await readArchivedPosts(contentDir) : { posts: new Map<string, Post>(), problems: [] };
  const posts = [...archived.posts.values()];
  const problems: Problem[] = [
    ...layout.problems,
    ...archived.problems.map((problem) => error(problem.file, problem.message)),
    ...(await checkArchiveState(contentDir)),
    ...(await checkWithdrawals(contentDir, layout.withdrawalFiles, posts)),
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
  let text: string;
  try {
    text = await readFile(join(contentDir, ARCHIVE_STATE_FILE), 'utf8');
  } catch (problem) {
    const code = (problem as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT'
      ? 'missing: a new archive starts with { "schemaVersion": 1, "sample": false, "lastSyncAt": null }'
      : `cannot be read (${code ?? (problem as Error).message})`;
    return [error(ARCHIVE_STATE_FILE, message)];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (problem) {
    return [error(ARCHIVE_STATE_FILE, `not valid JSON (${(problem as Error).message})`)];
  }
  const result = archiveStateSchema.safeParse(value);
  if (result.success) return [];
  return [error(ARCHIVE_STATE_FILE, `does not match its schema (src/schemas/archive.ts): ${describeIssues(result.error.issues, '(file)')}`)];
}

async function requireFolder(contentDir: string): Promise<void> {
  const info = await stat(contentDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new VerifyError(`The archive folder ${contentDir} does not exist or is not a folder.`);
}
