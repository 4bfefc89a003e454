/**
 * The feed builder (src/lib/feeds.ts) run in Astro's own Vite setup, without building the site: what a
 * feed reader receives for the sample's hostile caption, checked the way a reader renders it.
 */
import { describe, expect, it } from 'vitest';
import { postFeed } from '#site/lib/feeds.ts';
import { readListedPosts } from '../helpers/repo.ts';
import { parseXml } from '../helpers/dist.ts';
import { unsafeMarkup } from '../helpers/feed-html.ts';

const hostile = readListedPosts().find((post) => post.text.includes('<script>'));

describe('postFeed', () => {
  it('the sample has a hostile caption to check', () => {
    expect(hostile?.text).toMatch(/<img src=x onerror=/);
  });

  it('delivers it as escaped text, with dc:creator, the lead image, and no <author>', async () => {
    const xml = await (await postFeed({ title: 'Uji', description: 'Umpan uji', posts: [hostile!] })).text();
    expect(xml).not.toContain('<author>');
    expect(xml).toContain(`<dc:creator>${hostile!.account.name}</dc:creator>`);
    expect(xml).toMatch(/<media:content url="https:\/\/[^"]+" medium="image" type="image\/jpeg"/);
    const channel = (parseXml(xml, ['item']).rss as { channel: { item: Record<string, unknown>[] } }).channel;
    const [item] = channel.item;
    // What a reader renders: the description and the content, each an HTML fragment.
    const description = String(item!.description);
    const content = String(item!['content:encoded']);
    for (const html of [description, content]) expect(unsafeMarkup(html)).toEqual([]);
    expect(content).toContain('&lt;script&gt;');
    expect(content).toContain('&lt;img src=x onerror=');
  });
});
