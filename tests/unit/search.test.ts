/**
 * The search page's logic without a browser: the search in the address, Pagefind's result data turned
 * into what the page shows (text stays text), and the filter values the post pages and the form share.
 */
import { describe, expect, it } from 'vitest';
import { searchBundlesOf, searchFilterOptions, searchFiltersOf } from '#site/lib/search.ts';
import { resolveAccounts } from '#site/utils/accounts.ts';
import { excerptParts, isEmptySearch, readSearch, searchQueryString, toResultItem, type PagefindResultData } from '#site/utils/search.ts';
import { makePost, makeVideo } from '../fixtures/posts.ts';

describe('the search in the address', () => {
  it('reads the words and the filters, trimmed, ignoring empty fields and unknown parameters', () => {
    expect(readSearch('?q=+vaksinasi+campak+&platform=&akun=Prokopim+Tapsel&tahun=2026&utm_source=wa')).toEqual({
      query: 'vaksinasi campak',
      filters: { akun: 'Prokopim Tapsel', tahun: '2026' },
    });
    expect(readSearch('')).toEqual({ query: '', filters: {} });
  });

  it('writes one address per search, in a fixed order, and reads back what it wrote', () => {
    const state = { query: 'jalan & jembatan', filters: { tahun: '2025', platform: 'YouTube' } };
    const text = searchQueryString(state);
    expect(text).toBe('?q=jalan+%26+jembatan&platform=YouTube&tahun=2025');
    expect(readSearch(text)).toEqual({ query: 'jalan & jembatan', filters: { platform: 'YouTube', tahun: '2025' } });
    expect(searchQueryString({ query: '', filters: {} })).toBe('');
  });

  it('is empty only with neither words nor a filter', () => {
    expect(isEmptySearch({ query: '', filters: {} })).toBe(true);
    expect(isEmptySearch({ query: '', filters: { tahun: '2026' } })).toBe(false);
    expect(isEmptySearch({ query: 'banjir', filters: {} })).toBe(false);
  });
});

describe('excerpts', () => {
  it('keeps Pagefind’s <mark> as the only markup and merges neighbouring runs', () => {
    expect(excerptParts('Jadwal <mark>vaksinasi</mark> <mark>campak</mark> di puskesmas')).toEqual([
      { text: 'Jadwal ', mark: false },
      { text: 'vaksinasi', mark: true },
      { text: ' ', mark: false },
      { text: 'campak', mark: true },
      { text: ' di puskesmas', mark: false },
    ]);
  });

  it('turns a caption’s escaped markup back into plain text, never into tags', () => {
    // What Pagefind makes of `"<script>alert(1)</script> <img src=x onerror=alert(1)>"` when "onerror" matches.
    const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x <mark>onerror=alert(1)&gt;</mark> & "kutip"');
    expect(parts).toEqual([
      { text: '<script>alert(1)</script> <img src=x ', mark: false },
      { text: 'onerror=alert(1)>', mark: true },
      { text: ' & "kutip"', mark: false },
    ]);
  });
});

describe('a result as the page shows it', () => {
  const data = (overrides: Partial<PagefindResultData> = {}): PagefindResultData => ({
    url: '/warta/pos/youtube/abc/',
    excerpt: 'Jadwal <mark>vaksinasi</mark>',
    meta: { title: 'Jadwal vaksinasi', date: '3 Maret 2026' },
    filters: { akun: ['Prokopim Tapanuli Selatan'], platform: ['YouTube'], tahun: ['2026'] },
    ...overrides,
  });

  it('has the title, date, account, platform and excerpt', () => {
    expect(toResultItem(data())).toEqual({
      url: '/warta/pos/youtube/abc/',
      title: 'Jadwal vaksinasi',
      details: ['3 Maret 2026', 'Prokopim Tapanuli Selatan', 'YouTube'],
      excerpt: [
        { text: 'Jadwal ', mark: false },
        { text: 'vaksinasi', mark: true },
      ],
    });
  });

  it('shows what a page left out as absent, not as empty text', () => {
    const item = toResultItem(data({ meta: { title: '  ' }, filters: {} }))!;
    expect(item.title).toBe('/warta/pos/youtube/abc/');
    expect(item.details).toEqual([]);
  });

  it('links only to this site’s paths', () => {
    expect(toResultItem(data({ url: 'javascript:alert(1)' }))).toBeUndefined();
    expect(toResultItem(data({ url: '//evil.example/pos/' }))).toBeUndefined();
  });
});

describe('filter values', () => {
  const video = makeVideo();
  const photo = makePost();
  const newYear = makePost({ id: '17895695668004551', publishedAt: '2025-12-31T18:00:00Z' });
  const accounts = resolveAccounts([], [video, photo, newYear]);

  it('are what a reader sees: platform and account names, and the year in WIB', () => {
    expect(searchFiltersOf(video, { name: 'Prokopim Tapanuli Selatan' })).toEqual({ platform: 'YouTube', akun: 'Prokopim Tapanuli Selatan', tahun: '2026' });
    // 18:00 UTC on 31 December is already 1 January in Jakarta.
    expect(searchFiltersOf(newYear, { name: 'x' }).tahun).toBe('2026');
    expect(searchFiltersOf(makePost({ publishedAt: '2025-12-31T16:59:00Z' }), { name: 'x' }).tahun).toBe('2025');
  });

  it('the form offers each value once: names A–Z, years newest first', () => {
    const older = makePost({ id: '17895695668004552', publishedAt: '2024-05-01T00:00:00Z' });
    expect(searchFilterOptions([video, photo, newYear, older], resolveAccounts([], [video, photo, newYear, older]))).toEqual({
      platform: ['Instagram', 'YouTube'],
      akun: ['Prokopim Tapanuli Selatan', 'Prokopim Tapsel'],
      tahun: ['2026', '2024'],
    });
    expect(searchFilterOptions([], accounts)).toEqual({ platform: [], akun: [], tahun: [] });
  });
});

describe('search bundles', () => {
  it('hold each post once, in the bundle of its year in WIB, newest year first', () => {
    const late = makePost({ id: '1', publishedAt: '2025-12-31T17:00:00Z' }); // 00:00 WIB on 1 January 2026
    const early = makePost({ id: '2', publishedAt: '2025-12-31T16:59:59Z' });
    const old = makePost({ id: '3', publishedAt: '2019-07-01T00:00:00Z' });
    const mid = makePost({ id: '4', publishedAt: '2025-06-01T00:00:00Z' });
    expect(searchBundlesOf([early, old, late, mid]).map(({ year, posts }) => [year, posts.map((post) => post.id)])).toEqual([
      ['2026', ['1']],
      ['2025', ['2', '4']],
      ['2019', ['3']],
    ]);
    expect(searchBundlesOf([])).toEqual([]);
  });

  it('are the years the form offers', () => {
    const posts = [makePost({ id: '1', publishedAt: '2023-02-01T00:00:00Z' }), makeVideo(), makePost({ id: '2', publishedAt: '2021-02-01T00:00:00Z' })];
    expect(searchBundlesOf(posts).map(({ year }) => year)).toEqual(searchFilterOptions(posts, resolveAccounts([], posts)).tahun);
  });
});
