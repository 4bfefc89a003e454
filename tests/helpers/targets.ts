/**
 * Which pages the browser tests open, chosen from the archive in content/ so the tests follow the data.
 * Each chooser throws (failing the test) when the archive has no post of that sort.
 */
import type { Post } from '#archive/post.ts';
import { jakartaDateParts } from '#site/utils/dates.ts';
import { readListedPosts, siteConfig, sitePaths } from './repo.ts';

export const listed = readListedPosts();

function first(posts: Post[], what: string): Post {
  const post = posts[0];
  if (!post) throw new Error(`The archive in content/ has no ${what}.`);
  return post;
}

const mirroredCount = (post: Post) => post.media.filter((item) => item.status === 'mirrored').length;

/** A YouTube video (not a short or live), preferring one whose poster was mirrored. */
export const videoPost = () =>
  first(
    listed.filter((post) => post.kind === 'video').sort((a, b) => mirroredCount(b) - mirroredCount(a)),
    'YouTube video post',
  );

/** An Instagram carousel whose items were all mirrored, else any carousel. */
export const carouselPost = () =>
  first(
    listed
      .filter((post) => post.kind === 'carousel')
      .sort((a, b) => Number(mirroredCount(b) === b.media.length) - Number(mirroredCount(a) === a.media.length)),
    'carousel post',
  );

export const reelPost = () => first(listed.filter((post) => post.kind === 'reel'), 'reel post');

/** The listed post with the longest text (in code points). */
export const longestTextPost = () =>
  first([...listed].sort((a, b) => [...b.text].length - [...a.text].length), 'post with text');

/** The most used hashtag (ties alphabetical). */
export function topHashtag(): string {
  const counts = new Map<string, number>();
  for (const post of listed) for (const tag of post.hashtags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!top) throw new Error('The archive in content/ has no hashtags.');
  return top[0];
}

/** The configured account a post belongs to (matched by platform and channel/user id). */
export function configuredAccountOf(post: Post) {
  return siteConfig.accounts.find(
    (account) => account.platform === post.platform && (account.platform === 'youtube' ? account.channelId : account.userId) === post.account.id,
  );
}

/** The Jakarta calendar year of the newest post. */
export const newestYear = () => jakartaDateParts(first(listed, 'post').publishedAt).year;

export const pathOf = (post: Post) => sitePaths.post(post);
