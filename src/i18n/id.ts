/**
 * Every word a reader sees, in Indonesian. Components import `t` and never write UI text inline, so a
 * translation is one new file of the same shape.
 */
import type { PostKind, RemovalReason } from '../schemas/post.ts';

export const t = {
  lang: 'id',
  skipToContent: 'Langsung ke isi',
  nav: {
    label: 'Navigasi utama',
    home: 'Terbaru',
    archive: 'Arsip',
    accounts: 'Akun',
    hashtags: 'Tagar',
    search: 'Cari',
    transparency: 'Transparansi',
    openData: 'Data terbuka',
  },
  searchForm: {
    label: 'Cari pengumuman',
    placeholder: 'Cari pengumuman…',
    submit: 'Cari',
  },
  sampleNotice:
    'Contoh data: arsip ini berisi unggahan contoh untuk uji coba, bukan pengumuman resmi Pemerintah Kabupaten Tapanuli Selatan.',
  footer: {
    about: 'Arsip publik yang tidak berubah diam-diam: setiap perubahan dan penghapusan dicatat.',
    feeds: 'RSS semua pengumuman',
    source: 'Sumber: YouTube dan Instagram resmi.',
  },
  home: {
    title: 'Pengumuman terbaru',
    pageTitle: (page: number) => `Pengumuman terbaru — halaman ${page}`,
  },
  pagination: {
    label: 'Halaman',
    previous: 'Lebih baru',
    next: 'Lebih lama',
    current: (page: number, total: number) => `Halaman ${page} dari ${total}`,
  },
  kinds: {
    video: 'Video',
    short: 'Video pendek',
    live: 'Siaran langsung',
    image: 'Foto',
    reel: 'Reel',
    carousel: 'Album foto',
  } satisfies Record<PostKind, string>,
  live: {
    upcoming: (when: string) => `Siaran langsung dijadwalkan ${when}`,
    live: 'Sedang tayang langsung',
    completed: 'Rekaman siaran langsung',
  },
  platforms: { youtube: 'YouTube', instagram: 'Instagram' },
  post: {
    untitled: (date: string) => `Unggahan tanpa keterangan, ${date}`,
    publishedOn: 'Diterbitkan',
    by: 'oleh',
    duration: 'Durasi',
    noText: 'Unggahan ini tidak memiliki keterangan.',
    original: (platform: string) => `Lihat di ${platform}`,
    hashtags: 'Tagar',
    mediaPending: 'Gambar ini belum tersimpan di arsip; akan dicoba lagi pada sinkronisasi berikutnya.',
    gallery: (count: number) => `Album ${count} foto`,
    galleryItem: (index: number, count: number) => `Foto ${index} dari ${count}`,
    playVideo: (title: string) => `Putar video: ${title} (memuat pemutar dari YouTube)`,
    videoNotice: 'Pemutar YouTube baru dimuat setelah Anda menekan tombol putar.',
    watchOnInstagram: 'Tonton di Instagram',
    videoFrameTitle: (title: string) => `Pemutar video YouTube: ${title}`,
  },
  share: {
    heading: 'Bagikan',
    whatsapp: 'Bagikan ke WhatsApp',
    whatsappText: (title: string, url: string) => `${title}\n${url}`,
    copy: 'Salin tautan',
    copied: 'Tautan disalin.',
    copyFailed: 'Tautan tidak dapat disalin; salin dari kotak di atas.',
    linkLabel: 'Tautan halaman ini',
  },
  provenance: {
    heading: 'Riwayat arsip',
    firstSeen: 'Pertama diarsipkan',
    lastSeen: 'Terakhir terlihat di platform',
    source: 'Sumber data',
    sources: { 'youtube-data-api-v3': 'YouTube Data API v3', 'instagram-graph-api': 'Instagram Graph API' },
    versionsHeading: (count: number) => `Versi sebelumnya (${count})`,
    replacedAt: (when: string) => `Diganti pada ${when}`,
    earlierTitle: 'Judul',
    earlierText: 'Teks',
    noVersions: 'Teks belum pernah berubah sejak diarsipkan.',
    edited: 'Diubah',
  },
  removal: {
    badge: { deleted: 'Dihapus', private: 'Dijadikan privat', withdrawn: 'Ditarik' } satisfies Record<RemovalReason, string>,
    explain: {
      deleted: (when: string) => `Unggahan ini dihapus dari platform asalnya (diketahui ${when}). Arsip tetap menyimpannya.`,
      private: (when: string) => `Unggahan ini dijadikan privat di platform asalnya (diketahui ${when}). Arsip tetap menyimpannya.`,
      withdrawn: (when: string) => `Unggahan ini ditarik dari tampilan publik oleh pengelola pada ${when}.`,
    } satisfies Record<RemovalReason, (when: string) => string>,
    reasonLabel: 'Alasan',
  },
  archive: {
    title: 'Arsip menurut tanggal',
    intro: 'Semua pengumuman, dikelompokkan menurut bulan terbit (Waktu Indonesia Barat).',
    yearTitle: (year: number) => `Arsip ${year}`,
    monthTitle: (month: string) => `Arsip ${month}`,
    postCount: (count: number) => `${count} pengumuman`,
    backToYear: (year: number) => `Kembali ke arsip ${year}`,
    backToArchive: 'Kembali ke arsip',
  },
  accounts: {
    title: 'Akun yang diarsipkan',
    intro: 'Akun resmi yang unggahannya disalin ke arsip ini.',
    accountTitle: (name: string, platform: string) => `${name} (${platform})`,
    onPlatform: (platform: string) => `Profil di ${platform}`,
    feed: 'RSS akun ini',
  },
  hashtags: {
    title: 'Tagar',
    intro: 'Semua tagar yang dipakai dalam pengumuman, dari yang paling sering.',
    tagTitle: (tag: string) => `#${tag}`,
    feed: 'RSS tagar ini',
  },
  search: {
    title: 'Cari pengumuman',
    intro: 'Cari di seluruh teks pengumuman. Hasil terbaru tampil lebih dulu.',
    noScript: 'Pencarian memerlukan JavaScript. Tanpa JavaScript, telusuri pengumuman melalui',
    noScriptArchive: 'arsip menurut tanggal',
    noScriptHashtags: 'daftar tagar',
    filters: { platform: 'Platform', account: 'Akun', year: 'Tahun' },
  },
  transparency: {
    title: 'Transparansi',
    intro:
      'Arsip ini menyalin setiap unggahan resmi dan tidak mengubahnya diam-diam. Halaman ini mencatat apa yang berubah, apa yang dihapus, dan kapan arsip terakhir diperbarui.',
    lastSync: 'Sinkronisasi terakhir',
    never: 'belum pernah',
    totals: 'Jumlah',
    totalPosts: (count: number) => `${count} unggahan diarsipkan`,
    chartTitle: 'Unggahan per bulan',
    chartDescription: (first: string, last: string, max: number) =>
      `Diagram batang jumlah unggahan per bulan dari ${first} sampai ${last}; paling banyak ${max} dalam sebulan.`,
    chartTableSummary: 'Lihat angka per bulan',
    month: 'Bulan',
    count: 'Jumlah',
    editsHeading: 'Unggahan yang diubah',
    editsNone: 'Belum ada unggahan yang diubah.',
    removalsHeading: 'Unggahan yang dihapus atau ditarik',
    removalsNone: 'Belum ada unggahan yang dihapus.',
    pendingHeading: 'Media yang belum tersimpan',
    pendingNone: 'Semua media sudah tersimpan.',
    changes: (count: number) => `${count} versi sebelumnya`,
    openData: 'Unduh seluruh arsip sebagai data terbuka',
  },
  openData: {
    title: 'Data terbuka',
    intro:
      'Seluruh isi arsip dapat diunduh dan dipakai ulang. Berkas diperbarui setiap kali situs dibangun ulang.',
    json: 'Semua unggahan (JSON, sesuai skema arsip)',
    csv: 'Semua unggahan (CSV, untuk lembar kerja)',
    csvNote:
      'Di CSV, sel yang diawali =, +, - atau @ diberi awalan tanda kutip tunggal agar lembar kerja tidak menjalankannya sebagai rumus.',
    feeds: 'Umpan RSS',
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    body: 'Halaman yang Anda cari tidak ada. Mungkin alamatnya salah ketik.',
    home: 'Kembali ke pengumuman terbaru',
    search: 'Cari pengumuman',
  },
  feed: {
    allTitle: (site: string) => `${site}: semua pengumuman`,
    accountTitle: (site: string, account: string) => `${site}: ${account}`,
    hashtagTitle: (site: string, tag: string) => `${site}: #${tag}`,
  },
} as const;

export type Dictionary = typeof t;
