/**
 * Search in the browser (our UI on Pagefind's JS API): a word that occurs in exactly one post finds
 * exactly that post, typed or from the address; filters narrow; nonsense says so; results come ten at a
 * time; Back brings a search back; a caption's markup shows as text.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { searchLive, t } from '#site/i18n/id.ts';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { listed } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';
import { POSTER_ONLY_SEARCH_WORD, STYLED_CAPTION_SEARCH } from '#scripts/sample/posts.ts';

const QUERY = 'Latong';
const COMMON = 'Tapsel';

const preview = usePreviewServer();
const browser = useBrowser();

const RESULT_LINKS = '#search-results .search-result__title a[href]';
const searchUrl = (query: string) => preview.url(`${sitePaths.search()}?${query}`);

/** The path of every result link, once the status line reports the finished search. */
async function resultPaths(page: Page, status: string): Promise<string[]> {
  await page.locator('#search-status', { hasText: status }).waitFor({ state: 'visible' });
  const hrefs = await page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}

function onlyMatch(): string {
  const matching = listed.filter((post) => post.text.includes(QUERY) || post.title.includes(QUERY));
  expect(matching.map((post) => sitePaths.post(post)), `posts in content/ mentioning "${QUERY}"`).toHaveLength(1);
  return sitePaths.post(matching[0]!);
}

test(`typing "${QUERY}" finds the one post that mentions it, and the address follows`, async () => {
  const expected = onlyMatch();
  const page = await browser.newPage();
  await page.goto(preview.url(sitePaths.search()));
  await page.locator('#cari-q').fill(QUERY);
  expect(await resultPaths(page, searchLive.results(1, QUERY))).toEqual([expected]);
  const result = page.locator('.search-result').first();
  expect(await result.locator('mark').first().textContent()).toMatch(new RegExp(QUERY, 'i'));
  expect(new URL(page.url()).searchParams.get('q')).toBe(QUERY);
  await page.context().close();
});

test('opened with a search, the page fetches Pagefind’s script, WebAssembly and page list at once, each a single time', async () => {
  const page = await browser.newPage();
  // The page's module script is held back until the three files have been asked for (or 10 s have
  // passed), so whatever asked for them can only be the page's <head>, not that script or Pagefind.
  // Comparing timings instead failed on a busy machine, where the script arrived within 90 ms.
  const isEarlyFile = (path: string) => /\/pagefind\/\d{4}\/(pagefind\.js|wasm\.id\.pagefind|pagefind\.[^/]+\.pf_meta)$/.test(path);
  const earlyRequested: string[] = [];
  const allEarlyRequested = new Promise<void>((resolve) =>
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (isEarlyFile(path) && earlyRequested.push(path) >= 3) resolve();
    }),
  );
  let requestedWhileHeld: string[] = [];
  await page.route('**/_astro/*.js', async (route) => {
    await Promise.race([allEarlyRequested, delay(10_000, undefined, { ref: false })]);
    requestedWhileHeld = [...earlyRequested];
    await route.continue();
  });
  await page.goto(searchUrl(`q=${QUERY}`));
  await resultPaths(page, searchLive.results(1, QUERY));
  const newest = await page.locator('script[data-page-list]').getAttribute('data-bundle');
  expect(newest).toMatch(/\/pagefind\/\d{4}\/$/);
  const fileNames = (paths: string[]) => paths.map((path) => path.replace(/.*\//, '').replace(/_[0-9a-f]+\./, '_*.')).sort();
  const expected = ['pagefind.id_*.pf_meta', 'pagefind.js', 'wasm.id.pagefind'];
  expect(fileNames(requestedWhileHeld), 'asked for before the module script arrived').toEqual(expected);
  expect(requestedWhileHeld.every((path) => path.startsWith(newest!)), `all from ${newest}`).toBe(true);
  // A preload Pagefind's own fetch cannot reuse (another mode) would show as a second request of the file.
  // Older years' bundles may follow (a search reaching them); their page lists are not fetched early.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  expect(fileNames(fetched.filter((path) => path.startsWith(newest!) && isEarlyFile(path)))).toEqual(expected);
  await page.context().close();
});

