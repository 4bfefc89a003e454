/**
 * A post withdrawn by staff (a file in content/withdrawals/) keeps a tombstone page that says when and
 * why, and disappears from everything else: lists, feeds, sitemap, search, open data. Its title and
 * media are no longer published anywhere on the site.
 */
import { describe, expect, it } from 'vitest';
import { DIST_DIR, distFileForPath, listFiles, readDist, readPresentedPosts, readWithdrawals, siteConfig, sitePaths } from '../helpers/repo.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const withdrawals = readWithdrawals();
const presented = readPresentedPosts();

describe('withdrawn posts', () => {
  it('the sample has one, so these checks check something', () => {
    expect(withdrawals.length).toBeGreaterThan(0);
  });

  for (const withdrawal of withdrawals) {
    const post = presented.find((candidate) => candidate.platform === withdrawal.platform && candidate.id === withdrawal.id)!;
    const pagePath = sitePaths.post(post);
    const url = new URL(pagePath, siteConfig.baseUrl).href;

    it(`${withdrawal.platform}/${withdrawal.id}: a tombstone with the date and the public reason, and nothing else`, () => {
      const html = readFileSync(distFileForPath(pagePath), 'utf8');
      expect(html).toContain('Unggahan ditarik');
      expect(html).toContain(withdrawal.reason.replace(/"/g, '&quot;').slice(0, 40));
      expect(html).toMatch(/<meta name="robots" content="noindex"/);
      expect(html).not.toMatch(/<img/);
      expect(html).not.toContain('application/ld+json');
      expect(html).not.toContain('data-pagefind-body');
      expect(html).not.toContain('og:image');
    });

    it(`${withdrawal.platform}/${withdrawal.id}: gone from feeds, sitemap, open data and every other page`, () => {
      const sitemap = readDist('sitemap-0.xml');
      expect(sitemap).not.toContain(url);
      expect(readDist('rss.xml')).not.toContain(url);
      const openData = JSON.parse(readDist('data/posts.json')) as { posts: { id: string }[] };
      expect(openData.posts.map((entry) => entry.id)).not.toContain(post.id);
      expect(readDist('data/posts.csv')).not.toContain(post.id);
      // The title (and text) appear in no published file; the tombstone shows neither.
      const title = post.title.trim();
      expect(title.length).toBeGreaterThan(10);
      const published = listFiles(DIST_DIR, (name) => /\.(html|xml|json|csv|txt)$/.test(name)).filter((file) => !file.startsWith('pagefind/'));
      for (const file of published) expect(readFileSync(path.join(DIST_DIR, file), 'utf8'), file).not.toContain(title);
    });

    it(`${withdrawal.platform}/${withdrawal.id}: listed on the transparency page and in the changes feed`, () => {
      expect(readFileSync(distFileForPath(sitePaths.transparency()), 'utf8')).toContain(`href="${pagePath}"`);
      const changes = readDist('perubahan.xml');
      expect(changes).toContain(`${url}#riwayat-withdrawn-`);
      expect(changes).toContain(withdrawal.reason.slice(0, 40));
    });
  }
});

describe('the changes feed', () => {
  it('lists every edit and removal, newest first', () => {
    const changes = readDist('perubahan.xml');
    const edits = presented.flatMap((post) => (post.provenance.removed?.reason === 'withdrawn' ? [] : post.provenance.versions));
    const removals = presented.filter((post) => post.provenance.removed);
    expect(changes.match(/<item>/g)?.length).toBe(edits.length + removals.length);
    const dates = [...changes.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((match) => Date.parse(match[1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});
