/**
 * What the Publish workflow asks of the live site before it builds:
 *
 * - `node scripts/publish/live-build.ts url`: the address of the live site's data/build.json, from the
 *   configured baseUrl (src/site.config.ts), wherever the site is hosted (Pages, a bucket, a server).
 * - `node scripts/publish/live-build.ts commit OWNER/NAME < build.json`: the commit that build record
 *   names, printed only when it is a record of that repository; nothing for anything else (an error
 *   page, another repository's site, a build from before records were kept), so the run publishes.
 *
 * Exit codes: 0 (an unusable record prints nothing), 1 a bad command line.
 */
import { text } from 'node:stream/consumers';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_FILE, buildRecordSchema } from '#site/lib/build-record.ts';
import { siteConfig } from '#site/site.config.ts';

/** The live build record's address under the site's base URL. */
export function liveBuildUrl(baseUrl: string): string {
  return new URL(`data/${BUILD_FILE}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

/** The commit a build record names, if it parses and belongs to `repository`. */
export function liveCommit(body: string, repository: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = buildRecordSchema.safeParse(json);
  if (!parsed.success || parsed.data.uncommittedChanges) return undefined;
  return parsed.data.repository?.toLowerCase() === repository.toLowerCase() ? (parsed.data.commit ?? undefined) : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, repository] = argv;
  if (command === 'url' && argv.length === 1) {
    console.log(liveBuildUrl(siteConfig.baseUrl));
    return 0;
  }
  if (command === 'commit' && repository && argv.length === 2) {
    const commit = liveCommit(await text(process.stdin), repository);
    if (commit) console.log(commit);
    else console.error('live-build: the live site names no commit of this repository.');
    return 0;
  }
  console.error('Usage: node scripts/publish/live-build.ts url | commit OWNER/NAME < build.json');
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
