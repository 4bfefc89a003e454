/**
 * schema.org JSON-LD for a post page: a VideoObject for YouTube videos, a SocialMediaPosting for
 * Instagram. Built as plain data; the layout serialises it safely.
 */
import type { Post } from '#archive/post.ts';
import type { SiteAccount } from '../utils/accounts.ts';
import { isoDuration } from '../utils/dates.ts';
import { siteConfig } from '../site.config.ts';
import { describe } from './present.ts';

interface Context {
  url: string;
  title: string;
  account: SiteAccount;
  imageUrl: string | undefined;
}

export function postJsonLd(post: Post, { url, title, account, imageUrl }: Context): Record<string, unknown> {
  const author = { '@type': 'Organization', name: account.name, url: account.profileUrl };
  const common = {
    '@context': 'https://schema.org',
    url,
    mainEntityOfPage: url,
    sameAs: post.permalink,
    datePublished: post.publishedAt,
    dateModified: post.provenance.versions.at(-1)?.replacedAt ?? post.publishedAt,
    author,
    publisher: { '@type': 'Organization', name: siteConfig.publisher },
    inLanguage: 'id',
    keywords: post.hashtags.join(', ') || undefined,
  };
  if (post.platform === 'youtube') {
    return {
      ...common,
      '@type': 'VideoObject',
      name: title,
      description: describe(post, 500),
      uploadDate: post.publishedAt,
      thumbnailUrl: imageUrl,
      duration: post.durationSeconds !== undefined ? isoDuration(post.durationSeconds) : undefined,
      embedUrl: `https://www.youtube-nocookie.com/embed/${post.id}`,
    };
  }
  return {
    ...common,
    '@type': 'SocialMediaPosting',
    headline: title,
    articleBody: post.text,
    image: imageUrl,
  };
}
