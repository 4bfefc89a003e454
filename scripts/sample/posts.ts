/**
 * The data table of the sample archive: invented but realistic posts of the Prokopim office of Kabupaten
 * Tapanuli Selatan, October 2025 to November 2026. `generate.ts` turns each row into a post folder.
 *
 * Every row exists for a reason that the site and its tests rely on; the unusual ones say so in a comment
 * (edited, removed, pending media, empty caption, hostile caption, very long caption, the search word).
 * Ids are invented: YouTube ids are 11 characters of [A-Za-z0-9_-], Instagram media ids grow with time as
 * the real ones do, and shortcodes are 11 characters.
 */
import type { Post, Removal } from '#archive/post.ts';
import { TEST_POSTERS } from '../ocr/test-posters.ts';
import type { PosterSpec } from './posters.ts';

/** When the (pretend) last sync finished; every post still online was last seen then. */
export const LAST_SYNC_AT = '2026-11-26T23:00:00Z';

/** A word printed only in one post's poster (never in a caption), so search tests find a post by OCR text. */
export const POSTER_ONLY_SEARCH_WORD = 'Sayurmatinggi';

/** One of the OCR test posters, by its seed. */
function poster(seed: string): PosterSpec {
  const found = TEST_POSTERS.find((spec) => spec.seed === seed);
  if (!found) throw new Error(`no test poster "${seed}"`);
  return found;
}

/** Words one caption writes only in styled letters (𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡 𝗣𝗘𝗡𝗧𝗜𝗡𝗚), searched by their plain spelling. */
export const STYLED_CAPTION_SEARCH = 'pengumuman penting';

/** The word that occurs in exactly one post, so search tests have one unambiguous hit. */
export const UNIQUE_SEARCH_WORD = 'Latong';

/** An earlier title/text the platform showed before the next one (oldest first). */
export interface SampleEdit {
  /** When the sync first saw the newer version. */
  replacedAt: string;
  /** YouTube only; defaults to the current title. Instagram titles are derived from `text`. */
  title?: string;
  text: string;
}

interface SampleBase {
  id: string;
  publishedAt: string;
  /** Description (YouTube) or caption (Instagram), exactly as published now. */
  text: string;
  durationSeconds?: number;
  earlier?: SampleEdit[];
  removed?: Removal;
  /** Only for removed posts: the last sync that still saw the post (before `removed.at`). */
  lastSeenAt?: string;
}

export interface SampleYouTubePost extends SampleBase {
  platform: 'youtube';
  kind: 'video' | 'short' | 'live';
  title: string;
  live?: NonNullable<Post['live']>;
}

export interface SampleInstagramPost extends SampleBase {
  platform: 'instagram';
  kind: 'image' | 'reel' | 'carousel';
  shortcode: string;
  /** Alt text of each picture in carousel order; a reel has one, for its poster. */
  images: string[];
  /** 640x800 instead of 640x640. */
  portrait?: boolean;
  /** Pictures that are announcement posters with printed text (scripts/sample/posters.ts), by position. */
  posters?: (PosterSpec | undefined)[];
  /** The download of the (single) image failed; no file is written for it. */
  pending?: { reason: string; attempts: number };
}

export type SamplePost = SampleYouTubePost | SampleInstagramPost;

// Texts of the posts that were edited, kept apart so the earlier versions can be derived from them.
const MUSRENBANG_SIPIROK_TEXT = `Musyawarah Perencanaan Pembangunan (Musrenbang) tingkat Kecamatan Sipirok untuk Rencana Kerja Pemerintah Daerah (RKPD) 2027 digelar Rabu (14/1/2026) di Aula Kantor Camat Sipirok.

Usulan prioritas warga antara lain perbaikan saluran irigasi di Sipirok Godang, penataan Pasar Sipirok, dan penambahan lampu penerangan jalan. Bupati menegaskan usulan yang masuk akan diverifikasi bersama Bappeda dan dibahas kembali pada Musrenbang kabupaten.

Jadwal Musrenbang kecamatan lainnya: https://tapselkab.go.id/pengumuman/jadwal-musrenbang-2026

#Musrenbang #Sipirok #TapselMaju #Tapsel`;

const PPPK_2026_TEXT = `📢 PENGUMUMAN: Seleksi PPPK Pemkab Tapanuli Selatan Tahun Anggaran 2026

Pemerintah Kabupaten Tapanuli Selatan membuka seleksi Pegawai Pemerintah dengan Perjanjian Kerja (PPPK) untuk formasi guru, tenaga kesehatan, dan tenaga teknis.

🗓️ Pendaftaran: 6–26 Januari 2026
💻 Daftar hanya melalui https://sscasn.bkn.go.id
📄 Rincian formasi dan syarat: https://tapselkab.go.id/pengumuman/seleksi-pppk-2026

Seluruh tahapan seleksi TIDAK DIPUNGUT BIAYA. Waspada penipuan yang mengatasnamakan pejabat Pemkab Tapsel.

#PPPK #LowonganKerja #Tapsel #TapselMaju`;

