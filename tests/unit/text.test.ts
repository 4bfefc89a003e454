import { describe, expect, it } from 'vitest';
import { deriveTitle, extractHashtags, foldedForSearch, normalizeHashtag, safeHttpUrl, splitParagraphs, summarize, tokenizeText } from '#site/utils/text.ts';
import { isXmlText, plainText } from '#archive/xml-text.ts';
import { HASHTAG_PATTERN } from '#archive/post.ts';

describe('extractHashtags', () => {
  it('finds tags in order of first use, lower-cased and without duplicates', () => {
    expect(extractHashtags('Banjir di #BatangToru. #Tapsel #batangtoru #TapselMaju2026')).toEqual(['batangtoru', 'tapsel', 'tapselmaju2026']);
  });
  it('ignores # inside words, URLs fragments and HTML entities', () => {
    expect(extractHashtags('C# dan a#b, lihat https://x.id/a#bagian &#39;')).toEqual([]);
  });
  it('agrees with the links on the page: a URL fragment is not a tag', () => {
    expect(extractHashtags('Lihat https://tapselkab.go.id/#pengumuman dan #Info')).toEqual(['info']);
  });
  it('keeps non-Latin letters', () => {
    expect(extractHashtags('#Merdeka #日本 #Ünal')).toEqual(['merdeka', '日本', 'ünal']);
  });
  it('folds styled letters (NFKC, lower case, NFC): one tag however it was typed', () => {
    // Mathematical bold and sans-serif bold, full-width, superscript modifier letters.
    expect(extractHashtags('Pengumuman #𝐁𝐞𝐫𝐢𝐭𝐚 #𝗕𝗲𝗿𝗶𝘁𝗮 #Ｂｅｒｉｔａ #ᴮᵉʳⁱᵗᵃ #Berita')).toEqual(['berita']);
  });
  it('keeps tags of real captions that lower-casing or their script make unusual', () => {
    // İ lower-cases to i + U+0307; tatweel and the katakana prolonged sound mark are modifier letters.
    expect(extractHashtags('#İstanbul #رمضـان #ラーメン #ʙᴇʀɪᴛᴀ #नमस्ते')).toEqual(['i̇stanbul', 'رمضـان', 'ラーメン', 'ʙᴇʀɪᴛᴀ', 'नमस्ते']);
    for (const tag of extractHashtags('#İstanbul #رمضـان #ラーメン #ʙᴇʀɪᴛᴀ #नमस्ते')) expect(tag).toMatch(HASHTAG_PATTERN);
  });
  it('leaves out a tag that still does not fit after folding, keeping it as text', () => {
    // "½" is a digit to the tag pattern, but folds to 1, U+2044 FRACTION SLASH, 2: a symbol no stored tag has.
    expect(normalizeHashtag('#½Harga')).toBe('1\u20442harga');
    const caption = 'Diskon #½Harga dan #Ⅻ #Info';
    expect(extractHashtags(caption)).toEqual(['xii', 'info']);
    expect(tokenizeText(caption)).toEqual([
      { type: 'text', value: 'Diskon #½Harga dan ' },
      { type: 'hashtag', value: '#Ⅻ', tag: 'xii' },
      { type: 'text', value: ' ' },
      { type: 'hashtag', value: '#Info', tag: 'info' },
    ]);
    // A tag folded into more than 100 characters (U+FDFA folds to 18) is text, not a link that leads nowhere.
    const long = `#${'ﷺ'.repeat(6)}`;
    expect(extractHashtags(`${long} #ok`)).toEqual(['ok']);
    expect(tokenizeText(long)).toEqual([{ type: 'text', value: long }]);
  });
});

describe('plainText', () => {
  it('removes the characters XML cannot carry and keeps everything else as written', () => {
    const written = 'Jadwal\u000B vaksin\u0000\u001F 𝐁𝐞𝐫𝐢𝐭𝐚 👨‍👩‍👧 \u202Eعربى\u202C\tok\r\n\uFFFE\uFFFF';
    expect(plainText(written)).toBe('Jadwal vaksin 𝐁𝐞𝐫𝐢𝐭𝐚 👨‍👩‍👧 \u202Eعربى\u202C\tok\r\n');
    expect(isXmlText(written)).toBe(false);
    expect(isXmlText(plainText(written))).toBe(true);
  });
  it('removes a lone surrogate but never half of a pair', () => {
    expect(plainText('a\uD800b\uDC00c😀')).toBe('abc😀');
    expect(plainText('😀'.slice(0, 1))).toBe('');
  });
});

