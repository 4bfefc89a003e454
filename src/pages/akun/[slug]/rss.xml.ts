import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '#site/lib/archive.ts';
import { postFeed } from '#site/lib/feeds.ts';
import { siteConfig, t } from '#site/lib/site.ts';
import type { SiteAccount } from '#site/utils/accounts.ts';

export const getStaticPaths = (async () => {
  const { accounts } = await getArchive();
  return accounts.map((account) => ({ params: { slug: account.slug }, props: { account } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ account: SiteAccount }> = ({ props: { account } }) =>
  postFeed({
    title: t.feed.accountTitle(siteConfig.name, account.name),
    description: t.accounts.accountTitle(account.name, t.platforms[account.platform]),
    posts: account.posts,
  });
