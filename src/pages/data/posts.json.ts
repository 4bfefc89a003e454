/** Every listed post exactly as archived (the post schema), newest first, with the commit the site was built from. */
import type { APIRoute } from 'astro';
import { getArchive } from '#site/lib/archive.ts';
import { siteConfig } from '#site/lib/site.ts';
import { thisBuild } from '#site/lib/build-record.ts';

export const GET: APIRoute = async () => {
  const { listed, state } = await getArchive();
  const body = { name: siteConfig.name, sample: state.sample, lastSyncAt: state.lastSyncAt, commit: thisBuild().commit, count: listed.length, posts: listed };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
