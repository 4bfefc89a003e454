/**
 * Without JavaScript the archive still works: the post's title and whole text are there, images have
 * dimensions and load, every carousel item can be reached, the video is a plain link to YouTube, and the
 * search page points to the archive.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { carouselPost, videoPost } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';

const preview = usePreviewServer();
const browser = useBrowser();
let context: BrowserContext;

beforeAll(async () => {
  context = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await context?.close();
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

test('a carousel post: title, whole text, sized and loaded images, every item reachable', async () => {
  const post = carouselPost();
  const page = await context.newPage();
  await page.goto(preview.url(sitePaths.post(post)), { waitUntil: 'load' });

  const heading = page.locator('article.post h1');
  expect(await heading.isVisible(), 'h1 visible').toBe(true);
  expect(squash(await heading.innerText())).not.toBe('');

  const text = page.locator('article.post .post-text');
  expect(await text.isVisible(), '.post-text visible').toBe(true);
  // innerText leaves out anything hidden (collapsed "read more" and the like), so this checks visibility too.
  expect(squash(await text.innerText())).toBe(squash(post.text));

  const items = page.locator('article.post ul.gallery > li');
  expect(await items.count(), 'one gallery item per media item').toBe(post.media.length);
  const viewport = page.viewportSize()!;
  for (let index = 0; index < post.media.length; index++) {
    const item = items.nth(index);
    await item.scrollIntoViewIfNeeded();
    expect(await item.isVisible(), `gallery item ${index + 1} visible`).toBe(true);
    const box = await item.boundingBox();
    expect(box, `gallery item ${index + 1} has a box`).not.toBeNull();
    expect(box!.x + box!.width / 2, `gallery item ${index + 1} scrolled into the viewport`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width / 2).toBeLessThanOrEqual(viewport.width);
  }

  const images = page.locator('article.post img');
  const mirrored = post.media.filter((item) => item.status === 'mirrored').length;
  expect(await images.count(), 'one image per mirrored media item').toBe(mirrored);
  for (let index = 0; index < mirrored; index++) {
    const image = images.nth(index);
    expect(await image.getAttribute('width'), `image ${index + 1} width attribute`).toMatch(/^\d+$/);
    expect(await image.getAttribute('height'), `image ${index + 1} height attribute`).toMatch(/^\d+$/);
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : -1)), {
        timeout: 15_000,
        message: `image ${index + 1} loads`,
      })
      .toBeGreaterThan(0);
  }
  await page.close();
});

test('a video post: the facade is a link to the video on YouTube', async () => {
  const post = videoPost();
  const page = await context.newPage();
  await page.goto(preview.url(sitePaths.post(post)), { waitUntil: 'load' });
  expect(await page.locator('article.post h1').isVisible()).toBe(true);
  const facade = page.locator('a.video-facade');
  expect(await facade.count()).toBe(1);
  expect(await facade.isVisible()).toBe(true);
  const href = new URL((await facade.getAttribute('href')) ?? '', 'https://invalid.example/');
  expect(`${href.origin}${href.pathname}`).toBe('https://www.youtube.com/watch');
  expect(href.searchParams.get('v')).toBe(post.id);
  expect(await page.locator('iframe').count(), 'no player without a click').toBe(0);
  await page.close();
});

test('the search page links to the archive, accounts and hashtags instead', async () => {
  const page = await context.newPage();
  await page.goto(preview.url(sitePaths.search()), { waitUntil: 'load' });
  const link = page.locator(`noscript a[href="${sitePaths.archive()}"]`);
  expect(await link.count(), 'a link to the archive inside <noscript>').toBeGreaterThan(0);
  expect(await link.first().isVisible(), 'the <noscript> link is shown').toBe(true);
  for (const path of [sitePaths.accounts(), sitePaths.hashtags()]) {
    expect(await page.locator(`noscript a[href="${path}"]`).count(), `a link to ${path} inside <noscript>`).toBe(1);
  }
  // A form that needs the script to search is not offered without it.
  expect(await page.locator('#search-form').isVisible(), 'the search form').toBe(false);
  await page.close();
});
