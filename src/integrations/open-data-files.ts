/**
 * The checkable record, written after `astro build`, without publishing any file twice:
 *
 * - `data/build.json`: the commit the site was built from (src/lib/build-record.ts).
 * - `data/manifest-sha256.txt`: the sha256 of the open-data files the site publishes (posts.json,
 *   posts.csv, build.json, record-sha256.txt), "<sha256>  <file>" per line, so a download can be checked
 *   with `sha256sum -c`. The Publish workflow attests this file (build provenance): checking it with
 *   `gh attestation verify` and then the files with `sha256sum` ties each to the workflow that published it.
 * - `data/record-sha256.txt`: the sha256 of every listed post's files as committed in the repository
 *   (`content/posts/<platform>/<shard>/<id>/post.json` and its mirrored media, src/archive/layout.ts), checked the same way in a
 *   clone of the repository. The originals stay there, the record; the site does not copy them.
 *
 * Which posts are listed is decided once, by the site from its content collection: the posts of
 * `data/posts.json` (never a withdrawn one). Media hashes come from post.json, where the sync recorded
 * them and `npm run verify` checks them; only each post.json is hashed here.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postDirectory } from '#archive/archive-fs.ts';
import { POST_FILE, postFolder } from '#archive/layout.ts';
import type { Post } from '#archive/post.ts';
import { listedPostsOf } from './published-posts.ts';
import { BUILD_FILE } from '../lib/build-record.ts';
import { buildRecord } from '../lib/build-record-fs.ts';
import { FILES_AT_ONCE, inTurns } from '../utils/in-turns.ts';

export const MANIFEST_FILE = 'manifest-sha256.txt';
export const RECORD_FILE = 'record-sha256.txt';
/** The open-data files the manifest covers, written before it. */
export const MANIFEST_FILES = ['posts.json', 'posts.csv', BUILD_FILE, RECORD_FILE];

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** "<sha256>  content/posts/…" for each listed post's post.json and mirrored media, in path order. */
async function recordLines(contentDir: string, posts: readonly Post[]): Promise<string[]> {
  // A few files at a time (the build's shared limit): tens of thousands at once is more than a process may hold open.
  const perPost = await inTurns(posts, FILES_AT_ONCE, async (post) => {
    const folder = `content/${postFolder(post.platform, post.id)}`;
    const lines = [`${await sha256(join(postDirectory(contentDir, post.platform, post.id), POST_FILE))}  ${folder}/${POST_FILE}`];
    for (const item of post.media) if (item.status === 'mirrored') lines.push(`${item.sha256}  ${folder}/${item.file}`);
    return lines;
  });
  return perPost.flat();
}

export function openDataFiles(contentDir: string): AstroIntegration {
  return {
    name: 'warta:open-data-files',
    hooks: {
      // Pages read the record through thisBuild() (src/lib/build-record.ts), which needs no Node.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __WARTA_BUILD_RECORD__: JSON.stringify(buildRecord()) } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dataDir = join(fileURLToPath(dir), 'data');
        const build = buildRecord();
        await writeFile(join(dataDir, BUILD_FILE), `${JSON.stringify(build, null, 2)}\n`);
        const record = await recordLines(contentDir, await listedPostsOf(fileURLToPath(dir)));
        await writeFile(join(dataDir, RECORD_FILE), `${record.join('\n')}\n`);
        const listed: string[] = [];
        for (const file of MANIFEST_FILES) listed.push(`${await sha256(join(dataDir, file))}  ${file}`);
        await writeFile(join(dataDir, MANIFEST_FILE), `${listed.join('\n')}\n`);
        logger.info(`Wrote data/${BUILD_FILE} (commit ${build.commit ?? 'unknown'}), data/${RECORD_FILE} (${record.length} files of the record) and data/${MANIFEST_FILE}.`);
      },
    },
  };
}
