/**
 * RSS feeds with @astrojs/rss: the newest listed posts of a selection, newest first. A reader renders
 * an item's description and content as HTML, so both are built by `feedHtml` from escaped caption text.
 */
import rss from '@astrojs/rss';
import type { Post } from '#archive/post.ts';
import { FEED_XMLNS, feedHtml, itemCustomData, summaryHtml } from '../utils/feed-html.ts';
import { ogImageOf } from './og-image.ts';
import { describe, displayTitle } from './present.ts';
import { paths, siteConfig, t } from './site.ts';

/** Feeds carry the latest items only; the archive pages and open data hold the rest. */
export const FEED_ITEM_LIMIT = 50;

/** Length of an item's summary (its description); the full caption is in its content. */
const SUMMARY_LENGTH = 300;

async function postItem(post: Post) {
  // Hashtags link to the site's own tag pages, which exist for exactly the tags stored with the post.
  const hashtagUrl = (tag: string) => (post.hashtags.includes(tag) ? paths.absolute(paths.hashtag(tag)) : undefined);
  return {
    title: displayTitle(post),
    link: paths.absolute(paths.post(post)),
    pubDate: new Date(post.publishedAt),
    description: summaryHtml(describe(post, SUMMARY_LENGTH)),
    content: feedHtml(post.text, { hashtagUrl }) || undefined,
    categories: [t.platforms[post.platform], ...post.hashtags],
    customData: itemCustomData({ creator: post.account.name, image: ogImageOf(post) }),
  };
}

/** The feed of a selection of listed posts (all, one account, one hashtag), newest first. */
export async function postFeed({ title, description, posts }: { title: string; description: string; posts: readonly Post[] }) {
  return rss({
    title,
    description,
    site: siteConfig.baseUrl,
    trailingSlash: true,
    xmlns: FEED_XMLNS,
    customData: `<language>id</language>`,
    items: await Promise.all(posts.slice(0, FEED_ITEM_LIMIT).map(postItem)),
  });
}
