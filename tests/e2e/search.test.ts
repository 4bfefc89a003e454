/**
 * Search with Pagefind in the browser: a word that occurs in exactly one post finds exactly that post.
 */
import { expect, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { listed } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';

const QUERY = 'Latong';

const preview = usePreviewServer();
const browser = useBrowser();

test(`searching "${QUERY}" finds the one post that mentions it`, async () => {
  const matching = listed.filter((post) => post.text.includes(QUERY) || post.title.includes(QUERY));
  expect(matching.map((post) => sitePaths.post(post)), `posts in content/ mentioning "${QUERY}"`).toHaveLength(1);
  const expected = sitePaths.post(matching[0]!);

  const page = await browser.newPage();
  await page.goto(preview.url(sitePaths.search()));
  const input = page.locator('pagefind-input input, pagefind-searchbox input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(QUERY);

  const results = page.locator('pagefind-results');
  await results.locator('a[href]').first().waitFor({ state: 'visible' });
  // Let the debounce settle and every result render before counting.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const hrefs = await results.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const resultPages = [...new Set(hrefs.map((href) => new URL(href).pathname))];
  expect(resultPages, 'distinct pages among the result links').toEqual([expected]);
  await page.context().close();
});
