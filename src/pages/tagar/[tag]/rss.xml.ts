import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../lib/archive.ts';
import { postFeed } from '../../../lib/feeds.ts';
import { siteConfig, t } from '../../../lib/site.ts';
import type { Post } from '../../../schemas/post.ts';
import { groupByHashtag } from '../../../utils/posts.ts';

export const getStaticPaths = (async () => {
  const { listed } = await getArchive();
  return groupByHashtag(listed).map(({ tag, posts }) => ({ params: { tag }, props: { tag, posts } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string; posts: Post[] }> = ({ props: { tag, posts } }) =>
  postFeed({ title: t.feed.hashtagTitle(siteConfig.name, tag), description: t.hashtags.tagTitle(tag), posts });
