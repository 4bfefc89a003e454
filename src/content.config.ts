/**
 * The archive as Astro content collections: every `content/posts/<platform>/<id>/post.json`, validated
 * against the shared post schema. A file that does not match fails the build, naming file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storedPostSchema } from '#archive/post.ts';
import { POST_FILE, POSTS_DIR, WITHDRAWALS_DIR } from '#archive/layout.ts';
import { withdrawalSchema } from '#archive/withdrawal.ts';

const posts = defineCollection({
  loader: glob({
    pattern: `*/*/${POST_FILE}`,
    base: `./content/${POSTS_DIR}`,
    // "youtube/dQw4w9WgXcQ/post.json" → "youtube/dQw4w9WgXcQ", the same key as postKey().
    generateId: ({ entry }) => entry.replace(/\/post\.json$/, ''),
  }),
  schema: storedPostSchema,
});

/** Staff withdrawals: `content/withdrawals/<platform>/<id>.json`, see src/archive/withdrawal.ts. */
const withdrawals = defineCollection({
  loader: glob({
    pattern: '*/*.json',
    base: `./content/${WITHDRAWALS_DIR}`,
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: withdrawalSchema,
});

export const collections = { posts, withdrawals };