export const SAMPLE_POSTS: SamplePost[] = [
  // ── Oktober 2025 ──────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'NAAhhQ2j0Wi',
    kind: 'video',
    publishedAt: '2025-10-03T03:15:00Z',
    durationSeconds: 512,
    title: 'Bupati Tapanuli Selatan Lantik 24 Pejabat Administrator dan Pengawas',
    text: `Bupati Tapanuli Selatan melantik dan mengambil sumpah 24 pejabat administrator dan pengawas di lingkungan Pemerintah Kabupaten Tapanuli Selatan, Jumat (3/10/2025), di Aula Kantor Bupati, Sipirok.

Dalam sambutannya, Bupati meminta para pejabat yang baru dilantik segera beradaptasi dan mengutamakan pelayanan kepada masyarakat. "Jabatan adalah amanah. Layani masyarakat dengan cepat, ramah, dan tanpa pungutan liar," ujar Bupati.

Daftar lengkap pejabat yang dilantik dapat dilihat di https://tapselkab.go.id/pengumuman/pelantikan-pejabat-oktober-2025

#TapselMaju #Tapsel #Pelantikan #PemkabTapsel`,
  },
  {
    platform: 'instagram',
    id: '17910679562824208',
    shortcode: 'DWv3stnSxBF',
    kind: 'image',
    publishedAt: '2025-10-08T02:30:00Z',
    images: ['Poster jadwal imunisasi campak-rubela dan polio bulan Oktober 2025 dengan daftar puskesmas dan jam layanan.'],
    text: `📢 Jadwal Vaksinasi Campak-Rubela dan Polio Oktober 2025

Dinas Kesehatan Kabupaten Tapanuli Selatan membuka layanan imunisasi gratis untuk anak usia 9 bulan sampai 15 tahun:

🗓️ 13–17 Oktober 2025 — Puskesmas Sipirok dan Puskesmas Pargarutan
🗓️ 20–24 Oktober 2025 — Puskesmas Batang Toru dan Puskesmas Marancar
🕗 Pukul 08.00–13.00 WIB

Bawa buku KIA atau kartu imunisasi anak. Informasi lengkap: https://tapselkab.go.id/pengumuman/jadwal-vaksinasi-oktober-2025

@dinkes_tapsel

#Vaksinasi #TapselSehat #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '17914746358763135',
    shortcode: 'DWjGktDIxOO',
    kind: 'carousel',
    publishedAt: '2025-10-20T07:00:00Z',
    images: [
      'Bupati Tapanuli Selatan memetik buah kopi merah bersama petani di kebun kopi Sipirok.',
      'Biji kopi arabika merah dalam keranjang anyaman hasil panen pagi.',
      'Foto bersama kelompok tani kopi dan jajaran Pemkab Tapanuli Selatan di tepi kebun.',
    ],
    text: `Bupati Tapanuli Selatan ikut memetik kopi arabika bersama petani di Sipirok ☕

Panen kopi arabika di Kecamatan Sipirok, Senin (20/10/2025), menjadi penanda musim panen raya tahun ini. Bupati mendorong kelompok tani menjaga mutu petik merah agar harga kopi Sipirok tetap bersaing di pasar nasional.

Pemerintah daerah akan membantu pengurusan sertifikat indikasi geografis dan pemasaran melalui pameran UMKM.

#KopiSipirok #Sipirok #TapselMaju #UMKMTapsel`,
  },
  {
    platform: 'youtube',
    id: 'IM3olhmtHg0',
    kind: 'short',
    publishedAt: '2025-10-28T02:10:00Z',
    durationSeconds: 42,
    title: 'Upacara Hari Sumpah Pemuda ke-97 di Sipirok #Shorts',
    text: `Suasana upacara peringatan Hari Sumpah Pemuda ke-97 di halaman Kantor Bupati Tapanuli Selatan. Bersatu, berdaulat! 🇮🇩

#SumpahPemuda #Tapsel #Shorts`,
  },

  // ── November 2025 ─────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'WiS8nTAMD1B',
    kind: 'video',
    publishedAt: '2025-11-05T04:00:00Z',
    durationSeconds: 734,
    title: 'Rapat Koordinasi Kesiapsiagaan Bencana Menghadapi Musim Hujan 2025',
    text: `Pemerintah Kabupaten Tapanuli Selatan menggelar rapat koordinasi kesiapsiagaan bencana bersama BPBD, TNI, Polri, dan camat se-Tapanuli Selatan, Rabu (5/11/2025).

Memasuki puncak musim hujan 🌧️, Bupati menginstruksikan seluruh camat memetakan titik rawan banjir dan longsor, terutama di sepanjang Daerah Aliran Sungai Batang Toru dan jalur Sipirok–Padangsidimpuan.

Warga diminta segera melapor ke posko BPBD bila melihat tanda-tanda bahaya. Nomor pengaduan dan peta rawan bencana tersedia di http://ppid.tapselkab.go.id

#SiagaBencana #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '17999775834054544',
    shortcode: 'DpqegwxbS26',
    kind: 'reel',
    publishedAt: '2025-11-20T08:00:00Z',
    durationSeconds: 47,
    images: ['Pelajar dan pramuka menanam bibit pohon di lereng bukit Marancar.'],
    text: `Gerakan menanam 5.000 bibit pohon di hulu Sungai Batang Toru, Kecamatan Marancar 🌱

Bersama pelajar, pramuka, dan kelompok tani hutan, Pemkab Tapanuli Selatan menanam bibit aren, durian, dan mahoni untuk menjaga daerah tangkapan air menjelang musim hujan.

Terima kasih kepada semua relawan yang ikut turun! 🙏 @bpbd_tapsel

