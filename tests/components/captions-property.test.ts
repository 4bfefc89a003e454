/**
 * Property-based: whatever a caption or title holds — styled letters, combining marks, emoji sequences,
 * bidi controls, control characters, lone surrogates, markup, up to Instagram's 2,200 characters — it goes
 * through the sync's normalisation, the merge of an edit and the post schema into the archive, and out again
 * as a feed (well-formed XML), a CSV row (the same text back) and page text (no live markup).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { storedPostSchema, type Post } from '#archive/post.ts';
import { plainText } from '#archive/xml-text.ts';
import PostText from '#site/components/PostText.astro';
import { postFeed } from '#site/lib/feeds.ts';
import { CSV_COLUMNS, csvRow } from '#site/lib/open-data.ts';
import { toCsv } from '#site/utils/csv.ts';
import { normaliseMedia } from '#sync/instagram.ts';
import { mergeUpstream } from '#sync/merge.ts';
import { normaliseVideo } from '#sync/youtube.ts';
import type { UpstreamPost } from '#sync/upstream.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const ACCOUNT = { id: '17841400000000001', handle: 'prokopim.tapsel', name: 'Prokopim Tapanuli Selatan' };
const CHANNEL = { id: 'UCq3Tapsel0Prokopim00000', handle: 'prokopimtapsel', name: 'Prokopim Tapanuli Selatan' };
const FIRST_SEEN = '2026-11-24T10:20:00Z';
const EDITED_AT = '2026-11-25T10:20:00Z';

// ── What real captions hold ───────────────────────────────────────────────────────────────────────────

const char = (from: number, to: number) => fc.integer({ min: from, max: to }).map((code) => String.fromCodePoint(code));
/** Latin letters in one of Unicode's styled alphabets (bold, italic, sans-serif bold, script, monospace…). */
const styledLetter = fc
  .tuple(fc.constantFrom(0x1d400, 0x1d434, 0x1d5d4, 0x1d608, 0x1d670, 0x1d4d0), fc.integer({ min: 0, max: 51 }))
  .map(([alphabet, offset]) => String.fromCodePoint(alphabet + offset));
const piece = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 4 },
  { arbitrary: fc.stringMatching(/^[A-Za-z ]{1,12}$/), weight: 3 },
  { arbitrary: fc.array(styledLetter, { minLength: 1, maxLength: 12 }).map((letters) => letters.join('')), weight: 3 },
  { arbitrary: char(0x0300, 0x036f), weight: 1 }, // combining marks
  { arbitrary: fc.constantFrom('👨‍👩‍👧', '🏳️‍🌈', '👍🏽', '🇮🇩', '❤️', '1️⃣', '🧑🏿‍🤝‍🧑🏻'), weight: 2 }, // emoji sequences
  { arbitrary: fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u200B', '\u200D', '\uFEFF'), weight: 2 },
  { arbitrary: fc.oneof(char(0x00, 0x1f), char(0x7f, 0x9f), fc.constantFrom('\uFFFE', '\uFFFF')), weight: 2 }, // controls
  { arbitrary: char(0xd800, 0xdfff), weight: 1 }, // a lone surrogate
  {
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      ']]>',
      '<![CDATA[x]]>',
      '&amp;',
      '&#0;',
      '"',
      "'",
      'javascript:alert(1)',
      'https://tapselkab.go.id/a?b=<c>&d="e"',
      'http://x.id/#frag',
      '#Berita',
      '#𝐁𝐞𝐫𝐢𝐭𝐚',
      '#İstanbul',
      '#رمضـان',
      '#ラーメン',
      '#½x',
      '@prokopim.tapsel',
      '=HYPERLINK("http://x")',
      '\n',
      '\r\n',
      '\n\n',
      ' ',
    ),
    weight: 4,
  },
);
/** A caption as long as Instagram allows; cutting it may split a surrogate pair, as truncating code does. */
const caption = fc.array(piece, { maxLength: 300 }).map((pieces) => pieces.join('').slice(0, 2_200));
/** A YouTube title: up to 100 characters with at least one letter (YouTube refuses a blank one). */
const title = fc.tuple(fc.stringMatching(/^[A-Za-z]$/), fc.array(piece, { maxLength: 20 })).map(([letter, pieces]) => (letter + pieces.join('')).slice(0, 100));

// ── The pipeline ──────────────────────────────────────────────────────────────────────────────────────

