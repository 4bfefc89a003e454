/**
 * The markup of a feed item. Readers render an item's description and content as HTML, so caption text
 * becomes HTML here from the shared tokenizer only: every character escaped, and paragraphs, line breaks
 * and http(s) links the only elements. Plus the item's extra XML elements, escaped the same way.
 */
import { safeHttpUrl, splitParagraphs, tokenizeText, type TextToken } from './text.ts';

/**
 * Escapes text for HTML text and double-quoted attributes, and equally for XML. Only the four
 * predefined entities: `'` needs none inside double quotes, and a numeric reference such as `&#39;`
 * would not survive @astrojs/rss re-parsing raw `customData`.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface FeedHtmlOptions {
  /**
   * False for a summary: no anchors at all, since a URL cut short by truncation would link somewhere
   * else. Default true.
   */
  links?: boolean;
  /** The absolute URL of the site's page for a hashtag, or undefined to leave that tag as text. */
  hashtagUrl?: (tag: string) => string | undefined;
}

function anchor(href: string | null | undefined, value: string, rel?: string): string {
  // Whatever a caller passes, an href that is not http(s) leaves the text as text.
  const safe = href ? safeHttpUrl(href) : null;
  if (!safe) return escapeMarkup(value);
  return `<a href="${escapeMarkup(safe)}"${rel ? ` rel="${rel}"` : ''}>${escapeMarkup(value)}</a>`;
}

function tokenHtml(token: TextToken, { links = true, hashtagUrl }: FeedHtmlOptions): string {
  switch (token.type) {
    case 'newline':
      return '<br>';
    case 'text':
    case 'mention':
      return escapeMarkup(token.value);
    case 'link':
      return links ? anchor(token.href, token.value, 'nofollow ugc') : escapeMarkup(token.value);
    case 'hashtag':
      return links ? anchor(hashtagUrl?.(token.tag), token.value) : escapeMarkup(token.value);
  }
}

/**
 * A caption as an HTML fragment: `<p>` per paragraph (blank lines), `<br>` per line break, `<a>` for
 * http(s) links (and, with `hashtagUrl`, hashtags); everything else escaped text. Empty text gives "".
 */
export function feedHtml(text: string, options: FeedHtmlOptions = {}): string {
  return splitParagraphs(text)
    .map((paragraph) => `<p>${tokenizeText(paragraph).map((token) => tokenHtml(token, options)).join('')}</p>`)
    .join('');
}

/** A summary as HTML: one escaped paragraph without links (a cut URL would point elsewhere). */
export function summaryHtml(text: string): string {
  return feedHtml(text, { links: false });
}

/** Namespaces of the extra item elements (`content:` is declared by @astrojs/rss itself). */
export const FEED_XMLNS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

export interface FeedImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  /** MIME type, e.g. image/jpeg. */
  type: string;
}

/**
 * An item's extra elements (`customData`): the account as `dc:creator` (RSS 2.0 `<author>` must be an
 * e-mail address) and the lead image as Media RSS. @astrojs/rss inserts this XML as it is, so every
 * value is escaped here.
 */
export function itemCustomData({ creator, image }: { creator?: string | undefined; image?: FeedImage | undefined }): string {
  const parts: string[] = [];
  if (creator) parts.push(`<dc:creator>${escapeMarkup(creator)}</dc:creator>`);
  if (image) {
    const { url, type, width, height } = image;
    parts.push(
      `<media:content url="${escapeMarkup(url)}" medium="image" type="${escapeMarkup(type)}" width="${Math.round(width)}" height="${Math.round(height)}"/>`,
    );
  }
  return parts.join('');
}
