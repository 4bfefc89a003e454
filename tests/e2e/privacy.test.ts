/**
 * Privacy: reading the archive contacts no one but the archive. Every request of these pages (documents,
 * styles, scripts, images, fonts, search index, WebSockets) must go to the preview server itself.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { recordRequests, useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { carouselPost, topHashtag, videoPost } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';

const preview = usePreviewServer();
const browser = useBrowser();

/** Scrolls to the end in steps so lazy images and anything below the fold load too. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
}

const pages: [string, () => string, ((page: Page) => Promise<void>)?][] = [
  ['home', () => sitePaths.home()],
  ['a video post', () => sitePaths.post(videoPost())],
  ['a carousel post', () => sitePaths.post(carouselPost())],
  [
    'the search page with a query',
    () => sitePaths.search(),
    async (page) => {
      await page.locator('#cari-q').fill(topHashtag());
      await page.locator('#search-results a[href]').first().waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
    },
  ],
  ['the transparency page', () => sitePaths.transparency()],
];

test.each(pages)('%s requests nothing from other hosts', async (_name, path, act) => {
  const context = await browser.newContext();
  const requests = recordRequests(context);
  const page = await context.newPage();
  const response = await page.goto(preview.url(path()), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await act?.(page);
  await scrollThrough(page);
  requests.stop();
  expect(requests.urls.length, 'requests were recorded').toBeGreaterThan(0);
  const offenders = requests.offenders(preview.host);
  expect(offenders, `requests to hosts other than ${preview.host}:\n${offenders.join('\n')}`).toEqual([]);
  await context.close();
});
