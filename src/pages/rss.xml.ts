import type { APIRoute } from 'astro';
import { getArchive } from '../lib/archive.ts';
import { postFeed } from '../lib/feeds.ts';
import { siteConfig, t } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const { listed } = await getArchive();
  return postFeed({ title: t.feed.allTitle(siteConfig.name), description: siteConfig.description, posts: listed });
};
