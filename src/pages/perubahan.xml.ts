/** RSS of changes: edits, removals upstream and staff withdrawals, newest first, for journalists. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/archive.ts';
import { displayTitle } from '../lib/present.ts';
import { paths, siteConfig, t } from '../lib/site.ts';
import { changeEvents, type ChangeEvent } from '../utils/changes.ts';
import { formatDate } from '../utils/dates.ts';
import { summarize } from '../utils/text.ts';

const LIMIT = 100;

function item(event: ChangeEvent) {
  const platform = t.platforms[event.post.platform];
  switch (event.type) {
    case 'edited':
      return {
        title: t.feed.editedItem(displayTitle(event.post)),
        description: t.feed.editedBody(event.earlier.title, summarize(event.earlier.text, 400)),
      };
    case 'removed':
      return {
        title: t.feed.removedItem(displayTitle(event.post), t.removal.badge[event.reason]),
        description: t.removal.explain[event.reason](formatDate(event.at)),
      };
    case 'withdrawn':
      return { title: t.feed.withdrawnItem(platform, formatDate(event.post.publishedAt)), description: event.note };
  }
}

export const GET: APIRoute = async () => {
  const { all } = await getArchive();
  return rss({
    title: t.feed.changesTitle(siteConfig.name),
    description: t.feed.changesDescription,
    site: siteConfig.baseUrl,
    customData: '<language>id</language>',
    items: changeEvents(all)
      .slice(0, LIMIT)
      .map((event) => ({
        ...item(event),
        // The link is also the item's guid: a fragment per change keeps several changes of one post distinct.
        link: `${paths.absolute(paths.post(event.post))}#riwayat-${event.type}-${event.at.replace(/[^0-9TZ]/g, '')}`,
        pubDate: new Date(event.at),
      })),
  });
};
