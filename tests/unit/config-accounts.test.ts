import { describe, expect, it } from 'vitest';
import { parseSiteConfig, SiteConfigError } from '#site/schemas/site-config.ts';
import { siteConfig } from '#site/site.config.ts';
import { accountOf, fallbackSlug, resolveAccounts } from '#site/utils/accounts.ts';
import { makePost, makeVideo } from '../fixtures/posts.ts';

describe('site config', () => {
  it('the committed config is valid', () => {
    expect(siteConfig.accounts.length).toBeGreaterThan(0);
  });
  it('explains every problem, naming the setting', () => {
    const broken = {
      ...siteConfig,
      baseUrl: 'ftp://example.org',
      accounts: [
        { ...siteConfig.accounts[0]!, slug: 'Bad Slug' },
        { platform: 'youtube', slug: 'x', name: 'X', handle: 'x', channelId: 'nope' },
      ],
    };
    let error: unknown;
    try {
      parseSiteConfig(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SiteConfigError);
    const message = (error as Error).message;
    expect(message).toContain('src/site.config.ts');
    expect(message).toMatch(/baseUrl:/);
    expect(message).toMatch(/accounts\.0\.slug: use lower-case letters/);
    expect(message).toMatch(/accounts\.1\.channelId: a YouTube channel id/);
  });
  it('rejects a slug used twice', () => {
    const account = siteConfig.accounts[0]!;
    expect(() => parseSiteConfig({ ...siteConfig, accounts: [account, { ...account }] })).toThrow(/is used twice/);
  });
});

describe('accounts', () => {
  const configured = parseSiteConfig(siteConfig).accounts;
  it('attaches posts to configured accounts and keeps unknown accounts with a derived slug', () => {
    const stranger = makePost({ id: '1', account: { id: '999', handle: 'Dinas.Kominfo', name: 'Dinas Kominfo' } });
    const accounts = resolveAccounts(configured, [makeVideo({ account: { ...makeVideo().account, id: 'UCq3Tapsel0Prokopim00000' } }), stranger]);
    expect(accounts.map((a) => [a.slug, a.posts.length])).toEqual([
      ['youtube-prokopim', 1],
      ['instagram-prokopim', 0],
      ['instagram-dinas-kominfo', 1],
    ]);
    expect(accountOf(accounts, stranger).profileUrl).toBe('https://www.instagram.com/Dinas.Kominfo/');
    expect(fallbackSlug('youtube', '!!!')).toBe('youtube-akun');
  });
  it('leaves withdrawn posts out of an account list', () => {
    const base = makePost({ account: { id: '17841400000000001', handle: 'prokopim.tapsel', name: 'Prokopim Tapsel' } });
    const withdrawn = { ...base, id: '2', provenance: { ...base.provenance, removed: { at: '2026-11-01T00:00:00Z', reason: 'withdrawn' as const, note: 'x' } } };
    const accounts = resolveAccounts(configured, [base, withdrawn]);
    expect(accounts.find((a) => a.slug === 'instagram-prokopim')!.posts.map((p) => p.id)).toEqual([base.id]);
  });
});
