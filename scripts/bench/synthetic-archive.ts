/**
 * A synthetic archive of N posts for the benchmark, shaped like a regency's years of posts: 44% YouTube
 * (videos, a few Shorts and broadcasts), 56% Instagram (photos, carousels of 2 to 10, reels), Indonesian
 * captions with hashtags, some edited, some removed upstream, a few withdrawn by staff, a few images still
 * pending, and photo-like JPEGs of real size (about 1.4 images per post). Deterministic: the same N gives
 * the same files. Written with the archive's own writer, into a folder of the caller's, never content/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { writeArchiveState, writePost } from '#archive/archive-fs.ts';
import { postFolder, withdrawalFile } from '#archive/layout.ts';
import type { ImageText, Post, PostMedia } from '#archive/post.ts';
import { OCR_ENGINE } from '#scripts/ocr/engine.ts';
import { deriveTitle, extractHashtags } from '#site/utils/text.ts';
import { seededRandom } from '#scripts/sample/artwork.ts';
import type { PhotoSpec } from './photo.ts';

export const YOUTUBE_ACCOUNT = { id: 'UCq3Tapsel0Prokopim00000', handle: 'prokopimtapsel', name: 'Prokopim Tapanuli Selatan' };
export const INSTAGRAM_ACCOUNT = { id: '17841400000000001', handle: 'prokopim.tapsel', name: 'Prokopim Tapsel' };
/** The newest post's time; older posts go back about six years. */
const NEWEST = Date.parse('2026-11-30T09:00:00Z');
const SPAN_MS = 6 * 365 * 86_400_000;

const PLACES = ['Sipirok', 'Batang Toru', 'Angkola Barat', 'Angkola Timur', 'Marancar', 'Saipar Dolok Hole', 'Arse', 'Sayur Matinggi', 'Tano Tombangan', 'Muara Batang Toru', 'Aek Bilah', 'Angkola Sangkunur', 'Batang Angkola', 'Angkola Muaratais'];
const SUBJECTS = ['vaksinasi campak', 'pendaftaran CPNS', 'rapat koordinasi', 'penyaluran bantuan sosial', 'pembangunan jembatan', 'perbaikan jalan', 'posyandu balita', 'pasar murah', 'lomba desa', 'pelatihan UMKM', 'penanggulangan banjir', 'pengobatan gratis', 'seleksi PPPK', 'musrenbang kecamatan', 'gotong royong', 'penanaman pohon', 'pembagian bibit', 'sosialisasi stunting', 'upacara HUT RI', 'safari Ramadan'];
const VERBS = ['menghadiri', 'meninjau', 'membuka', 'memimpin', 'meresmikan', 'mengikuti', 'menyerahkan', 'melepas'];
const PEOPLE = ['Bupati Tapanuli Selatan', 'Wakil Bupati', 'Sekretaris Daerah', 'Kepala Dinas Kesehatan', 'Camat', 'Ketua TP PKK'];
const CLOSINGS = ['Informasi lengkap hubungi kantor kecamatan setempat.', 'Simak informasi berikut.', 'Mari sukseskan bersama!', 'Terima kasih atas partisipasi masyarakat.', 'Jadwal dapat berubah sewaktu-waktu.'];
const TAGS = ['Tapsel', 'TapselMaju', 'InfoTapsel', 'PemkabTapsel', 'TapanuliSelatan', 'Prokopim', 'SumateraUtara', 'Sipirok', 'BatangToru', 'Vaksinasi', 'Bansos', 'UMKM', 'Stunting'];

