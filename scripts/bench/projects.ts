/**
 * The two Astro projects the benchmark builds from one synthetic archive: a copy of Warta itself (src,
 * config, packages linked), and the floor, a bare Astro project that renders the same number of pages
 * from the same content collection with nothing else (no images, feeds, search or open data).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Hard-linked copy of an archive folder (instant, no extra disk; atomic writes replace links, not targets). */
export function linkCopy(from: string, to: string): void {
  execFileSync('cp', ['-al', from, to]);
}

/** A copy of the Warta project at `dir` whose content/ is a linked copy of `archiveDir`. */
export async function wartaProject(repoRoot: string, dir: string, archiveDir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const item of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(join(repoRoot, item), join(dir, item), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  linkCopy(archiveDir, join(dir, 'content'));
}

/** The floor: one page per post, then plain list pages until the page count matches Warta's. */
export async function floorProject(repoRoot: string, dir: string, archiveDir: string, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', 'p'), { recursive: true });
  await mkdir(join(dir, 'src', 'pages', 'daftar'), { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  linkCopy(archiveDir, join(dir, 'content'));
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'warta-bench-floor', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory' } });\n");
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storedPostSchema } from ${JSON.stringify(join(repoRoot, 'src/archive/post.ts'))};
export const collections = { posts: defineCollection({ loader: glob({ pattern: '*/*/*/post.json', base: './content/posts' }), schema: storedPostSchema }) };
`,
  );
  const layout = (title: string, body: string) =>
    `<html lang="id"><head><meta charset="utf-8"><title>{${title}}</title></head><body>${body}</body></html>`;
  await writeFile(
    join(dir, 'src', 'pages', 'p', '[...id].astro'),
    `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('posts')).map((entry) => ({ params: { id: entry.id }, props: { post: entry.data } }));
}
const { post } = Astro.props;
---
${layout('post.title', '<h1>{post.title}</h1><p>{post.text}</p>')}
`,
  );
  await writeFile(
    join(dir, 'src', 'pages', 'daftar', '[n].astro'),
    `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  // getStaticPaths is hoisted out of the page: the page count is written into it.
  const posts = await getCollection('posts');
  const extra = Math.max(0, ${JSON.stringify(pages)} - posts.length);
  return Array.from({ length: extra }, (_, n) => ({ params: { n: String(n + 1) }, props: { items: posts.slice((n * 12) % posts.length, ((n * 12) % posts.length) + 12) } }));
}
const { items } = Astro.props;
---
${layout('"Daftar"', '<ul>{items.map((item) => <li>{item.data.title}</li>)}</ul>')}
`,
  );
}
