/**
 * Accounts as readers see them: the configured ones first, then any account that appears only in posts
 * (an account removed from the config keeps its archive page).
 */
import type { Platform, Post } from '#archive/post.ts';
import type { AccountConfig } from '../schemas/site-config.ts';
import { isListed } from './posts.ts';

export interface SiteAccount {
  slug: string;
  platform: Platform;
  /** The platform's id of the account (channel id or Instagram user id). */
  id: string;
  name: string;
  handle: string;
  profileUrl: string;
  /** The account's listed posts (withdrawn ones left out), in the order given. */
  posts: Post[];
}

function configuredId(account: AccountConfig): string {
  return account.platform === 'youtube' ? account.channelId : account.userId;
}

export function profileUrl(platform: Platform, handle: string): string {
  return platform === 'youtube'
    ? `https://www.youtube.com/@${encodeURIComponent(handle)}`
    : `https://www.instagram.com/${encodeURIComponent(handle)}/`;
}

/** A slug for an account that is not in the config, from its platform and handle. */
export function fallbackSlug(platform: Platform, handle: string): string {
  const cleaned = handle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${platform}-${cleaned || 'akun'}`;
}

export function resolveAccounts(configured: readonly AccountConfig[], posts: readonly Post[]): SiteAccount[] {
  const accounts = new Map<string, SiteAccount>();
  for (const account of configured) {
    const id = configuredId(account);
    accounts.set(`${account.platform}/${id}`, {
      slug: account.slug,
      platform: account.platform,
      id,
      name: account.name,
      handle: account.handle,
      profileUrl: profileUrl(account.platform, account.handle),
      posts: [],
    });
  }
  for (const post of posts) {
    const key = `${post.platform}/${post.account.id}`;
    let account = accounts.get(key);
    if (!account) {
      account = {
        slug: fallbackSlug(post.platform, post.account.handle),
        platform: post.platform,
        id: post.account.id,
        name: post.account.name,
        handle: post.account.handle,
        profileUrl: profileUrl(post.platform, post.account.handle),
        posts: [],
      };
      accounts.set(key, account);
    }
    if (isListed(post)) account.posts.push(post);
  }
  return [...accounts.values()];
}

/** The account a post belongs to (every post has one after resolveAccounts). */
export function accountOf(accounts: readonly SiteAccount[], post: Pick<Post, 'platform' | 'account'>): SiteAccount {
  const found = accounts.find((account) => account.platform === post.platform && account.id === post.account.id);
  if (!found) throw new Error(`No account resolved for ${post.platform} account ${post.account.id}`);
  return found;
}
