import { describe, expect, it } from 'vitest';
import { deriveTitle, extractHashtags, safeHttpUrl, splitParagraphs, summarize, tokenizeText } from '#site/utils/text.ts';

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