test('opened without a search, the page fetches nothing of Pagefind until the search box is used', async () => {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => void requests.push(new URL(request.url()).pathname));
  await page.goto(preview.url(sitePaths.search()), { waitUntil: 'networkidle' });
  expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
  await page.locator('#cari-q').focus();
  await page.waitForRequest((request) => request.url().includes('/pagefind/'));
  await page.context().close();
});

test('a search in the address runs on load, and its filters narrow it', async () => {
  const expected = onlyMatch();
  const page = await browser.newPage();
  await page.goto(searchUrl(`q=${QUERY}`));
  expect(await resultPaths(page, searchLive.results(1, QUERY))).toEqual([expected]);
  expect(await page.locator('#cari-q').inputValue()).toBe(QUERY);

  // The post is on YouTube: with the Instagram filter nothing is left, and the address says so.
  const post = listed.find((item) => sitePaths.post(item) === expected)!;
  const other = post.platform === 'youtube' ? t.platforms.instagram : t.platforms.youtube;
  await page.locator('select[name="platform"]').selectOption(other);
  expect(await resultPaths(page, searchLive.none(QUERY))).toEqual([]);
  expect(new URL(page.url()).searchParams.get('platform')).toBe(other);
  await page.context().close();
});

test(`a word printed only on a poster ("${POSTER_ONLY_SEARCH_WORD}") finds that post through its image's text`, async () => {
  const matching = listed.filter((post) => post.media.some((item) => item.status === 'mirrored' && item.ocr?.text.includes(POSTER_ONLY_SEARCH_WORD)));
  expect(matching, `posts whose images read "${POSTER_ONLY_SEARCH_WORD}"`).toHaveLength(1);
  expect(listed.filter((post) => `${post.title} ${post.text}`.includes(POSTER_ONLY_SEARCH_WORD)), 'posts whose caption has it').toEqual([]);
  const page = await browser.newPage();
  await page.goto(searchUrl(`q=${POSTER_ONLY_SEARCH_WORD}`));
  expect(await resultPaths(page, searchLive.results(1, POSTER_ONLY_SEARCH_WORD))).toEqual([sitePaths.post(matching[0]!)]);
  expect(await page.locator('.search-result mark').first().textContent()).toMatch(new RegExp(POSTER_ONLY_SEARCH_WORD, 'i'));
  await page.context().close();
});

test(`words written in styled letters are found by their plain spelling ("${STYLED_CAPTION_SEARCH}"); the page shows them as written`, async () => {
  const plain = (text: string) => text.normalize('NFKC').toLowerCase();
  const matching = listed.filter((post) => plain(`${post.title} ${post.text}`).includes(STYLED_CAPTION_SEARCH));
  expect(matching, `posts whose caption reads "${STYLED_CAPTION_SEARCH}" once folded`).toHaveLength(1);
  expect(`${matching[0]!.title} ${matching[0]!.text}`.toLowerCase(), 'written in styled letters only').not.toContain(STYLED_CAPTION_SEARCH);
  const page = await browser.newPage();
  await page.goto(searchUrl(`q=${encodeURIComponent(STYLED_CAPTION_SEARCH)}`));
  // Other posts hold one of the words in plain letters; this one holds both only in styled letters.
  const count = await page.locator('#search-status', { hasText: `hasil untuk “${STYLED_CAPTION_SEARCH}”` }).textContent();
  expect(await resultPaths(page, count!)).toContain(sitePaths.post(matching[0]!));

  // The post page: the caption as written; the plain copy is for the index alone, out of sight and out of the accessibility tree.
  await page.locator(RESULT_LINKS).first().click();
  await page.waitForURL((url) => url.pathname === sitePaths.post(matching[0]!));
  const article = page.locator('article.post');
  expect(await article.locator('.post-text').innerText()).toContain('𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡 𝗣𝗘𝗡𝗧𝗜𝗡𝗚');
  expect(await page.locator('.search-spelling').textContent()).toContain('PENGUMUMAN PENTING');
  expect(await page.locator('.search-spelling').isHidden()).toBe(true);
  expect(await article.innerText()).not.toContain('PENGUMUMAN PENTING');
  expect(await article.ariaSnapshot()).not.toContain('PENGUMUMAN PENTING');
  await page.context().close();
});

