/**
 * The archive as Astro content collections: every `content/posts/<platform>/<id>/post.json`, validated
 * against the shared post schema. A file that does not match fails the build, naming file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from './schemas/post.ts';

const posts = defineCollection({
  loader: glob({
    pattern: '*/*/post.json',
    base: './content/posts',
    // "youtube/dQw4w9WgXcQ/post.json" → "youtube/dQw4w9WgXcQ", the same key as postKey().
    generateId: ({ entry }) => entry.replace(/\/post\.json$/, ''),
  }),
  schema: postSchema,
});

export const collections = { posts };
