/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) on every kind of page. Any
 * serious or critical violation fails, listing rule, impact and the offending elements.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { carouselPost, configuredAccountOf, listed, newestYear, reelPost, topHashtag, videoPost } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const preview = usePreviewServer();
const browser = useBrowser();

const NOT_FOUND_PATH = `${sitePaths.home()}halaman-yang-tidak-ada/`;

const pages: [string, () => string, number, ((page: Page) => Promise<void>)?][] = [
  ['home', () => sitePaths.home(), 200],
  ['a video post', () => sitePaths.post(videoPost()), 200],
  ['a carousel post', () => sitePaths.post(carouselPost()), 200],
  ['a reel post', () => sitePaths.post(reelPost()), 200],
  ['a hashtag page', () => sitePaths.hashtag(topHashtag()), 200],
  ['an account page', () => sitePaths.account(configuredAccountOf(listed[0]!)?.slug ?? 'missing-account'), 200],
  ['an archive year page', () => sitePaths.archiveYear(newestYear()), 200],
  [
    'the search page',
    () => sitePaths.search(),
    200,
    async (page) => {
      // Check the page with results shown, as readers use it.
      await page.locator('#cari-q').fill(topHashtag());
      await page.locator('#search-results a[href]').first().waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
    },
  ],
  ['the transparency page', () => sitePaths.transparency(), 200],
  ['the 404 page', () => NOT_FOUND_PATH, 404],
];

test.each(pages)('%s has no serious or critical violations', async (_name, path, status, act) => {
  const page = await browser.newPage();
  const response = await page.goto(preview.url(path()), { waitUntil: 'load' });
  expect(response?.status()).toBe(status);
  await page.locator('h1').first().waitFor({ state: 'visible' });
  await act?.(page);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(0);
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
      return `${violation.id} (${violation.impact}): ${violation.help}\n${targets.join('\n')}`;
    })
    .join('\n');
  expect(serious.map((violation) => violation.id), `serious/critical axe violations:\n${report}`).toEqual([]);
  await page.context().close();
});
