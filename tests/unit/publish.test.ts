/** The small decisions the Publish workflow delegates to scripts/publish/. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onlySyncTimeChanged, syncTimeCanWait } from '#scripts/publish/sync-time-only.ts';
import { liveBuildUrl, liveCommit } from '#scripts/publish/live-build.ts';
import { issueBody, planIssue, tokenState, TOKEN_ISSUE_TITLE } from '#scripts/publish/token-issue.ts';
import { emptyPlatformSummary, emptySummary, type SyncSummary } from '#scripts/shared/sync-summary.ts';

const RUN = 'https://github.com/office/warta/actions/runs/42';
const EXPIRES = 'The Instagram token expires in 4 day(s), on 2026-12-01T00:00:00Z. Run `npm run sync -- --refresh-token` (or the workflow\'s refresh) soon.';

function summary(overrides: Partial<SyncSummary> = {}): SyncSummary {
  return { ...emptySummary('2026-11-27T03:00:00Z', 'incremental', false), ...overrides };
}
const withInstagram = (overrides: Partial<SyncSummary> = {}) =>
  summary({ platforms: [emptyPlatformSummary('youtube'), emptyPlatformSummary('instagram')], ...overrides });

describe('tokenState', () => {
  // The summary records the token's state as data (instagramToken), besides the warning's words.
  const tokenWarning = (message: string, expired = false) => ({ warnings: [message], instagramToken: { expiresAt: '2026-12-01T00:00:00Z', expired, message } });

  it('needs attention when the sync warns that the token expires or expired', () => {
    expect(tokenState(withInstagram(tokenWarning(EXPIRES)))).toEqual({ state: 'attention', headline: EXPIRES });
    const expired = 'The Instagram token expired on 2026-11-20T00:00:00Z.';
    expect(tokenState(withInstagram(tokenWarning(expired, true)))).toEqual({ state: 'attention', headline: expired });
  });

  it('decides from the records, not from the words of a warning or a message', () => {
    expect(tokenState(withInstagram({ warnings: ['Something about the Instagram token, in other words'] }))).toEqual({ state: 'fine' });
    const youtubeQuota = { reason: 'quota-exceeded' as const, platform: 'youtube' as const, message: 'YouTube: the daily API quota is spent.', action: '…' };
    const expired = { reason: 'token-expired' as const, platform: 'instagram' as const, message: 'Instagram: the access token has expired.', action: '…' };
    // YouTube stopped first (so it is the run's fatal), Instagram's own stop still counts.
    const both = withInstagram({ fatal: youtubeQuota });
    both.platforms[0]!.fatal = youtubeQuota;
    both.platforms[1]!.fatal = expired;
    expect(tokenState(both)).toEqual({ state: 'attention', headline: expired.message });
    // A YouTube stop says nothing about Instagram's token, which was used without trouble.
    const youtubeOnly = withInstagram({ fatal: youtubeQuota });
    youtubeOnly.platforms[0]!.fatal = youtubeQuota;
    expect(tokenState(youtubeOnly)).toEqual({ state: 'fine' });
  });

  it('needs attention when Instagram refused the token, but not when YouTube refused its key', () => {
    const expired = { reason: 'token-expired' as const, platform: 'instagram' as const, message: 'Instagram: the access token has expired (Session has expired).', action: 'Generate a new token.' };
    expect(tokenState(summary({ fatal: expired }))).toEqual({ state: 'attention', headline: expired.message });
    const refused = { reason: 'invalid-credentials' as const, platform: 'instagram' as const, message: 'Instagram: the access token was refused (Invalid OAuth access token).', action: '…' };
    expect(tokenState(summary({ fatal: refused })).state).toBe('attention');
    const youtube = { reason: 'invalid-credentials' as const, platform: 'youtube' as const, message: 'YouTube: the API key was refused.', action: '…' };
    expect(tokenState(summary({ fatal: youtube })).state).toBe('unknown');
  });

  it('is fine after a run that synced Instagram without a token warning', () => {
    expect(tokenState(withInstagram())).toEqual({ state: 'fine' });
  });

  it('knows nothing from a run that did not reach Instagram, a dry run, or a run stopped by something else', () => {
    expect(tokenState(summary({ platforms: [emptyPlatformSummary('youtube')], notSynced: ['Instagram: skipped, INSTAGRAM_ACCESS_TOKEN is not set.'] }))).toEqual({ state: 'unknown' });
    expect(tokenState(withInstagram({ dryRun: true })).state).toBe('unknown');
    expect(tokenState(withInstagram({ fatal: { reason: 'unavailable', platform: 'instagram', message: 'Instagram: HTTP 500', action: '…' } })).state).toBe('unknown');
    expect(tokenState(summary()).state).toBe('unknown');
  });
});

describe('planIssue', () => {
  const attention = { state: 'attention' as const, headline: EXPIRES };

  it('opens one issue when none is open', () => {
    const action = planIssue(attention, undefined, RUN);
    expect(action).toEqual({ kind: 'create', title: TOKEN_ISSUE_TITLE, body: issueBody(EXPIRES, RUN) });
    if (action.kind !== 'create') throw new Error('unreachable');
    expect(action.body.split('\n', 1)[0]).toBe(`**${EXPIRES}**`);
    expect(action.body).toContain('refresh-token');
    expect(action.body).toContain('INSTAGRAM_ACCESS_TOKEN');
    expect(action.body).toContain(RUN);
  });

  it('leaves the open issue alone while the news is the same, from run to run', () => {
    const open = { number: 7, body: issueBody(EXPIRES, 'https://github.com/office/warta/actions/runs/41') };
    expect(planIssue(attention, open, RUN)).toMatchObject({ kind: 'none' });
  });

  it('updates the open issue and comments once when the news changes', () => {
    const open = { number: 7, body: issueBody(EXPIRES.replace('4 day(s)', '5 day(s)'), RUN) };
    expect(planIssue(attention, open, RUN)).toEqual({ kind: 'update', number: 7, body: issueBody(EXPIRES, RUN), comment: `Now: ${EXPIRES}` });
  });

  it('closes the open issue when the token is fine again, and does nothing when it does not know', () => {
    const open = { number: 7, body: issueBody(EXPIRES, RUN) };
    expect(planIssue({ state: 'fine' }, open, RUN)).toMatchObject({ kind: 'close', number: 7 });
    expect(planIssue({ state: 'fine' }, undefined, RUN)).toMatchObject({ kind: 'none' });
    expect(planIssue({ state: 'unknown' }, open, RUN)).toMatchObject({ kind: 'none' });
  });
});

describe('the token-issue command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warta-token-issue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(import.meta.dirname, '../../scripts/publish/token-issue.ts');

  it('plans without calling GitHub on --dry-run, and shrugs at a missing summary', () => {
    const file = join(dir, 'summary.json');
    writeFileSync(file, JSON.stringify(withInstagram({ warnings: [EXPIRES], instagramToken: { expiresAt: '2026-12-01T00:00:00Z', expired: false, message: EXPIRES } })));
    const planned = JSON.parse(execFileSync(process.execPath, [script, '--dry-run', file], { encoding: 'utf8', env: { ...process.env, GITHUB_REPOSITORY: '' } }));
    expect(planned).toMatchObject({ kind: 'create', title: TOKEN_ISSUE_TITLE });
    const missing = execFileSync(process.execPath, [script, join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(missing).toContain('nothing to report');
  });
});

describe('onlySyncTimeChanged', () => {
  const state = (fields: Record<string, unknown>) => JSON.stringify({ schemaVersion: 1, sample: false, lastSyncAt: '2026-11-27T03:00:00Z', ...fields }, null, 2);

  it('is true when only lastSyncAt moved', () => {
    expect(onlySyncTimeChanged(state({}), state({ lastSyncAt: '2026-11-27T03:30:00Z' }))).toBe(true);
  });

  it('is false for any other change, a new file, or text that is not JSON', () => {
    expect(onlySyncTimeChanged(state({}), state({ instagram: { tokenExpiresAt: '2027-01-26T00:00:00Z' } }))).toBe(false);
    expect(onlySyncTimeChanged(state({}), state({ youtube: { channelId: 'UC', uploadsPlaylistId: 'UU' }, lastSyncAt: '2026-11-27T03:30:00Z' }))).toBe(false);
    expect(onlySyncTimeChanged(undefined, state({}))).toBe(false);
    expect(onlySyncTimeChanged('{', state({}))).toBe(false);
    // The weekly full reconcile's mark is a real change: it keeps a quiet account's schedule alive.
    expect(onlySyncTimeChanged(state({}), state({ lastFullSyncAt: '2026-11-29T19:17:00Z', lastSyncAt: '2026-11-29T19:20:00Z' }))).toBe(false);
    expect(onlySyncTimeChanged('null', 'null')).toBe(false);
  });
});

describe('syncTimeCanWait', () => {
  const state = (lastSyncAt: string, fields: Record<string, unknown> = {}) => JSON.stringify({ schemaVersion: 1, sample: false, lastSyncAt, ...fields });

  it('leaves a moved sync time uncommitted within a day of the committed one', () => {
    expect(syncTimeCanWait(state('2026-11-27T03:00:00Z'), state('2026-11-27T03:30:00Z'))).toBe(true);
    expect(syncTimeCanWait(state('2026-11-27T03:00:00Z'), state('2026-11-28T00:59:00Z'))).toBe(true);
  });

  it('commits it once the committed one is 22 hours old, so the published "last sync" is never a day old', () => {
    expect(syncTimeCanWait(state('2026-11-27T03:00:00Z'), state('2026-11-28T01:00:00Z'))).toBe(false);
    expect(syncTimeCanWait(state('2026-11-20T03:00:00Z'), state('2026-11-28T01:00:00Z'))).toBe(false);
  });

  it('commits any other change, and a time it cannot read', () => {
    expect(syncTimeCanWait(state('2026-11-27T03:00:00Z'), state('2026-11-27T03:30:00Z', { instagram: { tokenExpiresAt: '2027-01-26T00:00:00Z' } }))).toBe(false);
    expect(syncTimeCanWait(state('yesterday'), state('2026-11-27T03:30:00Z'))).toBe(false);
    expect(syncTimeCanWait(undefined, state('2026-11-27T03:30:00Z'))).toBe(false);
  });
});

describe('the live build record', () => {
  const HEAD = 'c'.repeat(40);
  const record = (fields: Record<string, unknown> = {}) =>
    JSON.stringify({ commit: HEAD, uncommittedChanges: false, repository: 'office/warta', repositoryUrl: 'https://github.com/office/warta', ...fields });

  it('is data/build.json under the configured base URL', () => {
    expect(liveBuildUrl('https://office.github.io/warta/')).toBe('https://office.github.io/warta/data/build.json');
    expect(liveBuildUrl('https://arsip.tapselkab.go.id')).toBe('https://arsip.tapselkab.go.id/data/build.json');
  });

  it('names its commit only for a clean build of this repository', () => {
    expect(liveCommit(record(), 'office/warta')).toBe(HEAD);
    expect(liveCommit(record(), 'Office/Warta')).toBe(HEAD);
    expect(liveCommit(record({ repository: 'other/warta' }), 'office/warta')).toBeUndefined();
    expect(liveCommit(record({ uncommittedChanges: true }), 'office/warta')).toBeUndefined();
    expect(liveCommit(record({ commit: null }), 'office/warta')).toBeUndefined();
    expect(liveCommit(record({ commit: 'HEAD' }), 'office/warta')).toBeUndefined();
    expect(liveCommit('<!doctype html><title>404</title>', 'office/warta')).toBeUndefined();
    expect(liveCommit('', 'office/warta')).toBeUndefined();
  });
});
