/**
 * The archive as Astro content collections: every `content/posts/<platform>/<id>/post.json`, validated
 * against the shared post schema. A file that does not match fails the build, naming file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from '#archive/post.ts';
import { withdrawalSchema } from '#archive/withdrawal.ts';

const posts = defineCollection({
  loader: glob({
    pattern: '*/*/post.json',
    base: './content/posts',
    // "youtube/dQw4w9WgXcQ/post.json" → "youtube/dQw4w9WgXcQ", the same key as postKey().
    generateId: ({ entry }) => entry.replace(/\/post\.json$/, ''),
  }),
  schema: postSchema,
});

/** Staff withdrawals: `content/withdrawals/<platform>/<id>.json`, see src/schemas/withdrawal.ts. */
const withdrawals = defineCollection({
  loader: glob({
    pattern: '*/*.json',
    base: './content/withdrawals',
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: withdrawalSchema,
});

export const collections = { posts, withdrawals };
