/** Every listed post exactly as archived (the post schema), newest first. */
import type { APIRoute } from 'astro';
import { getArchive } from '#site/lib/archive.ts';
import { siteConfig } from '#site/lib/site.ts';

export const GET: APIRoute = async () => {
  const { listed, state } = await getArchive();
  const body = { name: siteConfig.name, sample: state.sample, lastSyncAt: state.lastSyncAt, count: listed.length, posts: listed };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
