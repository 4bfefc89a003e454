/**
 * `node scripts/publish/unread-originals.ts [--limit N | --ocr-minutes M] [--content DIR]`: the images
 * the sync's OCR will read next (newest posts first, as `planReading` in scripts/ocr/backlog.ts orders
 * them), at most N (or what M minutes read, IMAGES_PER_MINUTE each), one a line, as
 * `git sparse-checkout add --stdin` takes them. CI checks the archive out without media and fetches these
 * before the sync, so a backlog is read a bounded slice per run; an image the sync downloads in the run is
 * on disk anyway. M is checked as the sync checks its own --ocr-minutes (scripts/shared/ocr-minutes.ts:
 * 2.5 is fine; "five" stops here with the sync's message, before anything runs). Exit codes: 0 listed (maybe nothing), 1 a bad flag or
 * an archive that cannot be read, 2 a bug.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { postDirectory, readArchivedPosts } from '#archive/archive-fs.ts';
import { planReading } from '#scripts/ocr/backlog.ts';
import { OCR_ENGINE } from '#scripts/ocr/engine.ts';
import { ocrMinutesProblem } from '#scripts/shared/ocr-minutes.ts';
import { ListError, printPatterns, sparsePatterns } from './sparse-paths.ts';

/** About what two cores read in a minute: the originals fetched for each minute of --ocr-minutes. */
export const IMAGES_PER_MINUTE = 120;

/** How many originals M minutes of reading need fetched. */
export const originalsFor = (minutes: number) => Math.ceil(minutes * IMAGES_PER_MINUTE);

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The originals of the next `limit` images due for reading, as root-anchored paths. */
export async function unreadOriginals(contentDir: string, limit: number): Promise<{ paths: string[]; due: number }> {
  const archived = await readArchivedPosts(contentDir);
  const { due } = planReading(archived.posts.values(), { engine: OCR_ENGINE });
  const next = due.slice(0, limit).map((image) => {
    const post = archived.posts.get(image.post)!;
    return join(postDirectory(contentDir, post.platform, post.id), image.file);
  });
  return { paths: await sparsePatterns(contentDir, next), due: due.length };
}

/** Minutes checked as the sync checks its own --ocr-minutes, with the same message. */
function ocrMinutes(text: string): number {
  const problem = ocrMinutesProblem(text);
  if (problem) throw new ListError(problem.replace('--ocr-minutes', '--ocr-minutes (OCR_MINUTES in CI)'));
  return Number(text);
}

function main(): Promise<number> {
  return printPatterns('unread-originals', async () => {
    const { values } = parseArgs({
      options: { content: { type: 'string' }, limit: { type: 'string' }, 'ocr-minutes': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const limit = values['ocr-minutes'] === undefined ? Number(values.limit ?? '500') : originalsFor(ocrMinutes(values['ocr-minutes']));
    if (!Number.isInteger(limit) || limit < 0) throw new ListError(`--limit must be a whole number of images, not "${values.limit}"`);
    const { paths, due } = await unreadOriginals(resolve(repoRoot, values.content ?? 'content'), limit);
    return { paths, summary: `${due} image(s) not read yet; ${paths.length} listed` };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
