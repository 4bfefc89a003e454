import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withdrawnPageUrls } from '#site/lib/withdrawn-pages-fs.ts';
import { withdrawalFile } from '#archive/layout.ts';
import { withdrawalSchema, type Withdrawal } from '#archive/withdrawal.ts';
import { changeEvents } from '#site/utils/changes.ts';
import { applyWithdrawals } from '#site/utils/withdrawals.ts';
import { makePost, makeVideo } from '../fixtures/posts.ts';

const withdrawal: Withdrawal = {
  schemaVersion: 1,
  platform: 'instagram',
  id: '17895695668004550',
  withdrawnAt: '2026-11-01T00:00:00Z',
  reason: 'Memuat data pribadi warga.',
};

describe('withdrawal files', () => {
  it('need a valid id and a real reason', () => {
    expect(withdrawalSchema.safeParse(withdrawal).success).toBe(true);
    expect(withdrawalSchema.safeParse({ ...withdrawal, id: '../x' }).success).toBe(false);
    expect(withdrawalSchema.safeParse({ ...withdrawal, reason: 'x' }).success).toBe(false);
  });

  it('mark the named post withdrawn and report withdrawals naming no post', () => {
    const stray = { ...withdrawal, id: '1' };
    const { posts, unmatched } = applyWithdrawals([makePost(), makeVideo()], [withdrawal, stray]);
    expect(posts[0]!.provenance.removed).toEqual({ at: withdrawal.withdrawnAt, reason: 'withdrawn', note: withdrawal.reason });
    expect(posts[1]!.provenance.removed).toBeUndefined();
    expect(unmatched).toEqual([stray]);
  });

  it('give the sitemap the addresses to leave out', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'warta-withdrawals-'));
    try {
      expect((await withdrawnPageUrls(content, 'https://example.org/warta/')).size).toBe(0);
      const file = path.join(content, withdrawalFile(withdrawal.platform, withdrawal.id));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(withdrawal));
      expect([...(await withdrawnPageUrls(content, 'https://example.org/warta/'))]).toEqual(['https://example.org/warta/pos/instagram/17895695668004550/']);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});

describe('changeEvents', () => {
  it('lists edits, removals and withdrawals newest first, hiding a withdrawn post\u2019s earlier texts', () => {
    const edited = makeVideo({
      provenance: {
        ...makeVideo().provenance,
        versions: [
          { title: 'A', text: 'a', replacedAt: '2026-04-01T00:00:00Z' },
          { title: 'B', text: 'b', replacedAt: '2026-06-01T00:00:00Z' },
        ],
        removed: { at: '2026-07-01T00:00:00Z', reason: 'deleted' },
      },
    });
    const base = makePost();
    const withdrawnPost = applyWithdrawals(
      [{ ...base, provenance: { ...base.provenance, versions: [{ title: 'Rahasia', text: 'x', replacedAt: '2026-05-01T00:00:00Z' }] } }],
      [withdrawal],
    ).posts[0]!;
    const events = changeEvents([edited, withdrawnPost]);
    expect(events.map((event) => [event.type, event.at])).toEqual([
      ['withdrawn', '2026-11-01T00:00:00Z'],
      ['removed', '2026-07-01T00:00:00Z'],
      ['edited', '2026-06-01T00:00:00Z'],
      ['edited', '2026-04-01T00:00:00Z'],
    ]);
    expect(JSON.stringify(events.filter((event) => event.type === 'edited'))).not.toContain('Rahasia');
  });
});
