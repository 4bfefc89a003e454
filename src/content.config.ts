/**
 * The archive as Astro content collections: every `content/posts/<platform>/<shard>/<id>/post.json`,
 * validated against the shared post schema. A file that does not match fails the build, naming file and
 * field. The patterns take files at any depth, so a post or withdrawal outside its shard is not silently
 * left out: src/lib/archive.ts refuses it, saying where it belongs (src/archive/layout.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storedPostSchema } from '#archive/post.ts';
import { POST_FILE, POSTS_DIR, WITHDRAWALS_DIR } from '#archive/layout.ts';
import { withdrawalSchema } from '#archive/withdrawal.ts';

const posts = defineCollection({
  loader: glob({
    pattern: `**/${POST_FILE}`,
    base: `./content/${POSTS_DIR}`,
    // "youtube/5f/dQw4w9WgXcQ/post.json" → "youtube/5f/dQw4w9WgXcQ": the folder, relative to content/posts/.
    generateId: ({ entry }) => entry.slice(0, -`/${POST_FILE}`.length),
  }),
  schema: storedPostSchema,
});

/** Staff withdrawals: `content/withdrawals/<platform>/<shard>/<id>.json`, see src/archive/withdrawal.ts. */
const withdrawals = defineCollection({
  loader: glob({
    pattern: '**/*.json',
    base: `./content/${WITHDRAWALS_DIR}`,
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: withdrawalSchema,
});

export const collections = { posts, withdrawals };