#TapselHijau #Marancar #TapselMaju #Tapsel`,
  },
  {
    platform: 'youtube',
    id: 'kGT-OHj3Zqh',
    kind: 'video',
    publishedAt: '2025-11-27T09:45:00Z',
    durationSeconds: 618,
    title: 'Bupati Tinjau Lokasi Banjir Batang Toru dan Salurkan Bantuan Darurat',
    text: `Hujan deras sejak Senin malam menyebabkan Sungai Batang Toru meluap dan merendam ratusan rumah di Kecamatan Batang Toru dan Muara Batang Toru. Bupati Tapanuli Selatan langsung meninjau lokasi banjir dan posko pengungsian, Kamis (27/11/2025).

Bupati memerintahkan BPBD, Dinas Sosial, dan Dinas Kesehatan membuka dapur umum serta layanan kesehatan 24 jam di setiap posko. Akses jalan yang tertimbun material longsor dibersihkan dengan alat berat.

📢 Warga yang membutuhkan evakuasi dapat menghubungi posko BPBD Tapsel. Informasi posko dan kebutuhan logistik diperbarui di https://tapselkab.go.id/pengumuman/posko-banjir-batang-toru

Mari saling membantu. 🙏

#BanjirBatangToru #TapselPeduli #Tapsel #SiagaBencana`,
  },

  // ── Desember 2025 ─────────────────────────────────────────────────────────────────────────────
  {
    // The carousel with five items.
    platform: 'instagram',
    id: '18064435625827292',
    shortcode: 'D95xQSn89yH',
    kind: 'carousel',
    publishedAt: '2025-12-02T05:20:00Z',
    portrait: true,
    images: [
      'Petugas menurunkan karung beras bantuan dari truk di posko induk Kecamatan Batang Toru.',
      'Relawan membagikan air bersih dalam jeriken kepada warga di posko pengungsian.',
      'Tumpukan selimut dan perlengkapan bayi yang siap disalurkan.',
      'Tenaga kesehatan memeriksa seorang lansia di tenda layanan kesehatan posko.',
      'Jalan desa yang masih tergenang lumpur setelah banjir surut.',
    ],
    text: `Penyaluran bantuan untuk warga terdampak banjir Batang Toru terus berlanjut 🙏

Hingga Selasa (2/12/2025), Pemkab Tapanuli Selatan bersama relawan telah menyalurkan beras, air bersih, selimut, perlengkapan bayi, dan obat-obatan ke 14 posko pengungsian di Kecamatan Batang Toru, Muara Batang Toru, dan Angkola Sangkunur.

Bantuan dari masyarakat dapat disalurkan melalui posko induk di Kantor Camat Batang Toru. Rekapitulasi bantuan yang masuk dan tersalurkan diumumkan secara terbuka di https://tapselkab.go.id/pengumuman/rekap-bantuan-banjir

Terima kasih kepada @bpbd_tapsel, TNI, Polri, dan seluruh relawan.

#BanjirBatangToru #TapselPeduli #Tapsel #TapselMaju`,
  },
  {
    // A finished live broadcast: the recording stays on the channel.
    platform: 'youtube',
    id: 'PuH2WVXEkFf',
    kind: 'live',
    publishedAt: '2025-12-05T06:45:00Z',
    durationSeconds: 4714,
    live: {
      status: 'completed',
      scheduledStartAt: '2025-12-05T07:00:00Z',
      actualStartAt: '2025-12-05T07:02:11Z',
      actualEndAt: '2025-12-05T08:20:45Z',
    },
    title: 'LIVE: Konferensi Pers Penanganan Darurat Banjir Batang Toru',
    text: `Siaran langsung konferensi pers Pemerintah Kabupaten Tapanuli Selatan tentang perkembangan penanganan darurat banjir Batang Toru: jumlah warga terdampak, kebutuhan logistik, perbaikan akses jalan, dan rencana hunian sementara.

Narasumber: Bupati Tapanuli Selatan, Kepala Pelaksana BPBD, Kepala Dinas Sosial, dan Kepala Dinas Kesehatan.

Data resmi penanganan bencana: https://tapselkab.go.id/pengumuman/posko-banjir-batang-toru

#BanjirBatangToru #Tapsel #SiagaBencana`,
  },
  {
    platform: 'youtube',
    id: 'FMSUmDBUMvM',
    kind: 'video',
    publishedAt: '2025-12-22T03:30:00Z',
    durationSeconds: 455,
    title: 'Peringatan Hari Ibu ke-97: Perempuan Tapsel Berdaya, Keluarga Sejahtera',
    text: `Peringatan Hari Ibu ke-97 tingkat Kabupaten Tapanuli Selatan berlangsung sederhana di Sipirok, Senin (22/12/2025), sambil tetap mendoakan dan membantu keluarga yang terdampak banjir.

Bupati memberikan penghargaan kepada kader posyandu, bidan desa, dan pelaku UMKM perempuan yang berjasa bagi masyarakat di desanya.

Selamat Hari Ibu untuk seluruh ibu di Tapanuli Selatan. 🙏

#HariIbu #Tapsel #TapselMaju #UMKMTapsel`,
  },

  // ── Januari 2026 ──────────────────────────────────────────────────────────────────────────────
  {
    // EDITED once: the registration deadline was corrected a few hours after publishing.
    platform: 'instagram',
    id: '18100840309117409',
    shortcode: 'DGCKU31r5VC',
    kind: 'image',
    publishedAt: '2026-01-05T03:00:00Z',
    images: ['Poster pengumuman seleksi PPPK Kabupaten Tapanuli Selatan tahun 2026 dengan alamat situs pendaftaran SSCASN.'],
    text: PPPK_2026_TEXT,
    earlier: [
      {
        replacedAt: '2026-01-05T08:40:00Z',
        text: PPPK_2026_TEXT.replace('6–26 Januari 2026', '6–16 Januari 2026'),
      },
    ],
  },
  {
    // EDITED twice: first the misspelt "Musrembang" in title and text, then the wrong day.
    platform: 'youtube',
    id: 'vVt9l7dL9vJ',
    kind: 'video',
    publishedAt: '2026-01-14T04:20:00Z',
    durationSeconds: 689,
    title: 'Musrenbang Kecamatan Sipirok: Warga Usulkan Perbaikan Irigasi dan Pasar',
    text: MUSRENBANG_SIPIROK_TEXT,
    earlier: [
      {
        replacedAt: '2026-01-14T07:05:00Z',
        title: 'Musrembang Kecamatan Sipirok: Warga Usulkan Perbaikan Irigasi dan Pasar',
        text: MUSRENBANG_SIPIROK_TEXT.replace('(Musrenbang)', '(Musrembang)').replace('Rabu (14/1/2026)', 'Selasa (13/1/2026)'),
      },
      {
        replacedAt: '2026-01-15T01:30:00Z',
        text: MUSRENBANG_SIPIROK_TEXT.replace('Rabu (14/1/2026)', 'Selasa (13/1/2026)'),
      },
    ],
  },
  {
    platform: 'instagram',
    id: '18132355490163141',
    shortcode: 'Df1pTGRk8hP',
    kind: 'reel',
    publishedAt: '2026-01-26T06:30:00Z',
    durationSeconds: 38,
    images: ['Warga dan anak sekolah berjalan melintasi jembatan gantung yang baru diperbaiki di atas sungai.'],
    text: `Jembatan gantung di Kecamatan Angkola Sangkunur kembali bisa dilintasi warga setelah diperbaiki pascabanjir 🙌

Perbaikan dikerjakan bersama TNI dan warga dalam waktu dua minggu. Anak-anak kembali bisa berangkat sekolah tanpa memutar sejauh 7 kilometer.

#BanjirBatangToru #AngkolaSangkunur #TapselMaju`,
  },

  // ── Februari 2026 ─────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'G_G-wNfr889',
    kind: 'video',
    publishedAt: '2026-02-04T03:00:00Z',
    durationSeconds: 1328,
    title: 'Musrenbang RKPD Kabupaten Tapanuli Selatan Tahun 2027',
    text: `Bupati Tapanuli Selatan membuka Musrenbang Rencana Kerja Pemerintah Daerah (RKPD) Tahun 2027 di Sipirok, Rabu (4/2/2026). Musrenbang tahun ini mengusung tema pemulihan pascabencana, penguatan ekonomi desa, dan percepatan penurunan stunting.

Sebanyak 412 usulan dari 15 kecamatan dibahas bersama perangkat daerah, DPRD, dan perwakilan masyarakat. Usulan prioritas meliputi normalisasi Sungai Batang Toru, rehabilitasi jalan kabupaten di Angkola Timur dan Marancar, serta pengembangan sentra salak dan kopi.

Dokumen dan hasil Musrenbang dapat diakses di http://ppid.tapselkab.go.id

#Musrenbang #TapselMaju #Tapsel #CegahStunting`,
  },
  {
    platform: 'instagram',
    id: '18153482041518996',
    shortcode: 'Dlk82cc9Arh',
    kind: 'carousel',
    publishedAt: '2026-02-11T02:45:00Z',
    portrait: true,
    images: [
      'Kader posyandu menimbang seorang balita dengan timbangan gantung.',
      'Petugas mengukur tinggi badan anak dengan papan ukur di posyandu.',
      'Ibu-ibu menerima paket makanan tambahan berisi telur, susu, dan kacang hijau.',
      'Ketua TP PKK berbincang dengan ibu hamil di ruang tunggu posyandu.',
    ],
    text: `Gerakan Serentak Pencegahan Stunting di Kecamatan Angkola Timur 👶

Selama Februari 2026, kader posyandu di seluruh desa menimbang dan mengukur balita, memberikan makanan tambahan bergizi, melengkapi imunisasi dasar, serta mendampingi ibu hamil. Ketua TP PKK Kabupaten Tapanuli Selatan ikut turun langsung ke posyandu di Pargarutan.

Ayo bawa balita ke posyandu setiap bulan! Jadwal posyandu di desa Anda dapat ditanyakan ke puskesmas terdekat atau @dinkes_tapsel.

#CegahStunting #Vaksinasi #TapselSehat #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18208310110322717',
    shortcode: 'DMI1bASpTuf',
    kind: 'image',
    publishedAt: '2026-02-23T07:15:00Z',
    portrait: true,
    images: ['Poster pendaftaran Beasiswa Tapsel Cerdas 2026 bergambar mahasiswa bertoga.'],
    text: `🎓 Pendaftaran Beasiswa Tapsel Cerdas 2026 Dibuka!

Pemkab Tapanuli Selatan menyediakan beasiswa bagi mahasiswa berprestasi dan dari keluarga kurang mampu yang ber-KTP Tapanuli Selatan.

✅ Kuota 300 penerima
✅ Bantuan biaya pendidikan Rp5.000.000 per tahun
🗓️ Pendaftaran 23 Februari–20 Maret 2026

Syarat dan formulir: https://tapselkab.go.id/pengumuman/beasiswa-tapsel-cerdas-2026
Pertanyaan dapat dikirim melalui DM @prokopim.tapsel.

#Beasiswa #TapselCerdas #Tapsel #TapselMaju`,
  },

  // ── Maret 2026 ────────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'RGwuQUX-iYq',
    kind: 'short',
    publishedAt: '2026-03-04T11:30:00Z',
    durationSeconds: 55,
    title: 'Safari Ramadan Bupati di Masjid Raya Sipirok #Shorts',
    text: `Buka puasa bersama warga dan penyerahan bantuan untuk masjid dalam Safari Ramadan 1447 H. 🙏

#SafariRamadan #Sipirok #Tapsel #Shorts`,
  },
  {
    platform: 'youtube',
    id: 'v9X-TKGk56H',
    kind: 'video',
    publishedAt: '2026-03-10T04:10:00Z',
    durationSeconds: 402,
    title: 'Pasar Murah Ramadan: 5.000 Paket Sembako untuk Warga Tapsel',
    text: `Menjelang Idul Fitri, Pemerintah Kabupaten Tapanuli Selatan menggelar pasar murah di 15 kecamatan mulai Selasa (10/3/2026). Beras, minyak goreng, gula, dan telur dijual di bawah harga pasar dengan subsidi pemerintah daerah.

📢 Jadwal pasar murah:
- 10–12 Maret: Sipirok, Arse, Saipar Dolok Hole
- 13–15 Maret: Angkola Timur, Angkola Barat, Marancar
- 16–18 Maret: Batang Toru, Muara Batang Toru, Angkola Sangkunur

Jadwal kecamatan lainnya dan lokasi: https://tapselkab.go.id/pengumuman/pasar-murah-ramadan-2026

#PasarMurah #Ramadan #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18298821012061780',
    shortcode: 'DUPWUDb4vzi',
    kind: 'image',
    publishedAt: '2026-03-19T13:00:00Z',
    images: ['Kartu ucapan Idul Fitri 1447 H bergambar ketupat dan masjid dengan latar hijau.'],
    text: `Selamat Hari Raya Idul Fitri 1447 H 🌙
Mohon maaf lahir dan batin.

Bupati dan Wakil Bupati Tapanuli Selatan beserta keluarga mengucapkan selamat merayakan Idul Fitri. Semoga kita kembali fitri dan semakin kompak membangun Tapanuli Selatan.

Bagi warga yang mudik, utamakan keselamatan di jalan. Posko mudik tersedia di Sipirok dan Batang Toru.

#IdulFitri1447H #Tapsel #TapselMaju`,
  },

  // ── April 2026 ────────────────────────────────────────────────────────────────────────────────
  {
    platform: 'instagram',
    id: '18371762563298283',
    shortcode: 'DmUjqWBwD5Q',
    kind: 'carousel',
    publishedAt: '2026-04-08T03:40:00Z',
    images: [
      'Bupati menggunting pita peresmian di gerbang Pasar Sipirok yang baru.',
      'Deretan kios pedagang sayur yang tertata rapi di dalam pasar.',
      'Pedagang ikan melayani pembeli di los ikan yang baru.',
    ],
    text: `Pasar Sipirok kini lebih bersih dan tertata 🛒

Bupati Tapanuli Selatan meresmikan revitalisasi Pasar Sipirok, Rabu (8/4/2026). Bangunan baru dilengkapi 186 kios, los sayur dan ikan yang terpisah, saluran air, toilet umum, serta area parkir.

Pedagang lama mendapat prioritas menempati kios tanpa biaya sewa selama enam bulan pertama. Yuk belanja di pasar tradisional!

#PasarSipirok #Sipirok #UMKMTapsel #TapselMaju`,
  },
  {
    // THE SEARCH TARGET: the only post that mentions "Latong" (the road at Aek Latong, Sipirok).
    platform: 'youtube',
    id: 'zQPAOVe9uCN',
    kind: 'video',
    publishedAt: '2026-04-15T05:00:00Z',
    durationSeconds: 547,
    title: 'Bupati Tinjau Perbaikan Jalan Aek Latong yang Kembali Amblas',
    text: `Ruas jalan nasional di Aek Latong, Kecamatan Sipirok, kembali amblas setelah hujan deras sepekan terakhir. Bupati Tapanuli Selatan meninjau lokasi bersama Balai Besar Pelaksanaan Jalan Nasional (BBPJN) Sumatera Utara, Rabu (15/4/2026).

Bupati meminta penanganan permanen segera dilakukan karena ruas ini adalah jalur utama Sipirok–Tarutung dan Padangsidimpuan–Medan. Selama perbaikan, kendaraan besar diminta melintas bergantian dengan pengaturan petugas Dinas Perhubungan dan kepolisian.

📢 Pengendara diimbau mengurangi kecepatan dan mengikuti arahan petugas di lokasi. Informasi lalu lintas terbaru: https://tapselkab.go.id/pengumuman/info-lalu-lintas

#InfoLaluLintas #Sipirok #Tapsel #TapselMaju`,
  },
  {
    // HOSTILE TEXT: a scam comment pasted verbatim, with HTML and a javascript: pseudo-link. The site must
    // show it as plain text, link only the https address, and never run or render the markup.
    platform: 'instagram',
    id: '18437298669971358',
    shortcode: 'D3hgaIC1psy',
    kind: 'image',
    publishedAt: '2026-04-29T09:00:00Z',
    images: ['Tangkapan layar komentar berisi pesan berantai palsu tentang pendaftaran bansos, diberi tanda silang merah.'],
    text: `Klarifikasi soal komentar "<b>tebal</b>" dan tautan aneh di unggahan kami ⚠️

Sejumlah warga mengirimkan tangkapan layar komentar yang beredar di grup WhatsApp dan di kolom komentar akun kami. Kami salin apa adanya agar mudah dikenali:

"<script>alert("xss")</script> PENDAFTARAN BANSOS 2026 DIBUKA!!! <img src=x onerror=alert(1)> klik javascript:alert(1) sekarang juga, <b>tebal</b> kuota terbatas"

Komentar tersebut BUKAN dari Pemerintah Kabupaten Tapanuli Selatan. Jangan mengeklik tautan apa pun di dalamnya dan jangan memberikan NIK, nomor KK, atau kode OTP kepada siapa pun.

Informasi resmi bantuan sosial hanya diumumkan melalui https://tapselkab.go.id/pengumuman/klarifikasi-bansos-2026 dan akun @prokopim.tapsel. Laporkan pesan mencurigakan ke @kominfo_tapsel.

#CekFakta #InfoTapsel #Tapsel #TapselMaju`,
  },

  // ── Mei 2026 ──────────────────────────────────────────────────────────────────────────────────
  {
    // REMOVED: deleted from the channel two days later; the archive keeps it, marked as deleted.
    platform: 'youtube',
    id: 'jg9ZdUB2WSz',
    kind: 'video',
    publishedAt: '2026-05-12T03:20:00Z',
    durationSeconds: 361,
    lastSeenAt: '2026-05-14T04:00:00Z',
    removed: { at: '2026-05-14T05:00:00Z', reason: 'deleted' },
    title: 'Sosialisasi Pencegahan Demam Berdarah di Kecamatan Batang Toru',
    text: `Dinas Kesehatan Kabupaten Tapanuli Selatan menggelar sosialisasi pencegahan demam berdarah dengue (DBD) bagi warga di Kecamatan Batang Toru, Selasa (12/5/2026).

Warga diajak melakukan gerakan 3M Plus: menguras, menutup, dan mendaur ulang barang bekas, serta memakai kelambu dan losion antinyamuk. Segera bawa anggota keluarga yang demam tinggi ke puskesmas terdekat.

#CegahDBD #TapselSehat #Tapsel`,
  },
  {
    // EMPTY CAPTION: a photo posted without any text; its title is "" and the site shows a dated fallback.
    platform: 'instagram',
    id: '18500064470134058',
    shortcode: 'DpDb17reoAT',
    kind: 'image',
    publishedAt: '2026-05-20T04:00:00Z',
    images: ['Bupati Tapanuli Selatan memimpin apel pagi Hari Kebangkitan Nasional di halaman Kantor Bupati, Sipirok.'],
    text: '',
  },
  {
    platform: 'instagram',
    id: '18537365681749624',
    shortcode: 'DvW76xjEEL4',
    kind: 'reel',
    publishedAt: '2026-05-28T08:30:00Z',
    durationSeconds: 59,
    images: ['Pengunjung memadati stan UMKM yang menjual kopi, dodol salak, dan kain tenun.'],
    text: `Tapsel UMKM Expo 2026 resmi dibuka! 🎉

Lebih dari 120 pelaku UMKM memamerkan produk unggulan Tapanuli Selatan: kopi arabika Sipirok, dodol dan kurma salak, kerajinan anyaman, hingga kain tenun khas Angkola. Expo berlangsung 28–31 Mei 2026 di Lapangan Merdeka Sipirok.

Datang, belanja, dan dukung produk lokal! Info tenant: https://tapselkab.go.id/pengumuman/tapsel-umkm-expo-2026

#UMKMTapsel #BanggaBuatanIndonesia #Tapsel #TapselMaju`,
  },

  // ── Juni 2026 ─────────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: '3n0LDsobH4Q',
    kind: 'video',
    publishedAt: '2026-06-03T03:00:00Z',
    durationSeconds: 476,
    title: 'Bupati Lepas Kafilah Tapanuli Selatan ke MTQ Tingkat Provinsi Sumatera Utara',
    text: `Bupati Tapanuli Selatan melepas 42 peserta kafilah Tapanuli Selatan yang akan bertanding pada Musabaqah Tilawatil Quran (MTQ) tingkat Provinsi Sumatera Utara.

Para qari, qariah, hafiz, dan hafizah telah mengikuti pemusatan latihan selama dua bulan di Sipirok. Bupati berpesan agar kafilah menjaga kesehatan, kekompakan, dan nama baik daerah.

Mohon doa masyarakat Tapanuli Selatan untuk kafilah kita. 🙏

#MTQ #Tapsel #TapselMaju`,
  },
  {
    // PENDING MEDIA: the image download failed twice; there is no file, only the pending entry.
    platform: 'instagram',
    id: '18551550003783267',
    shortcode: 'DjQthdJGtgG',
    kind: 'image',
    publishedAt: '2026-06-10T02:00:00Z',
    images: [],
    pending: { reason: 'HTTP 404 saat mengunduh media', attempts: 2 },
    text: `📢 Penutupan sementara ruas jalan kabupaten Pargarutan–Sipirok

Untuk pembangunan jembatan beton di Kecamatan Angkola Timur, ruas jalan ditutup sementara mulai 15 Juni hingga 15 Agustus 2026. Kendaraan roda empat diarahkan melalui jalur Padangsidimpuan.

Mohon maaf atas ketidaknyamanan ini. Peta jalur alternatif: https://tapselkab.go.id/pengumuman/penutupan-jalan-juni-2026

#InfoLaluLintas #AngkolaTimur #Tapsel`,
  },
  {
    // STYLED LETTERS: offices write emphasis in Unicode "Mathematical" letters. The page shows them as
    // written; search finds them by their plain spelling (STYLED_CAPTION_SEARCH), and #𝐁𝐞𝐫𝐢𝐭𝐚 is #berita.
    // CONTROL CHARACTERS: the caption as the API gives it holds a vertical tab and a NUL (pasted from a
    // document), which no XML may carry: the sync removes them, so post.json and every feed are without.
    platform: 'instagram',
    id: '18567310042215908',
    shortcode: 'DkS7vTq2LmA',
    kind: 'image',
    publishedAt: '2026-06-17T04:00:00Z',
    images: ['Pengumuman layanan Disdukcapil tutup sementara pada 18 dan 19 Juni 2026.'],
    text: `𝗣𝗘𝗡𝗚𝗨𝗠𝗨𝗠𝗔𝗡 𝗣𝗘𝗡𝗧𝗜𝗡𝗚 ‼️

𝗟𝗮𝘆𝗮𝗻𝗮𝗻 𝗮𝗱𝗺𝗶𝗻𝗶𝘀𝘁𝗿𝗮𝘀𝗶 𝗸𝗲𝗽𝗲𝗻𝗱𝘂𝗱𝘂𝗸𝗮𝗻 Disdukcapil Tapanuli Selatan tutup sementara 18–19 Juni 2026 karena pemutakhiran server. Layanan kembali normal Senin, 22 Juni 2026.

Perekaman KTP-el keliling tetap berjalan di Kecamatan 𝘼𝙣𝙜𝙠𝙤𝙡𝙖 𝙎𝙖𝙣𝙜𝙠𝙪𝙣𝙪𝙧\u000B sesuai jadwal.\u0000

#𝐁𝐞𝐫𝐢𝐭𝐚 #Disdukcapil #Tapsel`,
  },
  {
    platform: 'instagram',
    id: '18582942667896626',
    shortcode: 'DPCibcJAp9E',
    kind: 'carousel',
    publishedAt: '2026-06-24T06:00:00Z',
    images: [
      'Peserta pelatihan mengupas buah salak di meja panjang.',
      'Instruktur menunjukkan cara mengaduk dodol salak di wajan besar.',
      'Kemasan keripik dan kurma salak hasil pelatihan yang siap dipasarkan.',
    ],
    text: `Pelatihan pengolahan salak bagi 60 pelaku UMKM di Angkola Barat 🍃

Salak Sidimpuan tidak hanya dijual segar. Peserta belajar membuat dodol, keripik, kurma salak, dan sirup, lengkap dengan cara mengemas, mengurus izin PIRT, dan memasarkan secara daring.

Pelatihan ini kerja sama Dinas Koperasi dan UMKM dengan @kominfo_tapsel untuk pemasaran digital.

#SalakTapsel #UMKMTapsel #AngkolaBarat #TapselMaju`,
  },

  // ── Juli 2026 ─────────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'BX-Ng9JB0Kv',
    kind: 'video',
    publishedAt: '2026-07-08T03:00:00Z',
    durationSeconds: 498,
    title: 'Penyerahan Beasiswa Tapsel Cerdas kepada 300 Mahasiswa',
    text: `Bupati Tapanuli Selatan menyerahkan secara simbolis Beasiswa Tapsel Cerdas 2026 kepada 300 mahasiswa asal Tapanuli Selatan di Sipirok, Rabu (8/7/2026).

Penerima berasal dari 15 kecamatan dan kuliah di berbagai perguruan tinggi, termasuk di Padangsidimpuan, Medan, dan Pulau Jawa. Bupati berpesan agar penerima beasiswa kembali membangun kampung halaman setelah lulus.

Daftar penerima: https://tapselkab.go.id/pengumuman/penerima-beasiswa-2026

#Beasiswa #TapselCerdas #Tapsel #TapselMaju`,
  },
  {
    // REMOVED: made private (archived) on Instagram a few days later.
    platform: 'instagram',
    id: '18647137189999548',
    shortcode: 'DSJNXnF5Nk6',
    kind: 'image',
    publishedAt: '2026-07-15T02:30:00Z',
    lastSeenAt: '2026-07-20T02:00:00Z',
    removed: { at: '2026-07-20T03:00:00Z', reason: 'private' },
    images: ['Peserta rapat koordinasi duduk mengelilingi meja di Aula Bappeda.'],
    text: `Rapat koordinasi persiapan HUT ke-81 Republik Indonesia tingkat Kabupaten Tapanuli Selatan

Sekretaris Daerah memimpin rapat pembentukan panitia, jadwal gladi Paskibraka, dan rangkaian lomba rakyat di Aula Bappeda, Sipirok.

#HUTRI81 #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18655834652299872',
    shortcode: 'DYT5aZaDzRJ',
    kind: 'reel',
    publishedAt: '2026-07-23T04:00:00Z',
    durationSeconds: 33,
    portrait: true,
    images: ['Anak-anak berpakaian adat menari tor-tor di panggung sekolah.'],
    text: `Selamat Hari Anak Nasional 2026! 🎈

Anak-anak PAUD dan SD di Sipirok berkreasi lewat lomba mewarnai, menari tor-tor, dan bercerita di Hari Anak Nasional. Anak terlindungi, Indonesia maju! 🇮🇩

#HariAnakNasional #Tapsel #TapselMaju`,
  },

  // ── Agustus 2026 ──────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'Pv2iAPmWNzw',
    kind: 'short',
    publishedAt: '2026-08-15T02:00:00Z',
    durationSeconds: 29,
    title: 'Gladi Bersih Paskibraka Tapsel 2026 #Shorts',
    text: `Gladi bersih terakhir sebelum hari H! Semangat adik-adik Paskibraka Kabupaten Tapanuli Selatan 🇮🇩

#HUTRI81 #Paskibraka #Tapsel #Shorts`,
  },
  {
    platform: 'youtube',
    id: 'XZV-Hn-9HuJ',
    kind: 'video',
    publishedAt: '2026-08-17T03:30:00Z',
    durationSeconds: 1876,
    title: 'Upacara Peringatan HUT ke-81 Republik Indonesia di Kabupaten Tapanuli Selatan',
    text: `Dirgahayu Republik Indonesia! 🇮🇩

Upacara Peringatan Detik-Detik Proklamasi Kemerdekaan Republik Indonesia ke-81 tingkat Kabupaten Tapanuli Selatan berlangsung khidmat di Lapangan Merdeka Sipirok, Senin (17/8/2026). Bupati Tapanuli Selatan bertindak sebagai inspektur upacara.

Pengibaran Sang Merah Putih oleh Paskibraka berjalan lancar. Sore harinya, upacara penurunan bendera dilanjutkan dengan pembagian hadiah lomba rakyat.

Terima kasih kepada seluruh pelajar, ASN, TNI-Polri, dan masyarakat yang hadir.

#HUTRI81 #DirgahayuRI #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18735062337177629',
    shortcode: 'DxT8XENvJ8Z',
    kind: 'carousel',
    publishedAt: '2026-08-18T08:00:00Z',
    images: [
      'Peserta panjat pinang saling menopang untuk meraih hadiah di puncak batang.',
      'Tim ASN beradu tarik tambang di tengah lapangan.',
      'Anak-anak mengikuti lomba balap karung.',
      'Wakil Bupati menyerahkan hadiah kepada para pemenang lomba.',
    ],
    text: `Keseruan lomba rakyat HUT ke-81 RI di Sipirok 🇮🇩

Panjat pinang, tarik tambang antar-OPD, balap karung, dan lomba makan kerupuk meramaikan Lapangan Merdeka Sipirok. Selamat kepada para juara, dan terima kasih warga yang sudah datang!

Galeri lengkap ada di sorotan @prokopim.tapsel.

#HUTRI81 #DirgahayuRI #Sipirok #Tapsel`,
  },

  // ── September 2026 ────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'GRMhULWrwjb',
    kind: 'video',
    publishedAt: '2026-09-09T04:00:00Z',
    durationSeconds: 742,
    title: 'Pelantikan 38 Kepala Desa Hasil Pilkades Serentak 2026',
    text: `Bupati Tapanuli Selatan melantik 38 kepala desa terpilih hasil Pemilihan Kepala Desa (Pilkades) serentak 2026 di Gedung Serbaguna Sipirok, Rabu (9/9/2026).

Para kepala desa diingatkan untuk mengelola dana desa secara transparan, mengumumkan APBDes di papan informasi desa, serta memprioritaskan program penurunan stunting dan ketahanan pangan.

Daftar kepala desa yang dilantik: http://ppid.tapselkab.go.id

#Pilkades2026 #Pelantikan #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18751651494176102',
    shortcode: 'DdNPcr4JPOx',
    kind: 'image',
    publishedAt: '2026-09-16T02:15:00Z',
    portrait: true,
    images: ['Poster Bulan Imunisasi Anak Sekolah dengan ilustrasi petugas kesehatan dan murid SD.'],
    text: `📢 Bulan Imunisasi Anak Sekolah (BIAS) September 2026

