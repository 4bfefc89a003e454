/**
 * Publishes the record itself after `astro build`: every listed post's `post.json` and mirrored media,
 * byte for byte as committed in `content/`, under `data/arsip/`, and a BagIt-style
 * `data/manifest-sha256.txt` ("<sha256>  <path>" per line) covering them and the open-data dumps. Anyone
 * who downloaded the data can check it against the live site (`sha256sum -c`), and against git.
 * Withdrawn posts are left out: their files stay in git, not on the site.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postSchema } from '#archive/post.ts';
import { withdrawnKeys } from '../lib/withdrawn-pages.ts';

export const MANIFEST_FILE = 'manifest-sha256.txt';
/** Files of the open data folder that the manifest covers besides the archive copy. */
const DUMPS = ['posts.json', 'posts.csv'];

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** Copies the listed posts' files into `<dataDir>/arsip/posts/…`; returns their paths relative to dataDir. */
async function copyArchive(contentDir: string, dataDir: string): Promise<string[]> {
  const withdrawn = withdrawnKeys(contentDir);
  const copied: string[] = [];
  for (const platform of (await readdir(join(contentDir, 'posts'))).sort()) {
    for (const id of (await readdir(join(contentDir, 'posts', platform))).sort()) {
      if (withdrawn.has(`${platform}/${id}`)) continue;
      const folder = join(contentDir, 'posts', platform, id);
      // The build has already validated every post.json; parse again only to learn its media files.
      const post = postSchema.parse(JSON.parse(await readFile(join(folder, 'post.json'), 'utf8')));
      const files = ['post.json', ...post.media.flatMap((item) => (item.status === 'mirrored' ? [item.file] : []))];
      const target = join(dataDir, 'arsip', 'posts', platform, id);
      await mkdir(target, { recursive: true });
      for (const file of files) {
        await copyFile(join(folder, file), join(target, file));
        copied.push(`arsip/posts/${platform}/${id}/${file}`);
      }
    }
  }
  return copied;
}

export function openDataFiles(contentDir: string): AstroIntegration {
  return {
    name: 'warta:open-data-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dataDir = join(fileURLToPath(dir), 'data');
        const files = [...DUMPS, ...(await copyArchive(contentDir, dataDir))];
        // One file at a time: a large archive has tens of thousands, more than a process may hold open at once.
        const lines: string[] = [];
        for (const file of files) lines.push(`${await sha256(join(dataDir, file))}  ${file}`);
        await writeFile(join(dataDir, MANIFEST_FILE), `${lines.join('\n')}\n`);
        logger.info(`Published ${files.length - DUMPS.length} archive files with data/${MANIFEST_FILE}.`);
      },
    },
  };
}
