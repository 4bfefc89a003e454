/** How a post is named and summarised for readers (titles, descriptions), in one place. */
import type { Post } from '#archive/post.ts';
import { formatDate } from '../utils/dates.ts';
import { summarize } from '../utils/text.ts';
import { t } from '../i18n/id.ts';

/** The post's title, or a dated fallback for an Instagram post without a caption. */
export function displayTitle(post: Pick<Post, 'title' | 'publishedAt'>): string {
  return post.title.trim() || t.post.untitled(formatDate(post.publishedAt));
}

/** A one-line description for cards, meta tags and feeds. */
export function describe(post: Pick<Post, 'text' | 'title' | 'publishedAt'>, maxLength = 200): string {
  return summarize(post.text, maxLength) || displayTitle(post);
}

/** The title a reader may see: none for a post staff withdrew from public view. */
export function publicTitle(post: Pick<Post, 'title' | 'publishedAt' | 'provenance'>): string {
  return post.provenance.removed?.reason === 'withdrawn' ? t.removal.withdrawnTitle : displayTitle(post);
}
