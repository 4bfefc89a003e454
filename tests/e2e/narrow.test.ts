/**
 * Small phones: at 320 CSS pixels wide nothing makes the page scroll sideways (WCAG 1.4.10 Reflow).
 */
import { expect, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { carouselPost, longestTextPost } from '../helpers/targets.ts';
import { keyOf, sitePaths } from '../helpers/repo.ts';

const preview = usePreviewServer();
const browser = useBrowser();

test.each([
  ['a carousel post', carouselPost],
  ['the longest-text post', longestTextPost],
] as const)('%s fits 320 px', async (_name, choose) => {
  const post = choose();
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  await page.goto(preview.url(sitePaths.post(post)), { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // For the failure message: elements that stick out, outside any sideways-scrolling container.
    const scrolls = (element: Element | null): boolean =>
      element !== null && element !== document.documentElement &&
      (['auto', 'scroll'].includes(getComputedStyle(element).overflowX) || scrolls(element.parentElement));
    const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !scrolls(element.parentElement))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(element.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide };
  });
  expect(clientWidth, 'the viewport is 320 px wide').toBeLessThanOrEqual(320);
  expect(scrollWidth, `${keyOf(post)}: document scrollWidth at 320 px; too wide: ${wide.join(', ')}`).toBeLessThanOrEqual(320);
  await page.context().close();
});
