/**
 * Withdrawn posts, read straight from `content/withdrawals/` for build steps that run outside the
 * content collections (the sitemap filter in astro.config.mjs, the open-data files after the build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withdrawalSchema, WITHDRAWALS_DIR } from '#archive/withdrawal.ts';
import { createPaths } from '../utils/paths.ts';

/** `<platform>/<id>` of every withdrawn post. */
export function withdrawnKeys(contentDir: string): Set<string> {
  const root = join(contentDir, WITHDRAWALS_DIR);
  const keys = new Set<string>();
  let platforms: string[];
  try {
    platforms = readdirSync(root);
  } catch {
    return keys; // no withdrawals yet
  }
  for (const platform of platforms) {
    for (const file of readdirSync(join(root, platform)).filter((name) => name.endsWith('.json'))) {
      // An invalid file is reported by the content collection with its path; here it is simply skipped.
      const parsed = withdrawalSchema.safeParse(JSON.parse(readFileSync(join(root, platform, file), 'utf8')));
      if (parsed.success) keys.add(`${parsed.data.platform}/${parsed.data.id}`);
    }
  }
  return keys;
}

export function withdrawnPageUrls(contentDir: string, baseUrl: string): Set<string> {
  const paths = createPaths(baseUrl);
  return new Set(
    [...withdrawnKeys(contentDir)].map((key) => {
      const [platform, id] = key.split('/') as ['youtube' | 'instagram', string];
      return paths.absolute(paths.post({ platform, id }));
    }),
  );
}
