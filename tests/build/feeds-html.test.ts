/**
 * Every feed in dist/ (all posts, per account, per hashtag, changes), read the way a feed reader reads
 * it: each item's description and content:encoded is HTML, so it may hold only the markup the site
 * emits (p, br, http(s) links); caption text, however hostile, arrives as text. Items name their account
 * with dc:creator (never RSS <author>) and point at the post page's own processed lead image.
 */
import { existsSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import type { Post } from '#archive/post.ts';
import { isXmlText } from '#archive/xml-text.ts';
import { loadHtml, parseXml, SITE_ORIGIN } from '../helpers/dist.ts';
import { linkHrefs, readerText, unsafeMarkup, withoutWhitespace } from '../helpers/feed-html.ts';
import { DIST_DIR, distFileForPath, keyOf, listFiles, readDist, readListedPosts, readPresentedPosts, sitePaths } from '../helpers/repo.ts';

type XmlNode = Record<string, unknown>;

interface FeedItem {
  link: string;
  description: string;
  content: string | undefined;
  creator: string | undefined;
  media: XmlNode | undefined;
  hasAuthor: boolean;
}

const NAMESPACES = {
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
};

const text = (value: unknown) => (value === undefined ? undefined : typeof value === 'object' ? String((value as XmlNode)['#text'] ?? '') : String(value));

function readFeed(file: string): { rss: XmlNode; items: FeedItem[] } {
  const doc = parseXml(readDist(file), ['item']);
  const rss = doc.rss as XmlNode;
  const channel = rss.channel as XmlNode;
  const items = ((channel.item as XmlNode[] | undefined) ?? []).map((item) => ({
    link: text(item.link) ?? '',
    description: text(item.description) ?? '',
    content: text(item['content:encoded']),
    creator: text(item['dc:creator']),
    media: item['media:content'] as XmlNode | undefined,
    hasAuthor: 'author' in item,
  }));
  return { rss, items };
}

const postFeeds = listFiles(DIST_DIR, (name) => name === 'rss.xml').filter((file) => file === 'rss.xml' || /^(akun|tagar)\/[^/]+\/rss\.xml$/.test(file));
const changesFeed = 'perubahan.xml';
const allFeeds = [...postFeeds, changesFeed];

const presented = readPresentedPosts();
const listed = readListedPosts();
const postUrl = (post: Post) => new URL(sitePaths.post(post), SITE_ORIGIN).href;
// Changes-feed links carry a fragment per change; the post is the page without it.
const byUrl = new Map(presented.map((post) => [postUrl(post), post]));
const postOf = (item: FeedItem) => byUrl.get(item.link.replace(/#.*$/, ''));
const isWithdrawn = (post: Post) => post.provenance.removed?.reason === 'withdrawn';
// Captions that would run as markup if a feed passed them through: the sample archive has one.
const hostile = listed.filter((post) => /<script|onerror=|javascript:/i.test(post.text));

/** The post page's og:image (the one processed lead image that leaves the site), if any. */
function ogImageOfPage(post: Post) {
  const $ = loadHtml(distFileForPath(sitePaths.post(post)));
  const url = $('meta[property="og:image"]').attr('content');
  if (!url) return undefined;
  return { url, width: $('meta[property="og:image:width"]').attr('content'), height: $('meta[property="og:image:height"]').attr('content') };
}

test('dist/ has every kind of feed to check', () => {
  expect(postFeeds).toContain('rss.xml');
  expect(postFeeds.some((file) => file.startsWith('akun/')), 'akun/*/rss.xml').toBe(true);
  expect(postFeeds.some((file) => file.startsWith('tagar/')), 'tagar/*/rss.xml').toBe(true);
  expect(existsSync(distFileForPath(sitePaths.changesFeed())), changesFeed).toBe(true);
});

test('the sample archive has a hostile caption, and it is in rss.xml', () => {
  expect(hostile.length).toBeGreaterThan(0);
  const links = readFeed('rss.xml').items.map((item) => item.link);
  for (const post of hostile) expect(links, keyOf(post)).toContain(postUrl(post));
});

test('every XML file in dist/ is well-formed for a strict parser, and no published text holds a character XML cannot carry', () => {
  const xmlFiles = listFiles(DIST_DIR, (name) => name.endsWith('.xml'));
  expect(xmlFiles.length).toBeGreaterThan(allFeeds.length);
  for (const file of xmlFiles) {
    const valid = XMLValidator.validate(readDist(file));
    expect(valid === true ? true : `${file}: ${valid.err.msg} (line ${valid.err.line})`, file).toBe(true);
  }
  // The sample's styled caption arrived from the API with a vertical tab and a NUL: the sync removed them.
  const styled = listed.find((post) => post.hashtags.includes('berita') && /𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡/u.test(post.text));
  expect(styled, 'the sample post written in styled letters').toBeDefined();
  expect(readFeed(`tagar/berita/rss.xml`).items.map((item) => item.link)).toContain(postUrl(styled!));
  for (const file of listFiles(DIST_DIR, (name) => /\.(html|xml|json|csv|txt)$/.test(name))) {
    expect(isXmlText(readDist(file)), file).toBe(true);
  }
});

describe.each(allFeeds.map((file) => [file] as const))('%s', (file) => {
  const { rss, items } = readFeed(file);

  test('declares the dc, media and (with any content:encoded) content namespaces', () => {
    // @astrojs/rss declares content: only when an item has content, e.g. not in a feed without items.
    const needed = items.some((item) => item.content !== undefined) ? NAMESPACES : { ...NAMESPACES, 'xmlns:content': undefined };
    for (const [attribute, uri] of Object.entries(needed)) expect(rss[`@_${attribute}`], attribute).toBe(uri);
  });

  test('item HTML holds only p, br and http(s) links, and links to the site exist', () => {
    const problems: string[] = [];
    for (const item of items) {
      const fragments = { description: item.description, 'content:encoded': item.content ?? '' };
      for (const [field, html] of Object.entries(fragments)) {
        for (const problem of unsafeMarkup(html)) problems.push(`${item.link} ${field}: ${problem}`);
        for (const href of linkHrefs(html)) {
          const url = new URL(href);
          if (url.origin === SITE_ORIGIN && !existsSync(distFileForPath(url.pathname))) problems.push(`${item.link} ${field}: ${href} has no page`);
        }
      }
      if (item.description.trim() === '') problems.push(`${item.link}: empty description`);
    }
    expect(problems).toEqual([]);
  });

  test('no RSS <author> (it must be an e-mail address); dc:creator names the account', () => {
    for (const item of items) {
      expect(item.hasAuthor, `${item.link} has <author>`).toBe(false);
      const post = postOf(item);
      expect(post, `${item.link} is a post of the archive`).toBeDefined();
      if (isWithdrawn(post!)) expect(item.creator, `${item.link}: withdrawn, no account`).toBeUndefined();
      else expect(item.creator, `${item.link} dc:creator`).toBe(post!.account.name);
    }
  });

  test('media:content is the post page’s og:image, a file in dist/; none for a withdrawn post', () => {
    for (const item of items) {
      const post = postOf(item)!;
      const og = isWithdrawn(post) ? undefined : ogImageOfPage(post);
      if (!og) {
        expect(item.media, `${item.link}: no image to show`).toBeUndefined();
        continue;
      }
      expect(item.media, `${item.link} media:content`).toEqual({
        '@_url': og.url,
        '@_medium': 'image',
        '@_type': 'image/jpeg',
        '@_width': og.width,
        '@_height': og.height,
      });
      const url = new URL(og.url);
      expect(url.origin).toBe(SITE_ORIGIN);
      expect(existsSync(distFileForPath(url.pathname)), `${og.url} in dist/`).toBe(true);
    }
  });
});

describe.each(postFeeds.map((file) => [file] as const))('%s items carry the caption as text', (file) => {
  const { items } = readFeed(file);

  test('content:encoded reads as the whole caption; description as its start', () => {
    for (const item of items) {
      const post = postOf(item)!;
      expect(isWithdrawn(post), `${item.link} is withdrawn`).toBe(false);
      const shown = readerText(item.description).replace(/…$/, '');
      if (post.text.trim() === '') {
        expect(item.content, `${item.link}: no caption, no content`).toBeUndefined();
        continue;
      }
      expect(withoutWhitespace(readerText(item.content ?? '')), `${item.link} content:encoded`).toBe(withoutWhitespace(post.text));
      expect(withoutWhitespace(post.text).startsWith(withoutWhitespace(shown)), `${item.link} description "${shown}"`).toBe(true);
    }
  });

  test('a hostile caption’s markup is text a reader shows, not elements it runs', () => {
    for (const post of hostile) {
      const item = items.find((candidate) => candidate.link === postUrl(post));
      if (!item) continue;
      const shown = readerText(item.content ?? '');
      for (const literal of post.text.match(/<[^>]*>/g) ?? []) expect(shown, `${file}: ${literal}`).toContain(literal);
      expect(shown).toContain('<script>');
      expect(readerText(item.description)).toContain('<script>');
    }
  });
});

test('the changes feed escapes earlier captions and names no account for a withdrawn post', () => {
  const { items } = readFeed(changesFeed);
  expect(items.length).toBeGreaterThan(0);
  const edits = items.filter((item) => item.link.includes('#riwayat-edited-'));
  expect(edits.length, 'the sample has edits').toBeGreaterThan(0);
  for (const item of edits) {
    const post = postOf(item)!;
    const earlier = post.provenance.versions.map((version) => withoutWhitespace(version.text));
    const shown = withoutWhitespace(readerText(item.content ?? ''));
    expect(earlier.some((version) => version !== '' && shown.endsWith(version)), `${item.link}: the earlier text in full`).toBe(true);
  }
  for (const item of items.filter((candidate) => isWithdrawn(postOf(candidate)!))) {
    expect([item.content, item.creator, item.media], item.link).toEqual([undefined, undefined, undefined]);
  }
});
