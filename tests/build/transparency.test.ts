/**
 * The built transparency page states the archive's own record: the last sync, the last full check
 * against the platforms, and for each account whether its whole history is in yet (archive.json).
 */
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../helpers/dist.ts';
import { distFileForPath, readAllPosts, readArchiveState, siteConfig, sitePaths } from '../helpers/repo.ts';

const state = readArchiveState();
const $ = loadHtml(distFileForPath(sitePaths.transparency()));
const facts = new Map(
  $('dl.facts dt')
    .toArray()
    .map((dt) => [$(dt).text().trim(), $(dt).next('dd')] as const),
);

describe('the transparency page', () => {
  it('shows when the last full reconcile finished', () => {
    expect(state.lastFullSyncAt, 'the sample archive records a full reconcile').toBeTruthy();
    expect(facts.get('Pemeriksaan lengkap terakhir')?.find('time').attr('datetime')).toBe(state.lastFullSyncAt);
  });

  it('says for every account with a history record whether its history is complete', () => {
    const posts = readAllPosts();
    const records = siteConfig.accounts.flatMap((account) => {
      const id = account.platform === 'youtube' ? account.channelId : account.userId;
      const walk = state.history?.[`${account.platform}/${id}`];
      return walk ? [{ account, id, walk }] : [];
    });
    expect(records.length, 'the sample records both accounts').toBe(siteConfig.accounts.length);
    for (const { account, id, walk } of records) {
      const row = [...facts].find(([term]) => term.startsWith(`Riwayat ${account.name} `));
      expect(row, `a history row for ${account.name}`).toBeDefined();
      const text = row![1].text().replace(/\s+/g, ' ');
      const archived = posts.filter((post) => post.platform === account.platform && post.account.id === id).length;
      expect(text).toEqual(walk.complete ? expect.stringMatching(/^lengkap: /) : `riwayat belum lengkap: ${archived} unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya`);
    }
  });
});
