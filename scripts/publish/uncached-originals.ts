/**
 * `node scripts/publish/uncached-originals.ts [--content DIR] [--cache DIR]`: the originals the next build
 * reads, one a line, as `git sparse-checkout add --stdin` takes them: each original whose published copies
 * (`src/utils/media-variants.ts`) are not all in the image cache (`.cache/media`, restored by CI).
 *
 * CI checks the archive out without its media (README: "What a run costs") and, before the build, fetches
 * just these. An original is listed whether or not it is on disk: one the sync wrote in this run is there,
 * but git takes it out of the working tree again as soon as a rebase or a sparse-checkout change rewrites
 * the tree, unless a pattern names it. Paths start at the top of the git repository that holds the
 * archive, with a leading "/" (a pattern naming one file, not any file of that name).
 *
 * The choice is the build's own (`uncachedCopies` in `src/integrations/media-files.ts`), from post.json
 * alone. Exit codes: 0 listed (maybe nothing), 1 the archive cannot be read (verify says why), 2 a bug.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorCode, readArchivedPosts, readWithdrawals } from '#archive/archive-fs.ts';
import { MEDIA_CACHE_DIR, originalsOf, uncachedCopies } from '#site/integrations/media-files.ts';
import { copiesShownFor } from '#site/lib/media.ts';
import { applyWithdrawals } from '#site/utils/withdrawals.ts';
import { ListError, printPatterns, sparsePatterns } from './sparse-paths.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The originals to fetch, as root-anchored paths of the repository holding `contentDir`. */
export async function uncachedOriginals(contentDir: string, cacheDir: string): Promise<{ paths: string[]; copies: number; uncached: number }> {
  const [archived, withdrawals] = await Promise.all([readArchivedPosts(contentDir), readWithdrawals(contentDir)]);
  const problems = [...archived.problems, ...withdrawals.problems];
  if (problems.length) throw new ListError(`content/ has files the archive reader refuses (npm run verify lists them): ${problems[0]!.file}: ${problems[0]!.message}`);
  const posts = applyWithdrawals([...archived.posts.values()], withdrawals.withdrawals.map((entry) => entry.withdrawal)).posts;
  const copies = copiesShownFor(posts);
  const uncached = uncachedCopies(copies, originalsOf(contentDir, posts), await cachedFiles(cacheDir));
  const paths = await sparsePatterns(contentDir, uncached.map(({ original }) => original));
  return { paths, copies: copies.length, uncached: uncached.length };
}

async function cachedFiles(cacheDir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(cacheDir));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return new Set();
    throw error;
  }
}

function main(): Promise<number> {
  return printPatterns('uncached-originals', async () => {
    const { values } = parseArgs({ options: { content: { type: 'string' }, cache: { type: 'string' } }, strict: true, allowPositionals: false });
    const contentDir = resolve(repoRoot, values.content ?? 'content');
    const cacheDir = resolve(repoRoot, values.cache ?? MEDIA_CACHE_DIR);
    const { paths, copies, uncached } = await uncachedOriginals(contentDir, cacheDir);
    const summary = uncached
      ? `${uncached} of ${copies} image copies are not in the cache; ${paths.length} original(s) listed`
      : `all ${copies} image copies are in the cache; no original listed`;
    return { paths, summary };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
