/**
 * Reading the built site: HTML (with cheerio, a spec-compliant parser), XML feeds and sitemaps
 * (fast-xml-parser, validated first), CSV (csv-parse), and what each page references.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { BASE_PATH, DIST_DIR, distFileForPath, siteConfig } from './repo.ts';

export type Html = cheerio.CheerioAPI;

export function loadHtml(file: string): Html {
  return cheerio.load(readFileSync(file, 'utf8'));
}

/** Parses XML after validating it; throws with the parser's message (line and column) if it is not well-formed. */
export function parseXml(text: string, arrays: string[] = []): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Error(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  time: number;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object' && '#text' in (value as Record<string, unknown>)) return String((value as Record<string, unknown>)['#text']);
  return String(value);
}

/** The channel and items of an RSS 2.0 document. */
export function parseRss(text: string): { channel: Record<string, unknown>; items: RssItem[] } {
  const doc = parseXml(text, ['item']);
  const rss = doc.rss as Record<string, unknown> | undefined;
  if (!rss || typeof rss.channel !== 'object' || rss.channel === null) throw new Error('Not an RSS document: no rss > channel.');
  const channel = rss.channel as Record<string, unknown>;
  const items = ((channel.item as Record<string, unknown>[] | undefined) ?? []).map((item) => {
    const pubDate = textOf(item.pubDate);
    return { title: textOf(item.title), link: textOf(item.link), guid: textOf(item.guid), pubDate, time: Date.parse(pubDate) };
  });
  return { channel, items };
}

/** The <loc> values of a sitemap index or url set. */
export function sitemapLocs(text: string): { kind: 'index' | 'urlset'; locs: string[] } {
  const doc = parseXml(text, ['sitemap', 'url']);
  if (doc.sitemapindex) {
    const entries = ((doc.sitemapindex as Record<string, unknown>).sitemap as Record<string, unknown>[] | undefined) ?? [];
    return { kind: 'index', locs: entries.map((entry) => textOf(entry.loc)) };
  }
  if (doc.urlset) {
    const entries = ((doc.urlset as Record<string, unknown>).url as Record<string, unknown>[] | undefined) ?? [];
    return { kind: 'urlset', locs: entries.map((entry) => textOf(entry.loc)) };
  }
  throw new Error('Neither a <sitemapindex> nor a <urlset>.');
}

/** RFC 4180 CSV with a header row, as records keyed by column name. */
export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parseCsvSync(text.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: false }) as string[][];
  // csv-parse yields a trailing empty record only for a trailing blank line; a single final newline is fine.
  const [header, ...rows] = records.filter((record, index) => !(index === records.length - 1 && record.length === 1 && record[0] === ''));
  if (!header) throw new Error('The CSV is empty.');
  return {
    header,
    rows: rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']))),
  };
}

export const SITE_ORIGIN = new URL(siteConfig.baseUrl).origin;
export const PAGEFIND_PATH = `${BASE_PATH}pagefind/`;

/** The yearly search bundles in dist/pagefind/, by folder name. */
export function searchBundleFolders(): string[] {
  return readdirSync(path.join(DIST_DIR, 'pagefind'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export interface SearchFragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The page records of one search bundle as Pagefind wrote them: "pagefind_dcd" and JSON, gzip-compressed. */
export function searchFragments(bundle: string): SearchFragment[] {
  const folder = path.join(DIST_DIR, 'pagefind', bundle, 'fragment');
  return readdirSync(folder).map(
    (file) => JSON.parse(gunzipSync(readFileSync(path.join(folder, file))).subarray('pagefind_dcd'.length).toString('utf8')) as SearchFragment,
  );
}

export interface PageAssets {
  /** dist files of same-site stylesheets (link rel=stylesheet). */
  css: string[];
  /** dist files of same-site scripts (script src, link rel=modulepreload), outside /pagefind/. */
  js: string[];
  /** Same-site assets under /pagefind/ (not counted in the budget). */
  pagefind: string[];
  /** The text of inline scripts that run (not JSON data blocks). */
  inlineJs: string[];
  /** Stylesheets and scripts from any other origin (there should be none). */
  external: string[];
  /** Same-site references that have no file in dist/. */
  missing: string[];
}

const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'speculationrules']);

function isDataScript(type: string | undefined): boolean {
  return type !== undefined && DATA_SCRIPT_TYPES.has(type.trim().toLowerCase());
}

/** The stylesheets and scripts a page at `pagePath` (a site URL path) references. */
export function pageAssets($: Html, pagePath: string): PageAssets {
  const assets: PageAssets = { css: [], js: [], pagefind: [], inlineJs: [], external: [], missing: [] };
  const pageUrl = new URL(pagePath, SITE_ORIGIN);
  const classify = (reference: string, kind: 'css' | 'js') => {
    const url = new URL(reference, pageUrl);
    if (url.origin !== SITE_ORIGIN || !url.pathname.startsWith(BASE_PATH)) {
      assets.external.push(url.href);
      return;
    }
    if (url.pathname.startsWith(PAGEFIND_PATH)) {
      assets.pagefind.push(url.pathname);
      return;
    }
    const file = distFileForPath(url.pathname);
    if (!existsSync(file)) assets.missing.push(url.pathname);
    else if (!assets[kind].includes(file)) assets[kind].push(file);
  };
  $('link[href]').each((_, element) => {
    const rel = ($(element).attr('rel') ?? '').toLowerCase().split(/\s+/);
    const href = $(element).attr('href')!;
    if (rel.includes('stylesheet')) classify(href, 'css');
    else if (rel.includes('modulepreload')) classify(href, 'js');
  });
  $('script').each((_, element) => {
    const script = $(element);
    if (isDataScript(script.attr('type'))) return;
    const src = script.attr('src');
    if (src !== undefined) classify(src, 'js');
    else assets.inlineJs.push(script.text());
  });
  return assets;
}

export const gzipSize = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;
export const byteLength = (content: string) => Buffer.byteLength(content, 'utf8');
