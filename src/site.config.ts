/**
 * What an office edits to run its own Warta. Checked on every build and every sync; a mistake stops both
 * with a message that names the setting.
 */
import { parseSiteConfig } from './schemas/site-config.ts';

export const siteConfig = parseSiteConfig({
  name: 'Warta Tapanuli Selatan',
  description:
    'Arsip publik pengumuman Bupati dan Pemerintah Kabupaten Tapanuli Selatan dari YouTube dan Instagram resmi Prokopim.',
  publisher: 'Bagian Protokol dan Komunikasi Pimpinan (Prokopim) Kabupaten Tapanuli Selatan',
  baseUrl: 'https://prokopim-tapsel.github.io/warta/',
  postsPerPage: 12,
  accounts: [
    {
      platform: 'youtube',
      slug: 'youtube-prokopim',
      name: 'Prokopim Tapanuli Selatan',
      handle: 'prokopimtapsel',
      channelId: 'UCq3Tapsel0Prokopim00000',
    },
    {
      platform: 'instagram',
      slug: 'instagram-prokopim',
      name: 'Prokopim Tapsel',
      handle: 'prokopim.tapsel',
      userId: '17841400000000001',
    },
  ],
});