function instagramRaw(text: string) {
  return {
    id: '17912345678901234',
    caption: text,
    media_type: 'IMAGE',
    media_product_type: 'FEED',
    media_url: 'https://scontent.cdninstagram.com/v/t51.2885-15/1_n.jpg',
    permalink: 'https://www.instagram.com/p/DWv3stnSxBF/',
    timestamp: '2026-11-24T10:15:00+0000',
    username: 'prokopim.tapsel',
  };
}

function youtubeRaw(videoTitle: string, description: string) {
  return {
    id: 'NAAhhQ2j0Wi',
    snippet: {
      publishedAt: '2026-11-24T10:15:00Z',
      channelId: CHANNEL.id,
      title: videoTitle,
      description,
      channelTitle: 'Prokopim Tapanuli Selatan',
      liveBroadcastContent: 'none',
      thumbnails: { high: { url: 'https://i.ytimg.com/vi/NAAhhQ2j0Wi/hqdefault.jpg', width: 480, height: 360 } },
    },
    contentDetails: { duration: 'PT8M32S' },
    status: { privacyStatus: 'public' },
  };
}

/** What the sync archives: the first version, then an edit, through the schema the files must satisfy. */
function archive(first: UpstreamPost, edited: UpstreamPost): Post {
  const media: Post['media'] = [{ status: 'pending', role: first.media[0]!.role, reason: 'not fetched yet', attempts: 1, lastAttemptAt: FIRST_SEEN }];
  const created = mergeUpstream(undefined, first, media, FIRST_SEEN).post;
  const { post } = mergeUpstream(created, edited, media, EDITED_AT);
  const checked = storedPostSchema.safeParse(post);
  expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues)).toBe(true);
  return post;
}

const LIVE_ELEMENTS = 'script, style, iframe, object, embed, img, svg, math, form, input, link, meta, base, template';

/** An HTML fragment (page or feed) holds only the elements text becomes, and links only to http(s) or the site. */
function expectNoLiveMarkup(html: string, allowed: readonly string[]) {
  const $ = cheerio.load(html, null, false);
  expect($(LIVE_ELEMENTS).length).toBe(0);
  for (const element of $('*').toArray()) {
    if (element.type !== 'tag') continue;
    expect(allowed).toContain(element.tagName);
    for (const name of Object.keys(element.attribs)) expect(name).not.toMatch(/^on/i);
    const href = element.attribs.href;
    if (href !== undefined) expect(href).toMatch(/^(https?:\/\/|\/)/);
  }
}

async function expectPublishable(post: Post) {
  // The feed: well-formed XML that a strict parser reads, whose item HTML holds no live markup.
  const xml = await (await postFeed({ title: 'Warta', description: 'Uji', posts: [post] })).text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const item = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml).rss.channel.item;
  for (const html of [item.description, item['content:encoded']]) if (typeof html === 'string') expectNoLiveMarkup(html, ['p', 'br', 'a']);

  // The CSV: a spreadsheet reads the same text back (a formula-like start defused by one apostrophe).
  const [, row] = parseCsv(toCsv(CSV_COLUMNS, [csvRow(post)]), { relaxQuotes: false }) as string[][];
  const text = row![CSV_COLUMNS.indexOf('text')]!;
  expect(text.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(post.text);

  // The page: escaped text in paragraphs, links and mentions, nothing else.
  const page = await container.renderToString(PostText, { props: { text: post.text, platform: post.platform } });
  expectNoLiveMarkup(page, ['div', 'p', 'br', 'a', 'span']);
}

describe('arbitrary captions and titles reach every published format intact', () => {
  it('Instagram captions: archived, valid, well-formed XML, no live markup', async () => {
    await fc.assert(
      fc.asyncProperty(caption, caption, async (first, second) => {
        const post = archive(normaliseMedia(instagramRaw(first), ACCOUNT), normaliseMedia(instagramRaw(second), ACCOUNT));
        await expectPublishable(post);
      }),
      { numRuns: 200 },
    );
  });

  it('YouTube titles and descriptions: archived, valid, well-formed XML, no live markup', async () => {
    await fc.assert(
      fc.asyncProperty(title, caption, title, async (firstTitle, description, secondTitle) => {
        const post = archive(normaliseVideo(youtubeRaw(firstTitle, description), CHANNEL), normaliseVideo(youtubeRaw(secondTitle, description), CHANNEL));
        expect(post.provenance.versions.length).toBe(plainText(firstTitle) === plainText(secondTitle) ? 0 : 1);
        await expectPublishable(post);
      }),
      { numRuns: 100 },
    );
  });
});
