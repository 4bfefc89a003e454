/**
 * Checks of the built site in dist/ against the archive in content/. The `site` project's global setup
 * has just run `astro build` (see vitest.config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Post } from '#archive/post.ts';
import { t } from '#site/i18n/id.ts';
import {
  byteLength,
  gzipSize,
  loadHtml,
  pageAssets,
  parseCsv,
  parseRss,
  searchBundleFolders,
  searchFragments,
  SITE_ORIGIN,
  sitemapLocs,
  type RssItem,
} from '../helpers/dist.ts';
import {
  BASE_PATH,
  DIST_DIR,
  distFileForPath,
  keyOf,
  listFiles,
  readPresentedPosts,
  readArchiveState,
  readDist,
  readListedPosts,
  siteConfig,
  sitePaths,
} from '../helpers/repo.ts';

/** Gzip (level 9) budget for one post page: its HTML plus every same-site CSS and JS file it references. */
const PAGE_BUDGET_BYTES = 30 * 1024;
/** A post page may carry small enhancement scripts (video facade, carousel), never an app bundle. */
const POST_JS_MAX_BYTES = 10 * 1024;
/** The element that holds a post's own text (the caption or description). */
const POST_TEXT_SELECTOR = 'article.post .post-text';

const allPosts = readPresentedPosts();
const listed = readListedPosts();
const withdrawn = allPosts.filter((post) => post.provenance.removed?.reason === 'withdrawn');
const absolute = (urlPath: string) => new URL(urlPath, siteConfig.baseUrl).href;
const postUrl = (post: Post) => absolute(sitePaths.post(post));
const postFile = (post: Post) => distFileForPath(sitePaths.post(post));
const listedByUrl = new Map(listed.map((post) => [postUrl(post), post]));

function expectNewestFirst(items: RssItem[], feed: string) {
  for (const item of items) expect(Number.isNaN(item.time), `${feed}: unreadable pubDate "${item.pubDate}"`).toBe(false);
  const times = items.map((item) => item.time);
  expect(times, `${feed}: items must be newest first`).toEqual([...times].sort((a, b) => b - a));
}

function expectItemsAreListedPosts(items: RssItem[], feed: string, allowed: Post[]) {
  const allowedUrls = new Set(allowed.map(postUrl));
  for (const item of items) {
    expect(allowedUrls.has(item.link), `${feed}: item link ${item.link} is not one of the posts this feed may list`).toBe(true);
    const post = listedByUrl.get(item.link)!;
    // RSS dates (RFC 822) have whole seconds.
    expect(item.time, `${feed}: pubDate of ${item.link}`).toBe(Math.floor(Date.parse(post.publishedAt) / 1000) * 1000);
  }
}

test('the archive in content/ has posts to check', () => {
  expect(listed.length).toBeGreaterThan(0);
});

describe('post pages', () => {
  test.each(allPosts.map((post) => [keyOf(post), post] as const))('%s has a page', (_key, post) => {
    expect(path.relative(DIST_DIR, postFile(post))).toBe(path.join('pos', post.platform, post.id, 'index.html'));
    expect(existsSync(postFile(post)), `missing ${postFile(post)}`).toBe(true);
  });

  test.each(listed.map((post) => [keyOf(post), post] as const))('%s has og:title, og:url, JSON-LD and a feed link', (_key, post) => {
    const $ = loadHtml(postFile(post));
    expect($('meta[property="og:title"]').attr('content')?.trim() ?? '', 'og:title').not.toBe('');
    expect($('meta[property="og:url"]').attr('content'), 'og:url').toBe(postUrl(post));
    const jsonLd = $('script[type="application/ld+json"]');
    expect(jsonLd.length, 'script[type="application/ld+json"]').toBeGreaterThan(0);
    jsonLd.each((_, element) => {
      const parsed: unknown = JSON.parse($(element).text());
      expect(typeof parsed).toBe('object');
    });
    const feeds = $('link[rel="alternate"][type="application/rss+xml"]');
    expect(feeds.length, 'link rel=alternate type=application/rss+xml').toBeGreaterThan(0);
    feeds.each((_, element) => expect($(element).attr('href') ?? '').not.toBe(''));
  });
});

