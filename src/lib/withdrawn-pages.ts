/**
 * The addresses of withdrawn posts, read straight from `content/withdrawals/` for build-time
 * configuration that runs before content collections exist (the sitemap filter in astro.config.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withdrawalSchema, WITHDRAWALS_DIR } from '../schemas/withdrawal.ts';
import { createPaths } from '../utils/paths.ts';

export function withdrawnPageUrls(contentDir: string, baseUrl: string): Set<string> {
  const paths = createPaths(baseUrl);
  const root = join(contentDir, WITHDRAWALS_DIR);
  const urls = new Set<string>();
  let platforms: string[];
  try {
    platforms = readdirSync(root);
  } catch {
    return urls; // no withdrawals yet
  }
  for (const platform of platforms) {
    for (const file of readdirSync(join(root, platform)).filter((name) => name.endsWith('.json'))) {
      // An invalid file is reported by the content collection with its path; here it is simply skipped.
      const parsed = withdrawalSchema.safeParse(JSON.parse(readFileSync(join(root, platform, file), 'utf8')));
      if (parsed.success) urls.add(paths.absolute(paths.post(parsed.data)));
    }
  }
  return urls;
}
