import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { escapeMarkup, FEED_XMLNS, feedHtml, itemCustomData, summaryHtml } from '#site/utils/feed-html.ts';
import { parseXml } from '../helpers/dist.ts';
import { linkHrefs, readerText, unsafeMarkup, withoutWhitespace } from '../helpers/feed-html.ts';

const HOSTILE = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><iframe src="javascript:alert(1)"></iframe>',
  '</p><script>alert(1)</script><p>',
  '<a href="javascript:alert(1)">klik</a>',
  'klik javascript:alert(1) atau JaVaScRiPt:alert(1) atau data:text/html,<b>x</b>',
  'https://x.id/"onmouseover="alert(1)',
  "https://x.id/'onclick='alert(1)",
  'https://x.id/?q=<img src=x onerror=alert(1)>',
  'https://x.id/a?b=1&c=2&amp;d=3 dan &lt;script&gt; yang sudah di-escape',
  '<![CDATA[<script>alert(1)</script>]]> <!-- komentar --> <style>*{}</style>',
  '#<b>tag</b> @<i>nama</i> #Tapsel@x',
];

describe('escapeMarkup', () => {
  it('escapes the characters that start markup, entities and attribute ends', () => {
    expect(escapeMarkup(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`);
  });
  it('escapes an existing entity again, so it reads as written', () => {
    expect(escapeMarkup('&lt;&#39;')).toBe('&amp;lt;&amp;#39;');
  });
});

describe('feedHtml', () => {
  it('makes paragraphs at blank lines and <br> at line breaks', () => {
    expect(feedHtml('Satu\nDua\n\n\nTiga')).toBe('<p>Satu<br>Dua</p><p>Tiga</p>');
  });
  it('links http(s) URLs with rel="nofollow ugc", escaping & in href and text', () => {
    expect(feedHtml('Lihat https://x.id/a?b=1&c=2.')).toBe(
      '<p>Lihat <a href="https://x.id/a?b=1&amp;c=2" rel="nofollow ugc">https://x.id/a?b=1&amp;c=2</a>.</p>',
    );
  });
  it('ends a URL at a quote, so the quote cannot end the attribute', () => {
    const html = feedHtml('https://x.id/"onmouseover="alert(1)');
    expect(html).toBe('<p><a href="https://x.id/" rel="nofollow ugc">https://x.id/</a>&quot;onmouseover=&quot;alert(1)</p>');
  });
  it('leaves javascript: and data: as text', () => {
    expect(linkHrefs(feedHtml('javascript:alert(1) data:text/html,x'))).toEqual([]);
  });
  it('leaves hashtags and mentions as text unless given a hashtag URL', () => {
    expect(feedHtml('#Tapsel @kominfo_tapsel')).toBe('<p>#Tapsel @kominfo_tapsel</p>');
    const html = feedHtml('#Tapsel @kominfo_tapsel', { hashtagUrl: (tag) => `https://e.id/tagar/${tag}/?a=1&b=2` });
    expect(html).toBe('<p><a href="https://e.id/tagar/tapsel/?a=1&amp;b=2">#Tapsel</a> @kominfo_tapsel</p>');
  });
  it('never emits a hashtag href that is not absolute http(s), whatever the caller returns', () => {
    for (const href of ['javascript:alert(1)', '/tagar/x/', 'data:text/html,x', undefined]) {
      expect(feedHtml('#Tapsel', { hashtagUrl: () => href })).toBe('<p>#Tapsel</p>');
    }
  });
  it('makes no links at all for a summary', () => {
    const html = summaryHtml('Info https://x.id/a #Tapsel');
    expect(html).toBe('<p>Info https://x.id/a #Tapsel</p>');
  });
  it('gives "" for text without words', () => {
    expect(feedHtml('')).toBe('');
    expect(feedHtml(' \n\n \n')).toBe('');
  });

  it.each(HOSTILE.map((input) => [input] as const))('%s: only allow-listed markup, every character as text', (input) => {
    for (const html of [feedHtml(input), feedHtml(input, { hashtagUrl: (tag) => `https://e.id/tagar/${tag}/` }), summaryHtml(input)]) {
      expect(unsafeMarkup(html)).toEqual([]);
      expect(withoutWhitespace(readerText(html))).toBe(withoutWhitespace(input));
    }
  });

  it('holds for random mixes of markup-like pieces', () => {
    const pieces = ['<', '>', '&', '"', "'", '=', '/', ' ', '\n', '\n\n', 'script', 'img src=x', ' onerror=', 'a href=', 'javascript:', 'https://x.id/', '#tag', '@nama', '&amp;', '&#60;', '<!--', ']]>', 'p', 'br'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const input = Array.from({ length: 1 + Math.floor(next() * 20) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const html = feedHtml(input, { hashtagUrl: (tag) => `https://e.id/tagar/${tag}/` });
      expect(unsafeMarkup(html), input).toEqual([]);
      expect(withoutWhitespace(readerText(html)), input).toBe(withoutWhitespace(input));
    }
  });
});

describe('itemCustomData', () => {
  const image = { url: 'https://e.id/_astro/a.jpg?x=1&y="2"', width: 640, height: 480, type: 'image/jpeg' };

  it('escapes the account name and the image URL', () => {
    expect(itemCustomData({ creator: 'Dinas <Kominfo> & "Humas"', image })).toBe(
      '<dc:creator>Dinas &lt;Kominfo&gt; &amp; &quot;Humas&quot;</dc:creator>' +
        '<media:content url="https://e.id/_astro/a.jpg?x=1&amp;y=&quot;2&quot;" medium="image" type="image/jpeg" width="640" height="480"/>',
    );
  });
  it('leaves out what is missing', () => {
    expect(itemCustomData({})).toBe('');
    expect(itemCustomData({ creator: 'Prokopim' })).toBe('<dc:creator>Prokopim</dc:creator>');
  });

  it('survives @astrojs/rss: a reader gets the name back as written and the caption as text', async () => {
    const creator = `Dinas <script>alert(1)</script> & "Humas" </dc:creator><author>x@y.z</author>`;
    const caption = '<script>alert("xss")</script>\n<img src=x onerror=alert(1)> https://x.id/a?b=1&c=2';
    const xml = await getRssString({
      title: 'Uji',
      description: 'Uji',
      site: 'https://e.id/',
      xmlns: FEED_XMLNS,
      items: [
        { title: 'Uji', link: 'https://e.id/pos/1/', description: summaryHtml(caption), content: feedHtml(caption), customData: itemCustomData({ creator, image }) },
      ],
    });
    const channel = (parseXml(xml, ['item']).rss as Record<string, Record<string, Record<string, unknown>[]>>).channel!;
    const item = channel.item![0]!;
    expect(item['dc:creator']).toBe(creator);
    expect(item.author).toBeUndefined();
    expect((item['media:content'] as Record<string, string>)['@_url']).toBe(image.url);
    for (const field of ['description', 'content:encoded']) {
      const html = String(item[field]);
      expect(unsafeMarkup(html), field).toEqual([]);
      expect(readerText(html), field).toContain('<script>alert("xss")</script>');
    }
    expect(linkHrefs(String(item['content:encoded']))).toEqual(['https://x.id/a?b=1&c=2']);
  });
});