describe('feeds', () => {
  test('rss.xml lists listed posts newest first, starting with the newest post', () => {
    const { items } = parseRss(readDist('rss.xml'));
    expect(items.length).toBeGreaterThan(0);
    expectNewestFirst(items, 'rss.xml');
    expectItemsAreListedPosts(items, 'rss.xml', listed);
    expect(items[0]!.link).toBe(postUrl(listed[0]!));
    expect(items.length, 'never more items than listed posts').toBeLessThanOrEqual(listed.length);
    expect(new Set(items.map((item) => item.link)).size, 'no post twice').toBe(items.length);
  });

  const configuredId = (account: (typeof siteConfig.accounts)[number]) =>
    account.platform === 'youtube' ? account.channelId : account.userId;
  const accountFeeds = existsSync(path.join(DIST_DIR, 'akun'))
    ? readdirSync(path.join(DIST_DIR, 'akun')).filter((slug) => existsSync(path.join(DIST_DIR, 'akun', slug, 'rss.xml')))
    : [];

  test('every configured account has a feed', () => {
    expect(accountFeeds).toEqual(expect.arrayContaining(siteConfig.accounts.map((account) => account.slug)));
  });

  test.each(accountFeeds.map((slug) => [slug] as const))('akun/%s/rss.xml lists one account’s posts newest first', (slug) => {
    const feed = `akun/${slug}/rss.xml`;
    const { items } = parseRss(readDist(feed));
    expectNewestFirst(items, feed);
    expectItemsAreListedPosts(items, feed, listed);
    const owners = new Set(items.map((item) => { const post = listedByUrl.get(item.link)!; return `${post.platform}/${post.account.id}`; }));
    expect(owners.size, `${feed}: items of one account`).toBeLessThanOrEqual(1);
    const account = siteConfig.accounts.find((candidate) => candidate.slug === slug);
    if (account) {
      const own = listed.filter((post) => post.platform === account.platform && post.account.id === configuredId(account));
      expectItemsAreListedPosts(items, feed, own);
      if (own.length > 0) expect(items[0]?.link, `${feed}: first item is the account’s newest post`).toBe(postUrl(own[0]!));
      else expect(items).toEqual([]);
    }
  });

  // The three most used hashtags (ties alphabetical), so the check does not depend on one tag.
  const tagCounts = new Map<string, number>();
  for (const post of listed) for (const tag of post.hashtags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const topTags = [...tagCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);

  test('the archive has hashtags to check feeds for', () => {
    expect(topTags.length).toBeGreaterThan(0);
  });

  test.each(topTags.map(([tag]) => [tag] as const))('tagar/%s/rss.xml lists the tag’s posts newest first', (tag) => {
    const file = distFileForPath(sitePaths.hashtagFeed(tag));
    expect(existsSync(file), `missing ${file}`).toBe(true);
    const { items } = parseRss(readFileSync(file, 'utf8'));
    const tagged = listed.filter((post) => post.hashtags.includes(tag));
    expectNewestFirst(items, `tagar/${tag}/rss.xml`);
    expectItemsAreListedPosts(items, `tagar/${tag}/rss.xml`, tagged);
    expect(items[0]?.link).toBe(postUrl(tagged[0]!));
  });
});

describe('sitemap', () => {
  test('lists the absolute URL of every listed post page, and no withdrawn one', () => {
    const index = sitemapLocs(readDist('sitemap-index.xml'));
    expect(index.kind).toBe('index');
    const first = absolute(sitePaths.asset('sitemap-0.xml'));
    expect(index.locs).toContain(first);
    const locs = new Set<string>();
    for (const loc of index.locs) {
      const url = new URL(loc);
      expect(url.origin, `sitemap ${loc} is on the site`).toBe(SITE_ORIGIN);
      const sitemap = sitemapLocs(readFileSync(distFileForPath(url.pathname), 'utf8'));
      expect(sitemap.kind).toBe('urlset');
      for (const entry of sitemap.locs) locs.add(entry);
    }
    const missing = listed.map(postUrl).filter((url) => !locs.has(url));
    expect(missing, 'post pages missing from the sitemap').toEqual([]);
    const leaked = withdrawn.map(postUrl).filter((url) => locs.has(url));
    expect(leaked, 'withdrawn posts in the sitemap').toEqual([]);
    for (const loc of locs) expect(loc.startsWith(siteConfig.baseUrl), `${loc} is under ${siteConfig.baseUrl}`).toBe(true);
  });
});

describe('open data', () => {
  test('data/posts.json holds every listed post exactly as archived in content/', () => {
    const data: unknown = JSON.parse(readDist('data/posts.json'));
    const records = (Array.isArray(data) ? data : (data as { posts?: unknown }).posts) as Record<string, unknown>[] | undefined;
    expect(Array.isArray(records), 'posts.json is an array of posts, or an object with a "posts" array').toBe(true);
    if (!Array.isArray(data) && 'count' in (data as object)) expect((data as { count: unknown }).count, 'count').toBe(listed.length);
    const byKey = new Map(records!.map((record) => [`${String(record.platform)}/${String(record.id)}`, record]));
    expect(byKey.size, 'no post twice').toBe(records!.length);
    expect([...byKey.keys()].sort()).toEqual(listed.map(keyOf).sort());
    for (const post of listed) {
      const record = byKey.get(keyOf(post))!;
      // Title and text first, for a readable failure; then the whole record (JSON round trip of the file).
      expect({ key: keyOf(post), title: record.title, text: record.text }).toEqual({ key: keyOf(post), title: post.title, text: post.text });
      expect(record, `${keyOf(post)} in posts.json`).toEqual(JSON.parse(JSON.stringify(post)));
    }
  });

  test('data/posts.csv has a header and one row per listed post', () => {
    const { header, rows } = parseCsv(readDist('data/posts.csv'));
    expect(header).toEqual(expect.arrayContaining(['platform', 'id', 'title', 'text']));
    expect(rows.map((row) => `${row.platform}/${row.id}`).sort()).toEqual(listed.map(keyOf).sort());
    // Titles and texts survive quoting: commas, doubled quotes and new lines inside fields.
    const byKey = new Map(rows.map((row) => [`${row.platform}/${row.id}`, row]));
    for (const post of listed) {
      const row = byKey.get(keyOf(post))!;
      expect(row.title, `${keyOf(post)} title`).toBe(post.title);
      expect(row.text, `${keyOf(post)} text`).toBe(post.text);
    }
  });

  test('the words read in a poster are in the CSV (image_text) and on the post page, in the search body', () => {
    const posters = listed.filter((post) => post.media.some((item) => item.status === 'mirrored' && item.ocr?.text));
    expect(posters.length, 'sample posts with text read in an image').toBeGreaterThanOrEqual(3);
    const rows = new Map(parseCsv(readDist('data/posts.csv')).rows.map((row) => [`${row.platform}/${row.id}`, row]));
    for (const post of posters) {
      const printed = post.media.flatMap((item) => (item.status === 'mirrored' && item.ocr?.text ? [item.ocr.text] : []));
      expect(rows.get(keyOf(post))!.image_text, `${keyOf(post)} image_text`).toBe(printed.join('\n\n'));
      const $ = loadHtml(postFile(post));
      const section = $('[data-pagefind-body] details.image-text');
      expect(section.find('summary').text()).toBe(t.imageText.heading);
      expect(section.find('.image-text__text').toArray().map((text) => $(text).text())).toEqual(printed);
    }
  });
});

describe('search index', () => {
  const yearOf = (post: Post) => String(new Date(Date.parse(post.publishedAt) + 7 * 3600_000).getUTCFullYear()); // WIB is UTC+7
  const years = [...new Set(listed.map(yearOf))].sort();

  test('there is one search bundle per year of listed posts, in Indonesian', () => {
    expect(years.length, 'the sample spans years').toBeGreaterThan(1);
    expect(searchBundleFolders()).toEqual(years);
    for (const year of years) {
      const entry = JSON.parse(readDist(`pagefind/${year}/pagefind-entry.json`)) as { languages?: Record<string, { page_count?: number }> };
      expect(Object.keys(entry.languages ?? {}), year).toEqual(['id']);
      expect(entry.languages!.id!.page_count, year).toBe(listed.filter((post) => yearOf(post) === year).length);
    }
  });

  test('each bundle holds exactly the post pages of its year, filtered by that year', () => {
    for (const year of years) {
      const fragments = searchFragments(year);
      const expected = listed.filter((post) => yearOf(post) === year).map((post) => sitePaths.post(post).slice(BASE_PATH.length - 1));
      expect(fragments.map((fragment) => fragment.url).sort(), year).toEqual(expected.sort());
      expect(new Set(fragments.flatMap((fragment) => fragment.filters.tahun ?? [])), year).toEqual(new Set([year]));
    }
  });

  test('Pagefind’s script and WebAssembly are published once, in the newest bundle, and its unused UI files not at all', () => {
    const published = listFiles(path.join(DIST_DIR, 'pagefind'), () => true);
    const newest = years.at(-1)!;
    expect(published.filter((file) => /(^|\/)(pagefind\.js|wasm\.[a-z]+\.pagefind)$/.test(file)).sort()).toEqual([`${newest}/pagefind.js`, `${newest}/wasm.id.pagefind`]);
    expect(published.filter((file) => /ui\.(js|css)$|highlight|worker/.test(file))).toEqual([]);
  });

  test('the search page names the files it fetches early, each one the newest bundle publishes', () => {
    const $ = loadHtml(distFileForPath(sitePaths.search()));
    const early = $('head script[data-page-list]');
    expect(early.length, 'the early-fetch script in <head>').toBe(1);
    const newest = years.at(-1)!;
    const entry = JSON.parse(readDist(`pagefind/${newest}/pagefind-entry.json`)) as { languages: Record<string, { hash: string }> };
    const names = [...early.attr('data-files')!.split(' '), early.attr('data-page-list')];
    expect(names).toEqual(['pagefind.js', 'wasm.id.pagefind', `pagefind.${entry.languages.id!.hash}.pf_meta`]);
    expect(early.attr('data-bundle')).toBe(`${BASE_PATH}pagefind/${newest}/`);
    for (const name of names) expect(existsSync(path.join(DIST_DIR, 'pagefind', newest, name!)), name).toBe(true);
  });
});

describe('budget', () => {
  test('every post page with its CSS and JS is at most 30 KB gzipped, with only small scripts', () => {
    const results = listed.map((post) => {
      const pagePath = sitePaths.post(post);
      const html = readFileSync(postFile(post), 'utf8');
      const $ = loadHtml(postFile(post));
      const assets = pageAssets($, pagePath);
      const files = [...assets.css, ...assets.js];
      const gzipTotal = gzipSize(html) + files.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0);
      const jsBytes =
        assets.inlineJs.reduce((sum, code) => sum + byteLength(code), 0) + assets.js.reduce((sum, file) => sum + readFileSync(file).length, 0);
      return { key: keyOf(post), gzipTotal, jsBytes, assets, islands: $('astro-island').length };
    });
    const maxGzip = results.reduce((a, b) => (b.gzipTotal > a.gzipTotal ? b : a));
    const maxJs = results.reduce((a, b) => (b.jsBytes > a.jsBytes ? b : a));
    console.log(
      `[budget] post pages: max ${(maxGzip.gzipTotal / 1024).toFixed(1)} KB gzipped (HTML+CSS+JS, ${maxGzip.key}); ` +
        `max JS ${maxJs.jsBytes} bytes uncompressed (${maxJs.key}); limit ${PAGE_BUDGET_BYTES / 1024} KB; ${results.length} pages`,
    );
    for (const result of results) {
      expect(result.assets.missing, `${result.key}: references files missing from dist/`).toEqual([]);
      expect(result.assets.external, `${result.key}: loads CSS/JS from another origin`).toEqual([]);
      expect(result.assets.pagefind, `${result.key}: a post page loads the search bundle`).toEqual([]);
      expect(result.islands, `${result.key}: hydrated framework islands`).toBe(0);
      expect(result.jsBytes, `${result.key}: JS bytes`).toBeLessThanOrEqual(POST_JS_MAX_BYTES);
      expect(result.gzipTotal, `${result.key}: gzipped HTML+CSS+JS bytes`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    }
  });
});

describe('hostile text', () => {
  const hostile = allPosts.filter((post) => post.text.includes('<script>') || post.title.includes('<script>'));

  test('the sample has a post with <script> in its text', () => {
    expect(hostile.length).toBeGreaterThan(0);
  });

  test.each(hostile.map((post) => [keyOf(post), post] as const))('%s is shown as text, never as markup', (_key, post) => {
    const html = readFileSync(postFile(post), 'utf8');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    const $ = loadHtml(postFile(post));
    const text = $(POST_TEXT_SELECTOR);
    expect(text.length, `the post text element ${POST_TEXT_SELECTOR}`).toBe(1);
    expect(text.text()).toContain('<script>');
  });

  test('external links inside post texts carry rel="noopener nofollow ugc"', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const post of listed) {
      const $ = loadHtml(postFile(post));
      $(`${POST_TEXT_SELECTOR} a[href]`).each((_, element) => {
        const href = $(element).attr('href')!;
        const url = new URL(href, new URL(sitePaths.post(post), SITE_ORIGIN));
        const external = (url.protocol === 'http:' || url.protocol === 'https:') && !url.href.startsWith(siteConfig.baseUrl);
        if (!external) return;
        checked++;
        const rel = ($(element).attr('rel') ?? '').toLowerCase().split(/\s+/);
        if (!['noopener', 'nofollow', 'ugc'].every((value) => rel.includes(value))) bad.push(`${keyOf(post)}: ${href} rel="${rel.join(' ')}"`);
      });
    }
    expect(checked, 'the sample has external links in post texts').toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });
});