describe('foldedForSearch', () => {
  it('gives the plain spelling of styled letters, and nothing for ordinary text', () => {
    expect(foldedForSearch('𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡 𝗣𝗘𝗡𝗧𝗜𝗡𝗚 untuk warga')).toBe('PENGUMUMAN PENTING untuk warga');
    expect(foldedForSearch('Pengumuman penting untuk warga')).toBeUndefined();
    // Composed or decomposed, an accented letter is ordinary text.
    expect(foldedForSearch('Cafe\u0301')).toBeUndefined();
  });
});

describe('safeHttpUrl', () => {
  it('accepts only http and https', () => {
    expect(safeHttpUrl('https://tapselkab.go.id/a?b=1')).toBe('https://tapselkab.go.id/a?b=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});

describe('tokenizeText', () => {
  it('splits links, hashtags, mentions and line breaks and keeps every character', () => {
    const text = 'Info: https://tapselkab.go.id/info. Hubungi @kominfo_tapsel #Tapsel\nBaris dua';
    const tokens = tokenizeText(text);
    expect(tokens.map((token) => token.type)).toEqual(['text', 'link', 'text', 'mention', 'text', 'hashtag', 'newline', 'text']);
    expect(tokens[1]).toMatchObject({ href: 'https://tapselkab.go.id/info', value: 'https://tapselkab.go.id/info' });
    const rebuilt = tokens.map((token) => (token.type === 'newline' ? '\n' : token.value)).join('');
    expect(rebuilt).toBe(text);
  });
  it('never makes a link from javascript: or HTML', () => {
    const tokens = tokenizeText('<a href="javascript:alert(1)">klik</a> <script>alert(1)</script>');
    expect(tokens.every((token) => token.type === 'text')).toBe(true);
  });
  it('does not turn the fragment of a URL into a hashtag', () => {
    const tokens = tokenizeText('https://x.id/halaman#bagian');
    expect(tokens).toEqual([{ type: 'link', value: 'https://x.id/halaman#bagian', href: 'https://x.id/halaman#bagian' }]);
  });
});

describe('splitParagraphs', () => {
  it('splits at blank lines and drops empty paragraphs', () => {
    expect(splitParagraphs('Satu\nsatu b\n\n\n  \nDua\r\n\r\nTiga')).toEqual(['Satu\nsatu b', 'Dua', 'Tiga']);
  });
});

describe('deriveTitle', () => {
  it('takes the first line with words, without trailing hashtags', () => {
    expect(deriveTitle('\n📢 Jadwal vaksinasi pekan ini #Vaksinasi #Tapsel\nDetail di bawah')).toBe('📢 Jadwal vaksinasi pekan ini');
  });
  it('is empty for an empty or hashtag-only caption', () => {
    expect(deriveTitle('')).toBe('');
    expect(deriveTitle('#Tapsel #Sipirok')).toBe('');
  });
  it('cuts long lines at a word boundary with an ellipsis and never splits an emoji', () => {
    const title = deriveTitle(`${'Pengumuman penting untuk warga '.repeat(6)}🙏🙏`, 60);
    expect([...title].length).toBeLessThanOrEqual(60);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
    const emoji = deriveTitle('🙏'.repeat(80), 10);
    expect([...emoji]).toHaveLength(10);
    expect(emoji.startsWith('🙏'.repeat(9))).toBe(true);
  });
});

describe('summarize', () => {
  it('flattens whitespace and shortens at a word', () => {
    expect(summarize('Satu  dua\n\ntiga', 50)).toBe('Satu dua tiga');
    expect(summarize('kata '.repeat(30), 20)).toMatch(/^(kata ){3}kata…$/);
  });
});
