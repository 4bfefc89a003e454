/**
 * The video facade: no YouTube frame (and no request to YouTube) until the reader clicks; then a
 * youtube-nocookie player with a title. The network to YouTube is cut off by page.route either way.
 */
import { expect, test } from 'vitest';
import { recordRequests, useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { videoPost } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';

const preview = usePreviewServer();
const browser = useBrowser();

test('a click on the facade swaps in a titled youtube-nocookie player', async () => {
  const post = videoPost();
  const context = await browser.newContext();
  const page = await context.newPage();
  const aborted: string[] = [];
  await page.route(/^https?:\/\/([^/]+\.)?youtube-nocookie\.com\//, async (route) => {
    aborted.push(route.request().url());
    await route.abort();
  });
  const requests = recordRequests(context);

  await page.goto(preview.url(sitePaths.post(post)), { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  expect(await page.locator('iframe').count(), 'no iframe before the click').toBe(0);
  expect(requests.offenders(preview.host), 'no request to another host before the click').toEqual([]);

  const facade = page.locator('.video-facade');
  expect(await facade.count(), 'one .video-facade').toBe(1);
  await facade.click();

  const prefix = `https://www.youtube-nocookie.com/embed/${post.id}`;
  const frame = page.locator('iframe');
  await frame.first().waitFor({ state: 'attached' });
  expect(await frame.count()).toBe(1);
  expect(await frame.getAttribute('src')).toMatch(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:[?#]|$)`));
  expect((await frame.getAttribute('title'))?.trim() ?? '', 'the iframe has a title').not.toBe('');
  expect(page.url(), 'the click did not navigate away').toBe(preview.url(sitePaths.post(post)));
  await expect.poll(() => aborted.length, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(aborted.every((url) => url.startsWith('https://www.youtube-nocookie.com/')), aborted.join('\n')).toBe(true);
  requests.stop();
  await context.close();
});
