/** The transparency page's facts, rendered through Astro's container API with the states a real archive passes through. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import ArchiveFacts from '#site/components/ArchiveFacts.astro';
import { accountHistories } from '#site/utils/history.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const accounts = [
  { platform: 'youtube' as const, id: 'UCq3Tapsel0Prokopim00000', name: 'Prokopim Tapsel' },
  { platform: 'instagram' as const, id: '17841400000000001', name: 'prokopim.tapsel' },
];
const posts = [
  ...Array.from({ length: 47 }, () => ({ platform: 'youtube' as const, account: { id: accounts[0]!.id, handle: 'x', name: 'x' } })),
  ...Array.from({ length: 3 }, () => ({ platform: 'instagram' as const, account: { id: accounts[1]!.id, handle: 'x', name: 'x' } })),
];

/** The rendered facts as [term, description] pairs, whitespace collapsed. */
async function facts(props: { state: { lastSyncAt: string | null; lastFullSyncAt?: string | null | undefined }; total: number; histories: ReturnType<typeof accountHistories> }) {
  const html = await container.renderToString(ArchiveFacts, { props });
  const $ = cheerio.load(html);
  return $('dt')
    .toArray()
    .map((dt) => [$(dt).text().trim(), $(dt).next('dd').text().replace(/\s+/g, ' ').trim()]);
}

describe('ArchiveFacts', () => {
  it('says while an account’s history is incomplete, with the count archived so far', async () => {
    const state = {
      lastSyncAt: '2026-11-30T03:00:00Z',
      lastFullSyncAt: null,
      history: {
        [`youtube/${accounts[0]!.id}`]: { complete: false, resumeFrom: 'EAAaBlBUOkNESQ', startedAt: '2026-11-30T02:00:00Z', completedAt: null },
        [`instagram/${accounts[1]!.id}`]: { complete: true, resumeFrom: null, startedAt: '2026-11-30T02:00:00Z', completedAt: '2026-11-30T02:30:00Z' },
      },
    };
    const rows = await facts({ state, total: posts.length, histories: accountHistories(accounts, state.history, posts) });
    expect(rows).toEqual([
      ['Sinkronisasi terakhir', '30 November 2026, 10.00 WIB'],
      ['Pemeriksaan lengkap terakhir', 'belum pernah'],
      ['Jumlah', '50 unggahan diarsipkan'],
      ['Riwayat Prokopim Tapsel (YouTube)', 'riwayat belum lengkap: 47 unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya'],
      ['Riwayat prokopim.tapsel (Instagram)', 'lengkap: seluruh unggahan sampai yang tertua sudah diarsipkan (diperiksa 30 November 2026, 09.30 WIB)'],
    ]);
  });

  it('shows the last full check, and nothing per account where the sync keeps no history record', async () => {
    const state = { lastSyncAt: '2026-11-30T03:00:00Z', lastFullSyncAt: '2026-11-29T19:17:00Z', history: undefined };
    const rows = await facts({ state, total: 50, histories: accountHistories(accounts, state.history, posts) });
    expect(rows).toEqual([
      ['Sinkronisasi terakhir', '30 November 2026, 10.00 WIB'],
      ['Pemeriksaan lengkap terakhir', '30 November 2026, 02.17 WIB'],
      ['Jumlah', '50 unggahan diarsipkan'],
    ]);
  });
});