test('nonsense finds nothing and says so', async () => {
  const page = await browser.newPage();
  await page.goto(searchUrl('q=qxzvbnmwk'));
  expect(await resultPaths(page, searchLive.none('qxzvbnmwk'))).toEqual([]);
  expect(await page.locator('#search-more').isVisible()).toBe(false);
  await page.context().close();
});

test('results come ten at a time; the next ten take the focus', async () => {
  const mentioning = listed.filter((post) => `${post.title} ${post.text}`.toLowerCase().includes(COMMON.toLowerCase()));
  expect(mentioning.length, `posts in content/ mentioning "${COMMON}"`).toBeGreaterThan(10);
  const page = await browser.newPage();
  await page.goto(searchUrl(`q=${COMMON}`));
  await page.locator('#search-status', { hasText: COMMON }).waitFor();
  const count = Number(/^(\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
  expect(count, 'the count in the status line').toBeGreaterThan(10);
  expect(await page.locator(RESULT_LINKS).count()).toBe(10);

  await page.locator('#search-more').click();
  await page.locator('#search-results:not([aria-busy])').waitFor({ state: 'attached' }); // results show as they arrive
  expect(await page.locator(RESULT_LINKS).count()).toBe(Math.min(20, count));
  expect(await page.locator(RESULT_LINKS).nth(10).evaluate((link) => link === document.activeElement), 'focus on the 11th result').toBe(true);
  const paths = await page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  expect(new Set(paths).size, 'no result twice').toBe(paths.length);
  await page.context().close();
});

test('results run newest first through the years; an older year loads only when the reader reaches it', async () => {
  const yearOf = (post: (typeof listed)[number]) => new Date(Date.parse(post.publishedAt) + 7 * 3600_000).getUTCFullYear(); // WIB
  const years = [...new Set(listed.map(yearOf))].sort((a, b) => b - a);
  const postAt = new Map(listed.map((post) => [sitePaths.post(post), post]));
  const page = await browser.newPage();
  const bundlesFetched = new Set<string>();
  const images: string[] = [];
  page.on('request', (request) => {
    const bundle = /\/pagefind\/(\d{4})\//.exec(new URL(request.url()).pathname)?.[1];
    if (bundle) bundlesFetched.add(bundle);
    if (request.resourceType() === 'image') images.push(request.url());
  });
  await page.goto(searchUrl(`q=${COMMON}`));
  await page.locator('#search-status', { hasText: String(years[0]) }).waitFor();
  const first = await page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  expect(first.map((path) => yearOf(postAt.get(path)!)), 'the first page: the newest year only').toEqual(first.map(() => years[0]));
  expect([...bundlesFetched], 'bundles fetched for the first page').toEqual([String(years[0])]);

  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator(RESULT_LINKS).count();
    await more.click();
    await page.locator('#search-results:not([aria-busy])').waitFor({ state: 'attached' });
    expect(await page.locator(RESULT_LINKS).count(), 'more results after "more"').toBeGreaterThan(before);
  }
  const all = await page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  const dates = all.map((path) => postAt.get(path)!.publishedAt);
  expect(dates, 'newest first across the years').toEqual([...dates].sort().reverse());
  expect(new Set(all).size, 'no result twice').toBe(all.length);
  expect(new Set(all.map((path) => yearOf(postAt.get(path)!))).size, 'results from more than one year').toBeGreaterThan(1);
  expect([...bundlesFetched].sort()).toEqual(years.map(String).sort());
  expect(await page.locator('#search-status').textContent()).toBe(searchLive.results(all.length, COMMON));
  expect(images, 'results are text: no thumbnails loaded').toEqual([]);
  await page.context().close();
});

test('a year chosen searches that year’s bundle alone', async () => {
  const yearOf = (post: (typeof listed)[number]) => new Date(Date.parse(post.publishedAt) + 7 * 3600_000).getUTCFullYear();
  const oldest = Math.min(...listed.map(yearOf));
  const page = await browser.newPage();
  const bundlesFetched = new Set<string>();
  page.on('request', (request) => {
    const bundle = /\/pagefind\/(\d{4})\//.exec(new URL(request.url()).pathname)?.[1];
    if (bundle) bundlesFetched.add(bundle);
  });
  await page.goto(searchUrl(`tahun=${oldest}`));
  const expected = listed.filter((post) => yearOf(post) === oldest);
  const paths = await resultPaths(page, searchLive.results(expected.length, ''));
  expect(paths.length).toBe(Math.min(10, expected.length));
  for (const path of paths) expect(expected.map((post) => sitePaths.post(post))).toContain(path);
  expect(bundlesFetched.has(String(oldest)), 'the year’s own bundle').toBe(true);
  await page.context().close();
});

test('Back from a result brings the search back', async () => {
  const expected = onlyMatch();
  const page = await browser.newPage();
  await page.goto(preview.url(sitePaths.search()));
  await page.locator('#cari-q').fill(QUERY);
  await resultPaths(page, searchLive.results(1, QUERY));
  await page.locator(RESULT_LINKS).first().click();
  await page.waitForURL((url) => url.pathname === expected);
  await page.goBack();
  expect(await resultPaths(page, searchLive.results(1, QUERY))).toEqual([expected]);
  expect(await page.locator('#cari-q').inputValue()).toBe(QUERY);
  await page.context().close();
});

test('Back and Forward step through submitted searches, not through every letter typed', async () => {
  const page = await browser.newPage();
  await page.goto(preview.url(sitePaths.search()));
  const input = page.locator('#cari-q');
  await input.fill(QUERY);
  await input.press('Enter');
  await resultPaths(page, searchLive.results(1, QUERY));
  await input.selectText();
  await input.pressSequentially('qxzvbnmwk'); // letter by letter: nine input events
  await input.press('Enter');
  await resultPaths(page, searchLive.none('qxzvbnmwk'));

  await page.goBack();
  expect(await resultPaths(page, searchLive.results(1, QUERY)), 'Back: the first search again').toHaveLength(1);
  expect(await input.inputValue()).toBe(QUERY);
  await page.goBack();
  expect(new URL(page.url()).search, 'Back again: the page as opened').toBe('');
  expect(await input.inputValue()).toBe('');
  expect(await page.locator(RESULT_LINKS).count()).toBe(0);
  await page.goForward();
  expect(await resultPaths(page, searchLive.results(1, QUERY)), 'Forward: the first search').toHaveLength(1);
  await page.context().close();
});

test('a caption’s markup shows in the excerpt as text', async () => {
  const hostile = listed.filter((post) => post.text.includes('onerror'));
  expect(hostile.length, 'posts in content/ with "onerror" in their text').toBeGreaterThan(0);
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(searchUrl('q=onerror'));
  await resultPaths(page, searchLive.results(hostile.length, 'onerror'));
  const excerpt = page.locator('.search-result__excerpt').first();
  expect(await excerpt.textContent()).toContain('onerror=alert(1)>');
  const elements = await page.locator('.search-result__excerpt *').evaluateAll((nodes) => nodes.map((node) => node.tagName));
  expect(new Set(elements), 'elements inside excerpts').toEqual(new Set(['MARK']));
  expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
  expect(dialogs, 'no alert ran').toEqual([]);
  await page.context().close();
});

test('when Pagefind cannot load, the page says so and points to the archive', async () => {
  const page = await browser.newPage();
  await page.route('**/pagefind/*/pagefind.js', (route) => route.abort());
  await page.goto(searchUrl(`q=${QUERY}`));
  const failed = page.locator('#search-failed');
  await failed.waitFor({ state: 'visible' });
  expect(await failed.locator(`a[href="${sitePaths.archive()}"]`).count()).toBe(1);
  expect(await page.locator(RESULT_LINKS).count()).toBe(0);
  await page.context().close();
});
