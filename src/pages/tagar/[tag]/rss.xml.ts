import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '#site/lib/archive.ts';
import { postFeed } from '#site/lib/feeds.ts';
import { siteConfig, t } from '#site/lib/site.ts';
import type { Post } from '#archive/post.ts';
import { groupByHashtag } from '#site/utils/posts.ts';

export const getStaticPaths = (async () => {
  const { listed } = await getArchive();
  return groupByHashtag(listed).map(({ tag, posts }) => ({ params: { tag }, props: { tag, posts } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string; posts: Post[] }> = ({ props: { tag, posts } }) =>
  postFeed({ title: t.feed.hashtagTitle(siteConfig.name, tag), description: t.hashtags.tagTitle(tag), posts });