Imunisasi gratis untuk siswa kelas 1, 2, dan 5 SD/MI di seluruh Tapanuli Selatan:
💉 Campak-rubela (kelas 1)
💉 Td/difteri-tetanus (kelas 2 dan 5)

Petugas puskesmas akan datang ke sekolah sesuai jadwal. Orang tua cukup menandatangani lembar persetujuan yang dibagikan wali kelas.

Jadwal per sekolah: https://tapselkab.go.id/pengumuman/bias-2026
@dinkes_tapsel

#Vaksinasi #BIAS2026 #TapselSehat #Tapsel`,
  },

  // ── Oktober 2026 ──────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: 'M0vOISmF62-',
    kind: 'video',
    publishedAt: '2026-10-07T03:15:00Z',
    durationSeconds: 583,
    title: 'Panen Raya Salak di Angkola Barat, Bupati Dorong Hilirisasi',
    text: `Bupati Tapanuli Selatan mengikuti panen raya salak bersama kelompok tani di Kecamatan Angkola Barat, Rabu (7/10/2026). Produksi salak tahun ini diperkirakan meningkat setelah program peremajaan kebun dan pendampingan penyuluh pertanian.

Untuk menjaga harga saat panen raya, Pemkab Tapanuli Selatan menggandeng pelaku UMKM pengolah salak dan membuka kerja sama pemasaran ke Padangsidimpuan, Medan, dan Pekanbaru.

#SalakTapsel #AngkolaBarat #UMKMTapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18823754261345689',
    shortcode: 'DCemEuNjxX7',
    kind: 'image',
    publishedAt: '2026-10-21T09:00:00Z',
    images: ['Poster pengumuman hasil akhir seleksi PPPK dengan logo Pemerintah Kabupaten Tapanuli Selatan.'],
    text: `📢 Pengumuman Hasil Akhir Seleksi PPPK Pemkab Tapanuli Selatan 2026

