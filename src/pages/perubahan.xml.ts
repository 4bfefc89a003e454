/**
 * RSS of changes: edits, removals upstream and staff withdrawals, newest first, for journalists. Item
 * markup follows the post feeds' rules (src/utils/feed-html.ts): escaped text, no markup from any caption.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/archive.ts';
import { ogImageOf } from '../lib/og-image.ts';
import { displayTitle } from '../lib/present.ts';
import { paths, siteConfig, t } from '../lib/site.ts';
import { changeEvents, type ChangeEvent } from '../utils/changes.ts';
import { formatDate } from '../utils/dates.ts';
import { FEED_XMLNS, feedHtml, itemCustomData, summaryHtml } from '../utils/feed-html.ts';
import { summarize } from '../utils/text.ts';

const LIMIT = 100;

async function item(event: ChangeEvent) {
  if (event.type === 'withdrawn') {
    // Only what the tombstone page shows: platform, date and the public reason; no account, text or image.
    const platform = t.platforms[event.post.platform];
    return { title: t.feed.withdrawnItem(platform, formatDate(event.post.publishedAt)), description: summaryHtml(event.note) };
  }
  // Edits and removals concern a post the site still shows, with its account and image.
  const customData = itemCustomData({ creator: event.post.account.name, image: ogImageOf(event.post) });
  if (event.type === 'edited') {
    return {
      title: t.feed.editedItem(displayTitle(event.post)),
      description: summaryHtml(t.feed.editedBody(event.earlier.title, summarize(event.earlier.text, 400))),
      content: feedHtml(`${t.feed.editedLead(event.earlier.title)}\n\n${event.earlier.text}`),
      customData,
    };
  }
  return {
    title: t.feed.removedItem(displayTitle(event.post), t.removal.badge[event.reason]),
    description: summaryHtml(t.removal.explain[event.reason](formatDate(event.at))),
    customData,
  };
}

export const GET: APIRoute = async () => {
  const { all } = await getArchive();
  return rss({
    title: t.feed.changesTitle(siteConfig.name),
    description: t.feed.changesDescription,
    site: siteConfig.baseUrl,
    xmlns: FEED_XMLNS,
    customData: '<language>id</language>',
    items: await Promise.all(
      changeEvents(all)
        .slice(0, LIMIT)
        .map(async (event) => ({
          ...(await item(event)),
          // The link is also the item's guid: a fragment per change keeps several changes of one post distinct.
          link: `${paths.absolute(paths.post(event.post))}#riwayat-${event.type}-${event.at.replace(/[^0-9TZ]/g, '')}`,
          pubDate: new Date(event.at),
        })),
    ),
  });
};
