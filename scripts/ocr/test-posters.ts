/**
 * The posters OCR is measured on (`node scripts/ocr/measure.ts`, and the OCR test): eight designs of the
 * kind a regency office publishes, each with known Indonesian text. Together they cover every poster
 * font, light text on dark and coloured bands, dark text on light panels, headlines up to 120 px, small
 * print down to 20 px, pixel noise and JPEG quality from 55 to 80, square and portrait sizes.
 */
import type { PosterSpec } from '../sample/posters.ts';

const PORTRAIT = { width: 1080, height: 1350 } as const;

export const TEST_POSTERS: readonly PosterSpec[] = [
  {
    seed: 'campak',
    ...PORTRAIT,
    background: ['#0b5d3b', '#1e8f5a'],
    noise: 10,
    quality: 70,
    lines: [
      { text: 'VAKSINASI CAMPAK', font: 'DejaVu Sans', bold: true, size: 84, colour: '#ffffff' },
      { text: 'Kecamatan Batangtoru', font: 'DejaVu Sans', size: 52, colour: '#ffe066' },
      { text: 'Sabtu, 12 Desember 2026', font: 'Liberation Serif', size: 48, colour: '#ffffff', band: '#c62828', spaceBefore: 40 },
      { text: 'Syarat: membawa kartu keluarga dan buku KIA', font: 'Liberation Sans', size: 34, colour: '#222222', panel: '#ffffff', spaceBefore: 40 },
      { text: 'Anak usia 9 bulan sampai 59 bulan', font: 'Liberation Sans', size: 32, colour: '#ffffff' },
      { text: 'Informasi: 0812-6543-2100', font: 'DejaVu Sans Mono', size: 28, colour: '#ffe066' },
      { text: 'Dinas Kesehatan Kabupaten Tapanuli Selatan', font: 'DejaVu Serif', size: 22, colour: '#e0f2e9', spaceBefore: 360 },
    ],
  },
  {
    seed: 'honorer',
    ...PORTRAIT,
    background: ['#fdf6e3', '#f5e1b9'],
    noise: 6,
    quality: 78,
    lines: [
      { text: 'PENGUMUMAN', font: 'Liberation Sans Narrow', bold: true, size: 120, colour: '#b71c1c' },
      { text: 'Penerimaan Honorer Daerah', font: 'Liberation Serif', bold: true, size: 56, colour: '#ffffff', band: '#1565c0' },
      { text: 'Pendaftaran dibuka 5 sampai 20 Januari', font: 'DejaVu Sans', size: 36, colour: '#333333', spaceBefore: 50 },
      { text: 'di Kantor Bupati Sipirok', font: 'DejaVu Sans', size: 36, colour: '#333333' },
      { text: 'Berkas: ijazah, KTP, pasfoto', font: 'Liberation Sans', bold: true, size: 40, colour: '#ffffff', band: '#2e7d32', spaceBefore: 40 },
      { text: 'Narahubung BKPSDM 0634-21045', font: 'Liberation Mono', size: 24, colour: '#555555', spaceBefore: 420 },
    ],
  },
  {
    seed: 'gotong-royong',
    ...PORTRAIT,
    background: ['#263238', '#37474f'],
    noise: 12,
    quality: 65,
    lines: [
      { text: 'Gotong Royong', font: 'DejaVu Serif', bold: true, size: 90, colour: '#ffca28' },
      { text: 'Bersihkan Sungai Batang Toru', font: 'DejaVu Serif', size: 50, colour: '#eceff1' },
      { text: 'Minggu pagi, 07.30 WIB', font: 'Liberation Sans', size: 44, colour: '#263238', band: '#ffca28', spaceBefore: 60 },
      { text: 'Titik kumpul lapangan Desa Hapesong', font: 'Liberation Sans', size: 34, colour: '#cfd8dc', spaceBefore: 40 },
      { text: 'Bawa cangkul, parang dan karung', font: 'Liberation Sans', size: 34, colour: '#cfd8dc' },
      { text: 'Bagian Prokopim Setdakab Tapanuli Selatan', font: 'DejaVu Sans', size: 20, colour: '#90a4ae', spaceBefore: 480 },
    ],
  },
  {
    seed: 'pajak',
    width: 1080,
    height: 1080,
    background: ['#4a148c', '#7b1fa2'],
    noise: 8,
    quality: 60,
    lines: [
      { text: 'BAYAR PAJAK', font: 'Liberation Sans', bold: true, size: 100, colour: '#ffffff' },
      { text: 'BUMI DAN BANGUNAN', font: 'Liberation Sans', bold: true, size: 64, colour: '#ffd54f' },
      { text: 'Jatuh tempo 31 Agustus 2026', font: 'DejaVu Sans', size: 40, colour: '#4a148c', panel: '#ffffff', spaceBefore: 50 },
      { text: 'Bebas denda bagi pembayaran tepat waktu', font: 'Liberation Serif', size: 36, colour: '#f3e5f5', spaceBefore: 30 },
      { text: 'Loket Bapenda, Kantor Bupati lantai dua', font: 'Liberation Serif', size: 36, colour: '#f3e5f5' },
      { text: 'bapenda.tapselkab.go.id', font: 'DejaVu Sans Mono', size: 30, colour: '#ffd54f', spaceBefore: 120 },
    ],
  },
  {
    seed: 'banjir',
    ...PORTRAIT,
    background: ['#ffffff', '#e3f2fd'],
    noise: 14,
    quality: 55,
    lines: [
      { text: 'WASPADA BANJIR', font: 'DejaVu Sans', bold: true, size: 96, colour: '#ffffff', band: '#d32f2f' },
      { text: 'Curah hujan tinggi di Angkola Selatan', font: 'Liberation Sans', size: 40, colour: '#0d47a1', spaceBefore: 50 },
      { text: 'dan Batang Toru sepekan ke depan', font: 'Liberation Sans', size: 40, colour: '#0d47a1' },
      { text: 'Hindari bantaran sungai dan tebing', font: 'Liberation Sans', bold: true, size: 38, colour: '#ffffff', band: '#0d47a1', spaceBefore: 40 },
      { text: 'Posko BPBD siaga dua puluh empat jam', font: 'DejaVu Serif', size: 34, colour: '#212121', spaceBefore: 40 },
      { text: 'Hubungi 0634-7001122 bila ada kejadian', font: 'DejaVu Sans Mono', size: 26, colour: '#424242' },
      { text: 'Badan Penanggulangan Bencana Daerah Tapanuli Selatan', font: 'Liberation Sans Narrow', size: 22, colour: '#616161', spaceBefore: 330 },
    ],
  },
  {
    seed: 'pasar-murah',
    ...PORTRAIT,
    background: ['#e65100', '#ff8f00'],
    noise: 9,
    quality: 72,
    lines: [
      { text: 'Pasar Murah', font: 'Liberation Serif', bold: true, size: 110, colour: '#ffffff' },
      { text: 'Menjelang Hari Raya', font: 'Liberation Serif', size: 56, colour: '#fff3e0' },
      { text: 'Beras, minyak goreng, gula pasir', font: 'DejaVu Sans', bold: true, size: 38, colour: '#e65100', panel: '#fff8e1', spaceBefore: 60 },
      { text: 'Halaman Kantor Camat Sayurmatinggi', font: 'DejaVu Sans', size: 36, colour: '#ffffff', spaceBefore: 40 },
      { text: 'Kamis dan Jumat, pukul 09.00 WIB', font: 'DejaVu Sans', size: 36, colour: '#ffffff' },
      { text: 'Satu kupon untuk satu kepala keluarga', font: 'Liberation Sans', size: 30, colour: '#3e2723', band: '#ffe0b2', spaceBefore: 60 },
      { text: 'Dinas Perindustrian dan Perdagangan', font: 'Liberation Sans', size: 22, colour: '#fff3e0', spaceBefore: 300 },
    ],
  },
  {
    seed: 'beasiswa',
    ...PORTRAIT,
    background: ['#e8f5e9', '#c8e6c9'],
    noise: 7,
    quality: 80,
    lines: [
      { text: 'Beasiswa Mahasiswa', font: 'DejaVu Serif', bold: true, size: 76, colour: '#1b5e20' },
      { text: 'Berprestasi Tahun 2026', font: 'DejaVu Serif', size: 54, colour: '#1b5e20' },
      { text: 'Kuota tiga ratus penerima', font: 'Liberation Sans', bold: true, size: 44, colour: '#ffffff', band: '#388e3c', spaceBefore: 40 },
      { text: 'Unggah transkrip nilai dan surat aktif kuliah', font: 'Liberation Sans', size: 32, colour: '#263238', spaceBefore: 40 },
      { text: 'Seleksi berkas dan wawancara di Sipirok', font: 'Liberation Sans', size: 32, colour: '#263238' },
      { text: 'Batas akhir pendaftaran 15 Februari', font: 'Liberation Mono', bold: true, size: 30, colour: '#b71c1c', spaceBefore: 40 },
      { text: 'Keterangan lengkap di laman resmi pemerintah kabupaten', font: 'DejaVu Sans', size: 20, colour: '#455a64', spaceBefore: 320 },
    ],
  },
  {
    seed: 'posyandu',
    ...PORTRAIT,
    background: ['#006064', '#00838f'],
    noise: 11,
    quality: 62,
    lines: [
      { text: 'POSYANDU', font: 'Liberation Sans Narrow', bold: true, size: 116, colour: '#ffffff' },
      { text: 'Timbang dan ukur balita', font: 'Liberation Sans Narrow', size: 60, colour: '#b2ebf2' },
      { text: 'Setiap tanggal sepuluh', font: 'DejaVu Sans', bold: true, size: 46, colour: '#006064', band: '#ffffff', spaceBefore: 50 },
      { text: 'Pemberian vitamin dan makanan tambahan', font: 'DejaVu Serif', size: 32, colour: '#e0f7fa', spaceBefore: 40 },
      { text: 'Desa Pargarutan dan Desa Sitinjak', font: 'DejaVu Serif', size: 32, colour: '#e0f7fa' },
      { text: 'Kader posyandu 0813-7766-5544', font: 'Liberation Mono', size: 28, colour: '#ffffff', panel: '#00acc1', spaceBefore: 40 },
      { text: 'Puskesmas Pembantu Angkola Timur', font: 'Liberation Sans', size: 21, colour: '#b2ebf2', spaceBefore: 300 },
    ],
  },
];
