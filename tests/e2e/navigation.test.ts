/**
 * A reader's path through the site: home → newest post → one of its hashtags → back → its account.
 */
import { expect, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { usePreviewServer } from '../helpers/preview.ts';
import { configuredAccountOf, listed } from '../helpers/targets.ts';
import { sitePaths } from '../helpers/repo.ts';
import { normalizeHashtag } from '#site/utils/text.ts';

const preview = usePreviewServer();
const browser = useBrowser();

test('home → post → hashtag → back → account', async () => {
  const page = await browser.newPage();
  const pathname = () => new URL(page.url()).pathname;

  await page.goto(preview.url(sitePaths.home()));
  const cardLink = page.locator('article.post-card').first().locator('h2 a, h3 a').first();
  await cardLink.waitFor({ state: 'visible' });
  const newest = listed[0]!;
  expect(await cardLink.getAttribute('href'), 'the first card on the home page is the newest post').toBe(sitePaths.post(newest));

  await Promise.all([page.waitForURL((url) => url.pathname === sitePaths.post(newest)), cardLink.click()]);
  const heading = page.locator('article.post h1');
  await heading.waitFor({ state: 'visible' });
  expect((await heading.innerText()).trim()).not.toBe('');
  const postPath = pathname();

  const hashtag = page.locator('article.post a.hashtag').first();
  await hashtag.waitFor({ state: 'visible' });
  const tag = normalizeHashtag((await hashtag.innerText()).trim());
  expect(newest.hashtags, 'the hashtag link names one of the post’s hashtags').toContain(tag);
  await Promise.all([page.waitForURL((url) => url.pathname === sitePaths.hashtag(tag)), hashtag.click()]);
  const listedThere = page.locator(`article.post-card a[href="${postPath}"]`);
  expect(await listedThere.count(), `the hashtag page ${sitePaths.hashtag(tag)} lists the post`).toBeGreaterThan(0);

  await Promise.all([page.waitForURL((url) => url.pathname === postPath), page.goBack()]);
  const account = page.locator('a.post-account');
  await account.waitFor({ state: 'visible' });
  const expectedSlug = configuredAccountOf(newest)?.slug;
  expect(expectedSlug, 'the newest post belongs to a configured account').toBeDefined();
  await Promise.all([page.waitForURL((url) => url.pathname === sitePaths.account(expectedSlug!)), account.click()]);
  expect(pathname()).toMatch(new RegExp(`^${sitePaths.accounts()}[a-z0-9-]+/$`));
  expect(await page.locator(`article.post-card a[href="${postPath}"]`).count(), 'the account page lists the post').toBeGreaterThan(0);
  await page.context().close();
});
