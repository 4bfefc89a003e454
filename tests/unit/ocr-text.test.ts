/** OCR's pure parts: cleaning a line, dropping noise, merging two passes, recall, and what a run must read. */
import { describe, expect, it } from 'vitest';
import { IMAGE_TEXT_MAX_LENGTH, type ImageText, type MirroredMedia, type Post } from '#archive/post.ts';
import { needsReading, planReading } from '#scripts/ocr/backlog.ts';
import { cleanLine, isLegible, mergeReadings, readingOf, wordRecall, type ReadLine } from '#scripts/ocr/text.ts';
import { readingWidth } from '#scripts/ocr/prepare.ts';
import { makePost } from '#tests/fixtures/posts.ts';

const line = (text: string, confidence: number, y0: number, x0 = 40, height = 40, width = 600): ReadLine => ({
  text,
  confidence,
  box: { x0, y0, x1: x0 + width, y1: y0 + height },
});

describe('cleanLine', () => {
  it('folds compatibility forms, collapses spaces and trims border marks from both ends', () => {
    expect(cleanLine('| Pendaftaran  dibuka\t5 Januari —')).toBe('Pendaftaran dibuka 5 Januari');
    expect(cleanLine('ﬁnal ＫＴＰ')).toBe('final KTP');
    expect(cleanLine('  "Sabtu, 12 Desember 2026".  ')).toBe('Sabtu, 12 Desember 2026".');
  });

  it('keeps what belongs to the text: a closing bracket, a full stop, a phone number', () => {
    expect(cleanLine('Informasi: 0812-6543-2100')).toBe('Informasi: 0812-6543-2100');
    expect(cleanLine('(BPBD).')).toBe('BPBD).');
  });
});

describe('isLegible', () => {
  it('keeps confident lines with a real word', () => {
    expect(isLegible('Posyandu Desa Sitinjak', 91)).toBe(true);
    expect(isLegible('07.30 WIB', 88)).toBe(true);
  });

  it('drops unsure lines, lines without a word, and rows of marks', () => {
    expect(isLegible('Posyandu Desa Sitinjak', 40)).toBe(false);
    expect(isLegible('a i o', 95)).toBe(false);
    expect(isLegible('ab —— == || ~~ ++ ab', 95)).toBe(false);
  });
});

describe('mergeReadings', () => {
  it('keeps the more confident reading of the same place, adds what only one pass read, in reading order', () => {
    const plain = [line('PENGUMUMAN', 92, 100), line('Penerimaan Honorcr Daerah', 61, 200)];
    const uniform = [line('Penerimaan Honorer Daerah', 93, 202), line('Berkas: ijazah, KTP', 90, 400), line('|||', 95, 500)];
    const merged = mergeReadings([plain, uniform]);
    expect(merged.map((kept) => kept.text)).toEqual(['PENGUMUMAN', 'Penerimaan Honorer Daerah', 'Berkas: ijazah, KTP']);
  });

  it('orders lines on one row left to right', () => {
    const merged = mergeReadings([[line('kanan', 90, 100, 600, 40, 200), line('kiri', 90, 104, 40, 40, 200)]]);
    expect(merged.map((kept) => kept.text)).toEqual(['kiri', 'kanan']);
  });
});

describe('readingOf', () => {
  it('joins lines and weighs confidence by length; nothing read is empty text at confidence 0', () => {
    expect(readingOf([line('aaaa', 90, 0), line('bb', 60, 50)])).toEqual({ text: 'aaaa\nbb', confidence: 80 });
    expect(readingOf([])).toEqual({ text: '', confidence: 0 });
  });

  it('keeps whole lines up to what the archive holds for one image', () => {
    const many = Array.from({ length: 400 }, (_, index) => line(`${'Baris'.repeat(8)} ${String(index).padStart(3, '0')}`, 90, index * 50));
    const { text } = readingOf(many);
    expect(text.length).toBeLessThanOrEqual(IMAGE_TEXT_MAX_LENGTH);
    expect(text.length).toBeGreaterThan(IMAGE_TEXT_MAX_LENGTH - 50);
    expect(text.split('\n').every((kept) => /^(Baris){8} \d{3}$/.test(kept))).toBe(true);
  });
});

describe('wordRecall', () => {
  it('counts each printed word once, case-insensitively, and ignores one-letter words', () => {
    expect(wordRecall('Batas akhir 15 Februari', 'batas AKHIR 15 februari')).toBe(1);
    expect(wordRecall('dan dan Sipirok', 'dan Sipirok')).toBeCloseTo(2 / 3);
    expect(wordRecall('di Sipirok', 'Sipirok')).toBe(0.5);
  });
});

describe('readingWidth', () => {
  it('enlarges small pictures and shrinks huge ones', () => {
    expect(readingWidth(640)).toBe(1000);
    expect(readingWidth(1080)).toBe(1080);
    expect(readingWidth(4000)).toBe(1600);
  });
});

describe('what a run reads', () => {
  const ENGINE = 'tesseract.js 7.0.0, ind 4.0.0_best_int (@tesseract.js-data/ind 1.0.0)';
  const sha = (digit: string) => digit.repeat(64);
  const reading = (imageSha256: string, engine = ENGINE): ImageText => ({ text: 'Pasar Murah', confidence: 90, engine, readAt: '2026-11-12T04:28:56Z', imageSha256 });
  const image = (file: string, sha256: string, ocr?: ImageText): MirroredMedia => ({
    status: 'mirrored',
    role: 'image',
    file,
    width: 1080,
    height: 1350,
    sha256,
    mirroredAt: '2026-11-12T04:28:56Z',
    ...(ocr ? { ocr } : {}),
  });
  const post = (id: string, publishedAt: string, media: Post['media']): Post => makePost({ id, kind: media.length > 1 ? 'carousel' : 'image', publishedAt, media });

  it('reads an image never read, and one whose bytes changed; not one read from these bytes', () => {
    expect(needsReading(image('1.jpg', sha('a')), ENGINE, false)).toBe(true);
    expect(needsReading(image('1.jpg', sha('b'), reading(sha('a'))), ENGINE, false)).toBe(true);
    expect(needsReading(image('1.jpg', sha('a'), reading(sha('a'))), ENGINE, false)).toBe(false);
  });

  it('reads an older engine\'s reading again only when asked to', () => {
    const old = image('1.jpg', sha('a'), reading(sha('a'), 'tesseract.js 6.0.0, ind 4.0.0_best_int'));
    expect(needsReading(old, ENGINE, false)).toBe(false);
    expect(needsReading(old, ENGINE, true)).toBe(true);
  });

  it('plans the newest post first, skips pending media, and offers readings of the same bytes for reuse', () => {
    const older = post('18000000000000001', '2026-01-01T00:00:00Z', [image('1.jpg', sha('a'), reading(sha('a'))), image('2.jpg', sha('c'))]);
    const newer = post('18000000000000002', '2026-02-01T00:00:00Z', [
      image('1.jpg', sha('a')),
      { status: 'pending', role: 'image', reason: 'download failed', attempts: 1, lastAttemptAt: '2026-02-01T00:00:00Z' },
    ]);
    const plan = planReading([older, newer], { engine: ENGINE });
    expect(plan.due.map((due) => `${due.post}/${due.file}`)).toEqual(['instagram/18000000000000002/1.jpg', 'instagram/18000000000000001/2.jpg']);
    expect(plan.known.get(sha('a'))?.text).toBe('Pasar Murah');
  });
});
