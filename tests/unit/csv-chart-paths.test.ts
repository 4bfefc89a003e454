import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '#site/utils/csv.ts';
import { layoutBarChart, niceCeiling } from '#site/utils/chart.ts';
import { basePath, createPaths } from '#site/utils/paths.ts';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
  it('defuses spreadsheet formulas in text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });
  it('writes header and rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, undefined]])).toBe('a,b\r\n1,x\r\n2,\r\n');
  });
});

describe('bar chart layout', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 45, 101].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 50, 200]);
  });
  it('scales bars to the axis and keeps them inside the plot', () => {
    const chart = layoutBarChart(
      [{ year: 2026, month: 1, count: 4 }, { year: 2026, month: 2, count: 0 }, { year: 2026, month: 3, count: 10 }],
      ({ month }) => String(month),
      { width: 300, height: 200, padding: { top: 10, right: 10, bottom: 30, left: 30 } },
    );
    expect(chart.max).toBe(10);
    expect(chart.bars.map((bar) => Math.round(bar.height))).toEqual([64, 0, 160]);
    for (const bar of chart.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(30);
      expect(bar.x + bar.width).toBeLessThanOrEqual(290);
      expect(bar.y + bar.height).toBeCloseTo(chart.baseline);
    }
    expect(chart.bars.map((bar) => bar.label)).toEqual(['1', '2', '3']);
  });
});

describe('paths', () => {
  const paths = createPaths('https://example.org/warta/');
  it('honours the base path and ends pages with a slash', () => {
    expect(basePath('https://example.org')).toBe('/');
    expect(paths.home()).toBe('/warta/');
    expect(paths.post({ platform: 'youtube', id: 'dQw4w9WgXcQ' })).toBe('/warta/pos/youtube/dQw4w9WgXcQ/');
    expect(paths.archiveMonth(2026, 3)).toBe('/warta/arsip/2026/03/');
    expect(paths.accountFeed('youtube-prokopim')).toBe('/warta/akun/youtube-prokopim/rss.xml');
  });
  it('encodes untrusted segments', () => {
    expect(paths.hashtag('hari/jadi?x')).toBe('/warta/tagar/hari%2Fjadi%3Fx/');
    expect(paths.hashtag('日本')).toBe('/warta/tagar/%E6%97%A5%E6%9C%AC/');
  });
  it('makes absolute URLs on the configured origin', () => {
    expect(paths.absolute(paths.search())).toBe('https://example.org/warta/cari/');
    expect(paths.asset('pagefind/pagefind-component-ui.js')).toBe('/warta/pagefind/pagefind-component-ui.js');
  });
});
