/**
 * The files in a post folder against its post.json: every mirrored item's file (of the media list and of the
 * earlier lists its versions keep) is there with the recorded sha256 and size, and every other file is reported (an orphan, or a second copy of post.json). In a
 * sparse checkout, files git tracks but the working tree leaves out count as there, unhashed
 * (`sparse-checkout.ts`).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { MirroredMedia, Post } from '#archive/post.ts';
import type { PostFolder } from './layout.ts';
import { error, shortHash, type Problem } from './problems.ts';

export interface MirroredMediaCheck {
  problems: Problem[];
  /** Files on disk that passed: same bytes, same size. */
  checked: number;
  /** Files left out of a sparse checkout: tracked by git at their path, bytes not read. */
  outside: number;
}

/** Problems with the post's mirrored files. `outsideFiles`: names in the folder git tracks but the checkout leaves out. */
export async function checkMirroredMedia(
  contentDir: string,
  folder: PostFolder,
  post: Post,
  outsideFiles: readonly string[] = [],
): Promise<MirroredMediaCheck> {
  const result: MirroredMediaCheck = { problems: [], checked: 0, outside: 0 };
  for (const item of mirroredItems(post)) {
    const path = `${folder.path}/${item.file}`;
    if (!folder.files.includes(item.file) && outsideFiles.includes(item.file)) {
      result.outside += 1;
      continue;
    }
    // The layout walk lists plain files only, so a folder or link under a media name counts as missing here
    // (and the walk reports it as what it is).
    const problem = folder.files.includes(item.file)
      ? await checkMediaFile(join(contentDir, path), item)
      // The sync never fetches a mirrored item again, so git history is the only way back.
      : 'missing: post.json lists it as mirrored (restore it from git history)';
    if (problem) result.problems.push(error(path, problem));
    else result.checked += 1;
  }
  return result;
}

/** What is wrong with one mirrored file, or undefined when it is the file post.json describes. */
export async function checkMediaFile(path: string, item: MirroredMedia): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (problem) {
    return `cannot be read (${(problem as NodeJS.ErrnoException).code ?? (problem as Error).message})`;
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== item.sha256) {
    return `sha256 differs from post.json: expected ${shortHash(item.sha256)}, found ${shortHash(actual)} (the file changed after it was mirrored; restore it from git history)`;
  }
  // Same bytes as the sync decoded in full (media.inspectImage) when it mirrored them, so the header's
  // dimensions are enough here. A full decode costs ~50 ms an image: minutes on CI for a real archive.
  let size: { width?: number; height?: number };
  try {
    size = await sharp(bytes).metadata();
  } catch (problem) {
    return `not a readable image (${(problem as Error).message.slice(0, 80)})`;
  }
  if (size.width !== item.width || size.height !== item.height) {
    return `is ${size.width}x${size.height} pixels but post.json records ${item.width}x${item.height}`;
  }
  return undefined;
}

/**
 * Files in the folder that post.json does not name, on disk or (`outsideFiles`) left out of a sparse
 * checkout. A second JSON file there (`post (1).json`, `post.json.bak`, a case variant `Post.json`) is
 * called out as such: it is a second file for one post, which the site ignores but a reader of the
 * repository could take for the record.
 */
export function unnamedFiles(folder: PostFolder, post: Post, outsideFiles: readonly string[] = []): Problem[] {
  const named = new Set(mirroredItems(post).map((item) => item.file));
  const hasPending = post.media.some((item) => item.status === 'pending');
  return [...new Set([...folder.files, ...outsideFiles])]
    .filter((file) => !named.has(file))
    .map((file) => error(`${folder.path}/${file}`, unnamedFileMessage(file, hasPending)));
}

function unnamedFileMessage(file: string, hasPending: boolean): string {
  if (file.toLowerCase().includes('.json')) {
    return 'a second JSON file beside post.json (a copy?): post.json alone is the record; remove this one';
  }
  // A sync killed between writing an image and its post.json leaves such a file; the next run adopts it.
  const adoptable = hasPending ? ' (if a sync was killed while mirroring a pending item, the next sync adopts it)' : '';
  return `an orphan: no mirrored media item in post.json names it${adoptable}`;
}

/**
 * Every file the record names: the media list, and the earlier lists its versions keep (a carousel slide
 * deleted upstream stays in the folder, named by the version that listed it). Each file once, newest first.
 */
function mirroredItems(post: Post): MirroredMedia[] {
  const lists = [post.media, ...post.provenance.versions.toReversed().flatMap((version) => (version.media ? [version.media] : []))];
  const byFile = new Map<string, MirroredMedia>();
  for (const item of lists.flat()) if (item.status === 'mirrored' && !byFile.has(item.file)) byFile.set(item.file, item);
  return [...byFile.values()];
}
