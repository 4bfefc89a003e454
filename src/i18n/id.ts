/**
 * Every word a reader sees, in Indonesian. Components import `t` and never write UI text inline, so a
 * translation is one new file of the same shape.
 */
import type { PostKind, RemovalReason } from '#archive/post.ts';

/**
 * The search page's words that its script shows in the browser. A separate export of this module, so the
 * script bundles these few and not the whole dictionary; `t.search.live` is the same object.
 */
export const searchLive = {
  searching: 'Mencari…',
  results: (count: number, query: string) =>
    query ? `${count.toLocaleString('id-ID')} hasil untuk “${query}”.` : `${count.toLocaleString('id-ID')} pengumuman.`,
  /** Results of the newest years only (`from`–`to`); older years are searched when the reader asks for more. */
  resultsSoFar: (count: number, query: string, from: string, to: string) =>
    `${count.toLocaleString('id-ID')} ${query ? `hasil untuk “${query}”` : 'pengumuman'} dari tahun ${from === to ? to : `${from}–${to}`}. Tahun sebelumnya dicari bila Anda menampilkan lebih banyak.`,
  none: (query: string) =>
    query ? `Tidak ada hasil untuk “${query}”. Coba kata lain, atau kurangi saringan.` : 'Tidak ada pengumuman dengan saringan ini.',
  more: 'Tampilkan lebih banyak',
} as const;

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
  imageText: {
    /** The collapsed section under a post's images; says plainly that a machine read it. */
    heading: 'Teks pada gambar — dibaca otomatis, bisa keliru',
    /** Before each image's text when a post has several images. */
    item: (index: number, count: number) => `Gambar ${index} dari ${count}`,
    /** Alt text of a poster the platform gave no description for. */
    alt: (text: string) => `Gambar bertuliskan: ${text}`,
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
    earlierMedia: 'Gambar',
    mediaChanged: ({ removed, added, before, after }: { removed: number; added: number; before: number; after: number }) =>
      [
        removed > 0 ? `${removed} dihapus` : '',
        added > 0 ? `${added} ditambahkan` : '',
        removed === 0 && added === 0 ? 'urutan diubah' : '',
      ]
        .filter(Boolean)
        .join(', ') + ` (${before} gambar sebelumnya, ${after} sesudahnya; berkas yang dihapus tetap disimpan di arsip).`,
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
    withdrawnTitle: 'Unggahan ditarik',
    withdrawnWhat: (platform: string, date: string) => `Unggahan ${platform} yang diterbitkan ${date}.`,
    withdrawnArchive:
      'Catatan aslinya tetap tersimpan dalam riwayat arsip (git), tetapi tidak lagi ditampilkan, dicari, atau dibagikan di situs ini.',
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
    queryLabel: 'Kata yang dicari',
    submit: 'Cari',
    filtersLegend: 'Saring hasil',
    filters: { platform: 'Platform', akun: 'Akun', tahun: 'Tahun' },
    anyValue: 'Semua',
    noScript: 'Pencarian memerlukan JavaScript. Tanpa JavaScript, telusuri pengumuman melalui',
    browseArchive: 'arsip menurut tanggal',
    browseAccounts: 'daftar akun',
    browseHashtags: 'daftar tagar',
    failed: 'Pencarian tidak dapat dimuat. Periksa koneksi lalu coba lagi, atau telusuri pengumuman melalui',
    live: searchLive,
  },
  transparency: {
    title: 'Transparansi',
    intro:
      'Arsip ini menyalin setiap unggahan resmi dan tidak mengubahnya diam-diam. Halaman ini mencatat apa yang berubah, apa yang dihapus, dan kapan arsip terakhir diperbarui.',
    lastSync: 'Sinkronisasi terakhir',
    lastFullSync: 'Pemeriksaan lengkap terakhir',
    never: 'belum pernah',
    historyOf: (account: string, platform: string) => `Riwayat ${account} (${platform})`,
    historyComplete: (date: string) => `lengkap: seluruh unggahan sampai yang tertua sudah diarsipkan (diperiksa ${date})`,
    historyIncomplete: (count: number) =>
      `riwayat belum lengkap: ${count} unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya`,
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
    changesFeed: 'RSS perubahan arsip (diubah, dihapus, ditarik)',
    verifyHeading: 'Memeriksa keaslian salinan',
    verifyIntro:
      'Berkas asli arsip (post.json dan gambar aslinya) tersimpan di repositori git arsip ini, di folder content/, lengkap dengan riwayat setiap perubahan. Situs ini menerbitkan sidik jari SHA-256 setiap berkas itu dan setiap berkas data terbuka, sehingga siapa pun dapat memeriksa bahwa salinannya sama persis.',
    verifyManifest: 'Sidik jari data terbuka (manifest-sha256.txt)',
    verifyRecord: 'Sidik jari berkas asli arsip (record-sha256.txt)',
    verifyHow:
      'Cara memeriksa data terbuka: unduh manifest-sha256.txt dan berkas yang ingin diperiksa (posts.json, posts.csv, build.json, record-sha256.txt) ke satu folder, lalu jalankan',
    verifyRecordHow: 'Cara memeriksa berkas asli: salin (clone) repositori git arsip, lalu di folder utamanya jalankan',
    verifyResult: 'Setiap baris harus berakhir dengan “OK”.',
    buildHeading: 'Versi situs ini',
    buildCommit: 'Situs ini dibangun dari commit',
    buildUncommitted: 'ditambah perubahan yang belum di-commit (bukan versi yang diterbitkan otomatis)',
    buildUnknown: 'Commit asal situs ini tidak tercatat: situs dibangun di luar repositori git.',
    buildRecord: 'Catatan versi (build.json)',
    attestationIntro:
      'Setiap kali situs diterbitkan, GitHub Actions menandatangani sidik jari berkas data terbuka (atestasi asal-usul build). Untuk memastikan manifest-sha256.txt yang Anda unduh diterbitkan oleh alur kerja repositori arsip ini dan tidak diubah, jalankan dengan GitHub CLI',
    attestationThen: 'Setelah itu, periksa berkas lain dengan manifest tersebut seperti di atas.',
    repositoryPlaceholder: 'PEMILIK/REPOSITORI',
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
    manifest: 'Sidik jari SHA-256 data terbuka (manifest-sha256.txt)',
    record: 'Sidik jari SHA-256 berkas asli arsip di repositori (record-sha256.txt)',
    build: 'Commit repositori yang menjadi sumber situs ini (build.json)',
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    body: 'Halaman yang Anda cari tidak ada. Mungkin alamatnya salah ketik.',
    home: 'Kembali ke pengumuman terbaru',
    search: 'Cari pengumuman',
  },
  feed: {
    changesTitle: (site: string) => `${site}: perubahan arsip`,
    changesDescription: 'Setiap unggahan yang diubah, dihapus dari platform asal, atau ditarik oleh pengelola.',
    editedItem: (title: string) => `Diubah: ${title}`,
    editedLead: (title: string) => `Sebelumnya berjudul “${title}”. Teks sebelumnya:`,
    editedBody: (title: string, text: string) => `Sebelumnya berjudul “${title}”. Teks sebelumnya: ${text}`,
    removedItem: (title: string, reason: string) => `${reason}: ${title}`,
    withdrawnItem: (platform: string, date: string) => `Ditarik oleh pengelola: unggahan ${platform} ${date}`,
    allTitle: (site: string) => `${site}: semua pengumuman`,
    accountTitle: (site: string, account: string) => `${site}: ${account}`,
    hashtagTitle: (site: string, tag: string) => `${site}: #${tag}`,
  },
} as const;

export type Dictionary = typeof t;
