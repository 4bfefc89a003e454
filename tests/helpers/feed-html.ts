/**
 * Item HTML of a feed, looked at the way a feed reader does: parsed as an HTML fragment (cheerio, a
 * spec-compliant parser), then checked against the few elements and attributes the site emits.
 */
import * as cheerio from 'cheerio';

/** The elements feed items may contain, and the attributes each may carry. */
export const FEED_HTML_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  a: ['href', 'rel'],
};

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite']);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Everything in an HTML fragment outside the allow-list, each as a readable problem; [] when safe. */
export function unsafeMarkup(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const problems: string[] = [];
  for (const element of $('*').toArray()) {
    // Only elements have a name and attributes (`*` matches nothing else; this narrows the type).
    if (!('attribs' in element)) continue;
    const name = element.name.toLowerCase();
    const allowed = FEED_HTML_ALLOWED[name];
    if (!allowed) problems.push(`element <${name}> is not allowed`);
    for (const [attribute, value] of Object.entries(element.attribs)) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on')) problems.push(`<${name}> has an event handler ${attribute}="${value}"`);
      else if (URL_ATTRIBUTES.has(lower) && !isHttpUrl(value)) problems.push(`<${name}> ${attribute}="${value}" is not an http(s) URL`);
      else if (allowed && !allowed.includes(lower)) problems.push(`<${name}> attribute ${attribute} is not allowed`);
    }
  }
  return problems;
}

/** The text a reader shows for an HTML fragment (entities decoded, markup gone). */
export function readerText(html: string): string {
  return cheerio.load(html, null, false).root().text();
}

/** The absolute href of every link in an HTML fragment. */
export function linkHrefs(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  return $('a[href]')
    .map((_, element) => $(element).attr('href')!)
    .get();
}

/** Text without any whitespace, to compare a caption with what a reader shows (line breaks become <br>). */
export const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');