export interface SyntheticArchiveSummary {
  posts: number;
  youtube: number;
  instagram: number;
  images: number;
  imageBytes: number;
  withdrawals: number;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function caption(random: Random, long: boolean): string {
  const place = pick(random, PLACES);
  const subject = pick(random, SUBJECTS);
  const lines = [`${pick(random, PEOPLE)} ${pick(random, VERBS)} kegiatan ${subject} di Kecamatan ${place}.`];
  const paragraphs = long ? 2 + Math.floor(random() * 4) : Math.floor(random() * 3);
  for (let i = 0; i < paragraphs; i++) {
    lines.push('', `Kegiatan ${pick(random, SUBJECTS)} berlangsung di ${pick(random, PLACES)} dan diikuti warga dari berbagai desa. ${pick(random, CLOSINGS)}`);
  }
  if (random() < 0.2) lines.push('', `Info: https://tapselkab.go.id/berita/${Math.floor(random() * 90_000) + 10_000}`);
  const tags = new Set(['Tapsel', pick(random, TAGS), pick(random, TAGS)]);
  lines.push('', [...tags].map((tag) => `#${tag}`).join(' '));
  return lines.join('\n');
}

/**
 * What OCR read in a synthetic image, as the sync records it: about six in ten Instagram pictures are
 * posters with 5–9 printed lines, a few YouTube thumbnails carry a title, the rest read as nothing.
 * Without it every bench build would show an archive whose images were never read, and the idle sync
 * would spend its minutes reading them.
 */
function syntheticReading(seed: string, platform: Post['platform'], at: string, sha256: string): ImageText {
  const random = seededRandom(`ocr:${seed}`);
  const printed = platform === 'instagram' ? random() < 0.6 : random() < 0.25;
  const lines: string[] = [];
  if (printed) {
    const subject = pick(random, SUBJECTS).toUpperCase();
    lines.push(subject, `Kecamatan ${pick(random, PLACES)}`);
    if (platform === 'instagram') {
      const day = 1 + Math.floor(random() * 28);
      lines.push(`Tanggal ${day} pukul ${String(7 + Math.floor(random() * 10)).padStart(2, '0')}.00 WIB`);
      lines.push(`Tempat: Kantor Camat ${pick(random, PLACES)}`);
      const extra = 1 + Math.floor(random() * 5);
      for (let i = 0; i < extra; i++) lines.push(`${pick(random, CLOSINGS)}`);
      lines.push(`Informasi: 0812-${String(1000 + Math.floor(random() * 9000))}-${String(1000 + Math.floor(random() * 9000))}`);
    }
  }
  const text = lines.join('\n');
  return { text, confidence: text ? 80 + Math.floor(random() * 15) : 0, engine: OCR_ENGINE, readAt: at, imageSha256: sha256 };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function youtubeId(index: number): string {
  const bytes = createHash('sha256').update(`bench-video:${index}`).digest();
  return Array.from(bytes.subarray(0, 11), (byte) => ID_CHARS[byte % 64]).join('');
}
const instagramId = (index: number) => String(18_000_000_000_000_000n + BigInt(index) * 7_919n);

/** Carousel lengths 2–10, most short: mean about 3.2 items. */
function carouselLength(random: Random): number {
  const roll = random();
  const bounds: [number, number][] = [[0.36, 2], [0.66, 3], [0.81, 4], [0.89, 5], [0.93, 6], [0.96, 7], [0.98, 8], [0.99, 9]];
  return bounds.find(([limit]) => roll < limit)?.[1] ?? 10;
}

interface PlannedImage extends PhotoSpec {
  file: string;
  folder: string;
}

/** The posts of the archive, with the images they need (not drawn yet). */
function planArchive(count: number): { posts: Post[]; images: PlannedImage[]; withdrawn: Post[] } {
  const posts: Post[] = [];
  const images: PlannedImage[] = [];
  const withdrawn: Post[] = [];
  const youtubeCount = Math.round(count * 0.4448);
  for (let index = 0; index < count; index++) {
    const random = seededRandom(`bench-post:${index}`);
    // Interleave the platforms evenly over time: post i is YouTube when the running share says so.
    const youtube = Math.floor((index + 1) * (youtubeCount / count)) > Math.floor(index * (youtubeCount / count));
    const publishedMs = NEWEST - Math.floor((index / count) * SPAN_MS) - Math.floor(random() * 3_600_000);
    const publishedAt = iso(publishedMs);
    const seenAt = iso(publishedMs + 1_800_000);
    const text = caption(random, youtube);
    const id = youtube ? youtubeId(index) : instagramId(index);
    const platform = youtube ? 'youtube' : 'instagram';
    let kind: Post['kind'];
    let sizes: [number, number][];
    if (youtube) {
      const roll = random();
      kind = roll < 0.08 ? 'short' : roll < 0.11 ? 'live' : 'video';
      sizes = [[1280, 720]];
    } else {
      const roll = random();
      kind = roll < 0.5 ? 'image' : roll < 0.85 ? 'carousel' : 'reel';
      const portrait = random() < 0.6;
      const photo: [number, number] = portrait ? [1080, 1350] : [1080, 1080];
      sizes = kind === 'carousel' ? Array.from({ length: carouselLength(random) }, () => photo) : kind === 'reel' ? [[1080, 1920]] : [photo];
    }
    const folder = postFolder(platform, id);
    const pendingAt = random() < 0.005 ? Math.floor(random() * sizes.length) : -1;
    const media: PostMedia[] = sizes.map(([width, height], item) => {
      const role = youtube || kind === 'reel' ? 'poster' : 'image';
      const file = role === 'poster' ? 'poster.jpg' : `${item + 1}.jpg`;
      if (item === pendingAt) return { status: 'pending', role, reason: 'download failed: media: HTTP 404 Not Found', attempts: 2, lastAttemptAt: seenAt };
      images.push({ seed: `${platform}/${id}/${file}`, width, height, file, folder });
      // sha256 is filled in once the image is drawn.
      return { status: 'mirrored', role, file, width, height, sha256: '0'.repeat(64), mirroredAt: seenAt };
    });
    const edited = random() < 0.03;
    const removedRoll = random();
    const post: Post = {
      schemaVersion: 1,
      platform,
      id,
      account: youtube ? YOUTUBE_ACCOUNT : INSTAGRAM_ACCOUNT,
      permalink: youtube ? `https://www.youtube.com/watch?v=${id}` : `https://www.instagram.com/p/B${index.toString(36).toUpperCase()}x/`,
      kind,
      ...(kind === 'live' ? { live: { status: 'completed' as const, actualStartAt: publishedAt, actualEndAt: iso(publishedMs + 5_400_000) } } : {}),
      title: youtube ? text.split('\n')[0]!.slice(0, 100) : deriveTitle(text),
      text,
      hashtags: extractHashtags(text),
      publishedAt,
      ...(youtube ? { durationSeconds: kind === 'short' ? 45 : 120 + Math.floor(random() * 1_800) } : kind === 'reel' ? { durationSeconds: 30 } : {}),
      media,
      provenance: {
        source: youtube ? 'youtube-data-api-v3' : 'instagram-graph-api',
        firstSeenAt: seenAt,
        lastSeenAt: iso(NEWEST),
        versions: edited ? [{ title: 'Judul sebelum diperbaiki', text: `${text}\n\n(ralat: tanggal kegiatan)`, replacedAt: iso(publishedMs + 7_200_000) }] : [],
        ...(removedRoll < 0.01 ? { removed: { at: iso(publishedMs + 86_400_000 * 30), reason: removedRoll < 0.005 ? ('deleted' as const) : ('private' as const) } } : {}),
      },
    };
    posts.push(post);
    // About one in a thousand posts withdrawn by staff (deterministically, so every archive of 1,000+ has some).
    if (index % 1000 === 500 && !post.provenance.removed) withdrawn.push(post);
  }
  return { posts, images, withdrawn };
}

/** Draws the images on worker threads (the JS grain loop would otherwise hold one core). */
async function drawImages(contentDir: string, images: PlannedImage[], onProgress: (done: number) => void): Promise<Map<string, { sha256: string; bytes: number }>> {
  const results = new Map<string, { sha256: string; bytes: number }>();
  const workers = Math.max(1, Math.min(availableParallelism(), 4));
  let next = 0;
  let done = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./photo-worker.ts', import.meta.url));
      const feed = () => {
        if (next >= images.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const image = images[next++]!;
        worker.postMessage({ ...image, path: join(contentDir, image.folder, image.file) });
      };
      worker.on('message', (message: { key: string; sha256: string; bytes: number }) => {
        results.set(message.key, { sha256: message.sha256, bytes: message.bytes });
        onProgress(++done);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: workers }, run));
  return results;
}

/** Writes the archive into `contentDir` (which must be empty) and says what it holds. */
export async function writeSyntheticArchive(contentDir: string, count: number, onProgress: (text: string) => void = () => {}): Promise<SyntheticArchiveSummary> {
  const { posts, images, withdrawn } = planArchive(count);
  for (const folder of new Set(images.map((image) => image.folder))) await mkdir(join(contentDir, folder), { recursive: true });
  const drawn = await drawImages(contentDir, images, (done) => {
    if (done % 200 === 0 || done === images.length) onProgress(`images ${done}/${images.length}`);
  });
  let imageBytes = 0;
  for (const post of posts) {
    post.media = post.media.map((item) => {
      if (item.status !== 'mirrored') return item;
      const seed = `${post.platform}/${post.id}/${item.file}`;
      const result = drawn.get(seed)!;
      imageBytes += result.bytes;
      return { ...item, sha256: result.sha256, ocr: syntheticReading(seed, post.platform, item.mirroredAt, result.sha256) };
    });
    await writePost(contentDir, post);
  }
  for (const post of withdrawn) {
    const file = join(contentDir, withdrawalFile(post.platform, post.id));
    await mkdir(join(file, '..'), { recursive: true });
    const withdrawal = { schemaVersion: 1, platform: post.platform, id: post.id, withdrawnAt: iso(NEWEST), reason: 'Unggahan memuat data pribadi warga; ditarik oleh staf.' };
    await writeFile(file, `${JSON.stringify(withdrawal, null, 2)}\n`);
  }
  const now = iso(NEWEST);
  const walk = { complete: true, resumeFrom: null, startedAt: iso(NEWEST - SPAN_MS), completedAt: now };
  await writeArchiveState(contentDir, {
    schemaVersion: 1,
    sample: false,
    lastSyncAt: now,
    lastFullSyncAt: now,
    history: { [`youtube/${YOUTUBE_ACCOUNT.id}`]: walk, [`instagram/${INSTAGRAM_ACCOUNT.id}`]: walk },
  });
  const youtube = posts.filter((post) => post.platform === 'youtube').length;
  return { posts: posts.length, youtube, instagram: posts.length - youtube, images: images.length, imageBytes, withdrawals: withdrawn.length };
}

/** The posts of a synthetic archive without drawing anything (for the fake API of the idle sync). */
export function syntheticPosts(count: number): Post[] {
  return planArchive(count).posts;
}