Selamat kepada peserta yang dinyatakan lulus! Daftar nama dan jadwal pemberkasan dapat dilihat di https://tapselkab.go.id/pengumuman/hasil-akhir-pppk-2026

Pemberkasan dilakukan 26 Oktober–6 November 2026 di Kantor BKPSDM Tapanuli Selatan. Hati-hati terhadap pihak yang menjanjikan kelulusan atau meminta imbalan. 🙏

#PPPK #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18858068357269544',
    shortcode: 'D5TENW7jGZd',
    kind: 'carousel',
    publishedAt: '2026-10-28T03:00:00Z',
    images: [
      'Barisan pelajar berseragam mengikuti upacara Hari Sumpah Pemuda.',
      'Bupati menyerahkan piagam penghargaan kepada pemuda pelopor.',
      'Foto bersama perwakilan organisasi kepemudaan di depan Kantor Bupati.',
    ],
    text: `Hari Sumpah Pemuda ke-98: pemuda Tapsel bergerak, bersatu, dan berkarya 🇮🇩

Upacara di halaman Kantor Bupati Tapanuli Selatan diikuti pelajar, mahasiswa, dan organisasi kepemudaan. Usai upacara, Bupati menyerahkan penghargaan kepada pemuda pelopor di bidang lingkungan, kewirausahaan, dan kebencanaan.

#SumpahPemuda #Tapsel #TapselMaju`,
  },

  // ── November 2026 ─────────────────────────────────────────────────────────────────────────────
  {
    platform: 'youtube',
    id: '7hGKsgftgum',
    kind: 'video',
    publishedAt: '2026-11-10T02:30:00Z',
    durationSeconds: 655,
    title: 'Rembuk Stunting Kabupaten Tapanuli Selatan 2026',
    text: `Pemerintah Kabupaten Tapanuli Selatan menggelar Rembuk Stunting 2026 di Sipirok, Selasa (10/11/2026), bersama camat, kepala puskesmas, TP PKK, dan perwakilan desa.

Rembuk membahas hasil penimbangan balita sepanjang tahun, desa dengan kasus tertinggi, serta pembagian peran perangkat daerah untuk tahun 2027: air bersih dan sanitasi, makanan tambahan bergizi, pendampingan ibu hamil, dan edukasi pola asuh.

"Setiap anak Tapanuli Selatan berhak tumbuh sehat dan cerdas," kata Bupati.

Bahan paparan dapat diunduh di http://ppid.tapselkab.go.id

#CegahStunting #TapselSehat #Tapsel #TapselMaju`,
  },
  {
    // VERY LONG CAPTION (about 2,000 characters), close to Instagram's 2,200 limit.
    platform: 'instagram',
    id: '18894300218459543',
    shortcode: 'DhPcGvB5af0',
    kind: 'carousel',
    publishedAt: '2026-11-18T04:30:00Z',
    portrait: true,
    images: [
      'Poster rangkaian acara Hari Jadi Kabupaten Tapanuli Selatan 2026 dengan latar perbukitan Sipirok.',
      'Dokumentasi tahun lalu: peserta jalan sehat memenuhi jalan utama Sipirok pada pagi hari.',
      'Dokumentasi tahun lalu: penabuh gordang sambilan tampil dalam pakaian adat Angkola.',
      'Dokumentasi tahun lalu: deretan tenda bazar UMKM di Lapangan Merdeka Sipirok.',
    ],
    text: `🎉 Rangkaian Peringatan Hari Jadi Kabupaten Tapanuli Selatan 2026 🎉

Horas! Pemerintah Kabupaten Tapanuli Selatan mengundang seluruh masyarakat memeriahkan rangkaian peringatan Hari Jadi Tapanuli Selatan tahun ini dengan tema "Bangkit Bersama, Tapsel Tangguh dan Maju". Berikut jadwal lengkapnya:

📌 Sabtu, 21 November 2026
• 06.30 WIB — Jalan sehat dan senam bersama di Lapangan Merdeka Sipirok (hadiah utama sepeda motor)
• 09.00 WIB — Pembukaan bazar UMKM dan pameran produk unggulan kecamatan
• 15.00 WIB — Pawai budaya dan pakaian adat dari 15 kecamatan

📌 Minggu, 22 November 2026
• 07.00 WIB — Lomba lari 10K Sipirok–Bunga Bondar
• 14.00 WIB — Festival kuliner khas Angkola dan lomba memasak holat

📌 Senin–Rabu, 23–25 November 2026
• Pelayanan administrasi kependudukan keliling (KTP-el, KK, akta kelahiran) di Batang Toru, Marancar, dan Angkola Sangkunur
• Pemeriksaan kesehatan dan cek gula darah gratis di setiap puskesmas

📌 Jumat, 27 November 2026
• 20.00 WIB — Malam kesenian: gordang sambilan, tor-tor, dan penampilan sanggar seni se-Tapanuli Selatan

📌 Senin, 30 November 2026
• 08.00 WIB — Rapat Paripurna DPRD dalam rangka Hari Jadi Kabupaten Tapanuli Selatan
• 10.00 WIB — Penyerahan penghargaan kepada tokoh masyarakat, guru teladan, dan desa terbaik

Seluruh kegiatan GRATIS dan terbuka untuk umum. Warga yang ingin membuka stan di bazar UMKM dapat mendaftar hingga 19 November 2026 melalui https://tapselkab.go.id/pengumuman/hari-jadi-tapsel-2026 atau langsung di Kantor Dinas Koperasi dan UMKM.

Pada Hari Jadi tahun ini kita juga mengenang saudara-saudara kita yang terdampak banjir Batang Toru setahun lalu. Sebagian hasil bazar akan disalurkan untuk pembangunan kembali rumah warga. 🙏

Jadwal dapat berubah menyesuaikan cuaca. Pantau terus pembaruan di akun @prokopim.tapsel dan @kominfo_tapsel, serta situs http://ppid.tapselkab.go.id

Mari rayakan bersama, jaga kebersihan, dan tertib di setiap lokasi acara! 🇮🇩

#HariJadiTapsel #TapselMaju #Tapsel #Sipirok #UMKMTapsel`,
  },
  {
    // POSTER ONLY: the search word (POSTER_ONLY_SEARCH_WORD) is printed only in this poster.
    platform: 'instagram',
    id: '18886930415726018',
    shortcode: 'DjT7wQp2Xa9',
    kind: 'image',
    publishedAt: '2026-11-12T03:30:00Z',
    portrait: true,
    images: [''],
    posters: [poster('pasar-murah')],
    text: `Simak informasi berikut. Sampaikan juga kepada keluarga dan tetangga. 🛒

#PasarMurah #Tapsel #TapselMaju`,
  },
  {
    // POSTER ONLY, in a carousel: the second picture is a photo, the first the poster.
    platform: 'instagram',
    id: '18905377120845562',
    shortcode: 'DkV2mNb6Yc4',
    kind: 'carousel',
    publishedAt: '2026-11-20T01:45:00Z',
    portrait: true,
    images: ['', 'Kader menimbang seorang balita di posyandu desa.'],
    posters: [poster('posyandu')],
    text: `Jadwal layanan bulan ini, simak pada gambar. 👶

#Posyandu #TapselSehat #Tapsel`,
  },
  {
    // UPCOMING LIVE: scheduled after the last sync, so the site shows it as "akan tayang".
    platform: 'youtube',
    id: 'dDL5LjMCOwk',
    kind: 'live',
    publishedAt: '2026-11-24T08:00:00Z',
    live: { status: 'upcoming', scheduledStartAt: '2026-12-03T02:00:00Z' },
    title: 'LIVE: Penyerahan DPA APBD Tahun Anggaran 2027 Kabupaten Tapanuli Selatan',
    text: `Saksikan siaran langsung penyerahan Dokumen Pelaksanaan Anggaran (DPA) APBD Kabupaten Tapanuli Selatan Tahun Anggaran 2027 kepada seluruh perangkat daerah, Kamis, 3 Desember 2026, pukul 09.00 WIB.

Dalam acara ini Bupati juga akan menyampaikan arah prioritas belanja daerah tahun 2027 untuk pemulihan pascabencana, infrastruktur jalan, dan layanan dasar.

Ringkasan APBD 2027: http://ppid.tapselkab.go.id

#APBD2027 #Tapsel #TapselMaju`,
  },
  {
    platform: 'instagram',
    id: '18916138250697682',
    shortcode: 'DUvSyp48Qhf',
    kind: 'image',
    publishedAt: '2026-11-24T10:15:00Z',
    portrait: true,
    images: ['Infografis siaga banjir dan longsor berisi isi tas siaga dan nomor darurat BPBD.'],
    // POSTER: the hotline number and the districts at risk are printed only in the image.
    posters: [poster('banjir')],
    text: `🌧️ Waspada cuaca ekstrem hingga akhir Desember 2026

BMKG memperkirakan curah hujan tinggi di wilayah Tapanuli Selatan dalam beberapa pekan ke depan. Warga yang tinggal di bantaran Sungai Batang Toru dan lereng bukit diminta tetap waspada terhadap banjir dan longsor.

📞 Laporkan kejadian darurat ke Pusdalops BPBD Tapsel atau @bpbd_tapsel.
🎒 Siapkan tas siaga berisi dokumen penting, senter, obat-obatan, dan air minum.

Belajar dari banjir tahun lalu, mari siaga bersama. 🙏

#SiagaBencana #BanjirBatangToru #Tapsel #TapselMaju`,
  },
];
