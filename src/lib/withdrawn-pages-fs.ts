/**
 * The pages of withdrawn posts, for the sitemap filter in astro.config.mjs, which runs outside the
 * content collections. Read through the archive's one reader; an invalid file is not skipped here
 * silently: the content collection fails the build on it, naming the file.
 */
import { readWithdrawals } from '#archive/archive-fs.ts';
import { createPaths } from '../utils/paths.ts';

export async function withdrawnPageUrls(contentDir: string, baseUrl: string): Promise<Set<string>> {
  const paths = createPaths(baseUrl);
  const { withdrawals } = await readWithdrawals(contentDir);
  return new Set(withdrawals.map(({ withdrawal }) => paths.absolute(paths.post(withdrawal))));
}
