/**
 * Publishes the record itself after `astro build`: every listed post's `post.json` and mirrored media,
 * byte for byte as committed in `content/`, under `data/arsip/`, and a BagIt-style
 * `data/manifest-sha256.txt` ("<sha256>  <path>" per line) covering them and the open-data dumps. Anyone
 * who downloaded the data can check it against the live site (`sha256sum -c`), and against git.
 * Withdrawn posts are left out: their files stay in git, not on the site.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postDirectory } from '#archive/archive-fs.ts';
import { POST_FILE, POSTS_DIR } from '#archive/layout.ts';
import { postFolder, postKey, type Post } from '#archive/post.ts';

export const MANIFEST_FILE = 'manifest-sha256.txt';
/** Files of the open data folder that the manifest covers besides the archive copy. */
const DUMPS = ['posts.json', 'posts.csv'];

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/**
 * Which posts are published is decided once, by the site from its content collection: the posts of
 * `data/posts.json` (listed posts only, so never a withdrawn one). Their files are copied from content/.
 */
async function publishedPosts(dataDir: string): Promise<Post[]> {
  const dump = JSON.parse(await readFile(join(dataDir, 'posts.json'), 'utf8')) as { posts: Post[] };
  return [...dump.posts].sort((a, b) => (postKey(a) < postKey(b) ? -1 : 1));
}

/** Copies the published posts' files into `<dataDir>/arsip/posts/…`; returns their paths relative to dataDir. */
async function copyArchive(contentDir: string, dataDir: string, posts: readonly Post[]): Promise<string[]> {
  const copied: string[] = [];
  for (const post of posts) {
    const files = [POST_FILE, ...post.media.flatMap((item) => (item.status === 'mirrored' ? [item.file] : []))];
    const source = postDirectory(contentDir, post.platform, post.id);
    const target = join(dataDir, 'arsip', postFolder(post.platform, post.id));
    await mkdir(target, { recursive: true });
    for (const file of files) {
      await copyFile(join(source, file), join(target, file));
      copied.push(`arsip/${POSTS_DIR}/${post.platform}/${post.id}/${file}`);
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
        const files = [...DUMPS, ...(await copyArchive(contentDir, dataDir, await publishedPosts(dataDir)))];
        // One file at a time: a large archive has tens of thousands, more than a process may hold open at once.
        const lines: string[] = [];
        for (const file of files) lines.push(`${await sha256(join(dataDir, file))}  ${file}`);
        await writeFile(join(dataDir, MANIFEST_FILE), `${lines.join('\n')}\n`);
        logger.info(`Published ${files.length - DUMPS.length} archive files with data/${MANIFEST_FILE}.`);
      },
    },
  };
}
