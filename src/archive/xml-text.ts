/**
 * Text the archive can carry into every format it publishes (pages, RSS, sitemap, CSV, JSON).
 *
 * Characters no XML 1.0 document may hold (C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF; a surrogate without its pair): one of them in a caption would make every feed that lists the post
 * unreadable, so the sync removes them where text enters and the post schema refuses them.
 * @see https://www.w3.org/TR/xml/#charsets
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const XML_INVALID_ALL = new RegExp(XML_INVALID.source, 'gu');

/** Text as the archive keeps it: exactly as written, less the characters XML cannot carry. */
export function plainText(text: string): string {
  return text.replace(XML_INVALID_ALL, '');
}

/** Whether the text holds only characters XML can carry (what `plainText` returns). */
export function isXmlText(text: string): boolean {
  return !XML_INVALID.test(text);
}
