/**
 * The posts a built site lists, as its own open-data dump (`data/posts.json`) says: the one place after
 * `astro build` where the site's choice (never a withdrawn post) can be read back, so the integrations that
 * publish files for posts follow the pages exactly.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { postKey, type Post } from '#archive/post.ts';

/** The listed posts of the site built in `siteDir`, in path order. */
export async function listedPostsOf(siteDir: string): Promise<Post[]> {
  const dump = JSON.parse(await readFile(join(siteDir, 'data', 'posts.json'), 'utf8')) as { posts: Post[] };
  return [...dump.posts].sort((a, b) => (postKey(a) < postKey(b) ? -1 : 1));
}
