/** RSS feeds with @astrojs/rss: the newest listed posts of a selection, newest first. */
import rss from '@astrojs/rss';
import type { Post } from '../schemas/post.ts';
import { describe, displayTitle } from './present.ts';
import { paths, siteConfig, t } from './site.ts';

/** Feeds carry the latest items only; the archive pages and open data hold the rest. */
export const FEED_ITEM_LIMIT = 50;

export function postFeed({ title, description, posts }: { title: string; description: string; posts: readonly Post[] }) {
  return rss({
    title,
    description,
    site: siteConfig.baseUrl,
    trailingSlash: true,
    customData: `<language>id</language>`,
    items: posts.slice(0, FEED_ITEM_LIMIT).map((post) => ({
      title: displayTitle(post),
      link: paths.absolute(paths.post(post)),
      pubDate: new Date(post.publishedAt),
      description: describe(post, 500),
      categories: [t.platforms[post.platform], ...post.hashtags],
      author: post.account.name,
    })),
  });
}