describe('every page', () => {
  const pages = listFiles(DIST_DIR, (name) => name === 'index.html');
  const sample = readArchiveState().sample;

  test('there are pages', () => {
    expect(pages.length).toBeGreaterThan(listed.length);
  });

  test(`has lang="id", a canonical link and ${sample ? 'the sample notice' : 'no sample notice'}`, () => {
    const problems: string[] = [];
    for (const page of pages) {
      const $ = loadHtml(path.join(DIST_DIR, page));
      if ($('html').attr('lang') !== 'id') problems.push(`${page}: <html lang="${$('html').attr('lang') ?? ''}">`);
      const canonical = $('link[rel="canonical"]');
      if (canonical.length !== 1) problems.push(`${page}: ${canonical.length} canonical links`);
      else if (!(canonical.attr('href') ?? '').startsWith(siteConfig.baseUrl)) problems.push(`${page}: canonical ${canonical.attr('href')}`);
      const notices = $('.sample-notice').length;
      if (sample && notices === 0) problems.push(`${page}: no .sample-notice although content/archive.json says sample`);
      if (!sample && notices > 0) problems.push(`${page}: .sample-notice on a real archive`);
    }
    expect(problems).toEqual([]);
  });

  test('has one search landmark: the header’s box, or on the search page its own form', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const $ = loadHtml(path.join(DIST_DIR, page));
      const forms = $('form[role="search"]');
      const expected = `${BASE_PATH}${page}` === `${sitePaths.search()}index.html` ? 'search-form' : undefined;
      if (forms.length !== 1) problems.push(`${page}: ${forms.length} search forms`);
      else if (forms.attr('id') !== expected) problems.push(`${page}: search form #${forms.attr('id') ?? '(header)'}`);
      if (forms.attr('action') !== sitePaths.search()) problems.push(`${page}: search form goes to ${forms.attr('action')}`);
    }
    expect(problems).toEqual([]);
  });

  test('the canonical URL of a post page is the post’s absolute URL', () => {
    for (const post of listed) {
      expect(loadHtml(postFile(post))('link[rel="canonical"]').attr('href')).toBe(postUrl(post));
    }
  });

  test('the base path is honoured in links', () => {
    const $ = loadHtml(path.join(DIST_DIR, 'index.html'));
    const offBase: string[] = [];
    $('a[href^="/"], link[href^="/"], script[src^="/"], img[src^="/"]').each((_, element) => {
      const value = $(element).attr('href') ?? $(element).attr('src')!;
      if (!value.startsWith(BASE_PATH)) offBase.push(value);
    });
    expect(offBase, `root-relative URLs outside ${BASE_PATH} on the home page`).toEqual([]);
  });
});
