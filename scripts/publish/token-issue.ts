/**
 * `node scripts/publish/token-issue.ts [--dry-run] SUMMARY.json`: keeps ONE open GitHub issue, labelled
 * `instagram-token`, for as long as the Instagram token needs a person (it expires within 10 days, has
 * expired, or was refused), and closes it when a later run syncs Instagram without that trouble.
 *
 * Run by the Publish workflow after every sync, with `gh` authenticated by GH_TOKEN and the repository
 * named by GITHUB_REPOSITORY. The issue is created once, commented on only when its headline changes
 * (about once a day while the days count down), and never duplicated.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fatalsOf, readSyncSummary, type SyncSummary } from '../shared/sync-summary.ts';
import { FriendlyValidationError } from '#archive/parse.ts';

export const TOKEN_ISSUE_LABEL = 'instagram-token';
export const TOKEN_ISSUE_TITLE = 'Instagram access token needs attention';

export type TokenState =
  /** A person must act; `headline` is the sync's own words. */
  | { state: 'attention'; headline: string }
  /** Instagram was synced and said nothing about its token. */
  | { state: 'fine' }
  /** This run did not talk to Instagram (no credentials, a YouTube failure first, a token refresh): no news. */
  | { state: 'unknown' };

/** What this run says about the Instagram token, from the summary's records (never from message text). */
export function tokenState(summary: SyncSummary): TokenState {
  const instagramStops = fatalsOf(summary).filter((fatal) => fatal.platform === 'instagram');
  const refused = instagramStops.find((fatal) => fatal.reason === 'token-expired' || fatal.reason === 'invalid-credentials');
  if (refused) return { state: 'attention', headline: refused.message.trim() };
  if (summary.instagramToken) return { state: 'attention', headline: summary.instagramToken.message.trim() };
  const synced = summary.platforms.some((platform) => platform.platform === 'instagram');
  if (synced && instagramStops.length === 0 && !summary.dryRun) return { state: 'fine' };
  return { state: 'unknown' };
}

/** The issue's text: the headline first (it is how a later run tells whether anything changed). */
export function issueBody(headline: string, runUrl: string | undefined): string {
  return [
    `**${headline}**`,
    '',
    'The sync reads Instagram with a long-lived access token, which lasts 60 days. When it expires, new',
    'Instagram posts stop reaching the archive (YouTube goes on).',
    '',
    '**What to do**',
    '',
    '- Token not expired yet: open *Actions → Publish → Run workflow* and choose the mode `refresh-token`.',
    '  That extends it by 60 days and records the new expiry in `content/archive.json`.',
    '- Token expired or refused: generate a new long-lived token (README, "An Instagram token"), save it as',
    '  the repository secret `INSTAGRAM_ACCESS_TOKEN`, and a day later run the workflow with `refresh-token`',
    '  once so that the new expiry is recorded (Instagram refreshes only tokens at least 24 hours old).',
    '',
    'The Publish workflow keeps this issue up to date and closes it when a run finds the token fine.',
    ...(runUrl ? ['', `Last reported by ${runUrl}`] : []),
    '',
  ].join('\n');
}

export interface OpenIssue {
  number: number;
  body: string;
}

export type IssueAction =
  | { kind: 'none'; reason: string }
  | { kind: 'create'; title: string; body: string }
  | { kind: 'update'; number: number; body: string; comment: string }
  | { kind: 'close'; number: number; comment: string };

/** What to do with the tracking issue, given this run's news and the issue already open (if any). */
export function planIssue(state: TokenState, open: OpenIssue | undefined, runUrl: string | undefined): IssueAction {
  if (state.state === 'unknown') return { kind: 'none', reason: 'this run did not check the Instagram token' };
  if (state.state === 'fine') {
    return open
      ? { kind: 'close', number: open.number, comment: `A sync synced Instagram without any token warning${runUrl ? ` (${runUrl})` : ''}. Closing.` }
      : { kind: 'none', reason: 'the Instagram token is fine' };
  }
  const body = issueBody(state.headline, runUrl);
  if (!open) return { kind: 'create', title: TOKEN_ISSUE_TITLE, body };
  if (open.body.split('\n', 1)[0] === body.split('\n', 1)[0]) return { kind: 'none', reason: `issue #${open.number} already says this` };
  return { kind: 'update', number: open.number, body, comment: `Now: ${state.headline}` };
}

function gh(args: string[], input?: string): string {
  return execFileSync('gh', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'inherit'] });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true });
  const [file] = positionals;
  if (!file) {
    console.error('Usage: node scripts/publish/token-issue.ts [--dry-run] SUMMARY.json');
    return 1;
  }
  let summary: SyncSummary;
  try {
    summary = await readSyncSummary(file);
  } catch (error) {
    if (error instanceof FriendlyValidationError) {
      console.error(`token-issue: ${error.message}`);
      return 1;
    }
    console.log(`token-issue: no readable summary at ${file}; nothing to report.`);
    return 0;
  }
  const repo = process.env.GITHUB_REPOSITORY;
  const runUrl =
    process.env.GITHUB_SERVER_URL && repo && process.env.GITHUB_RUN_ID
      ? `${process.env.GITHUB_SERVER_URL}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
      : undefined;
  const state = tokenState(summary);
  const dryRun = values['dry-run'];
  if (!dryRun && !repo) {
    console.error('token-issue: GITHUB_REPOSITORY is not set (run it in GitHub Actions, or with --dry-run).');
    return 1;
  }
  const repoArgs = ['--repo', repo ?? ''];

  let open: OpenIssue | undefined;
  if (!dryRun && state.state !== 'unknown') {
    const listed = JSON.parse(
      gh(['issue', 'list', ...repoArgs, '--label', TOKEN_ISSUE_LABEL, '--state', 'open', '--json', 'number,body', '--limit', '1']),
    ) as OpenIssue[];
    open = listed[0];
  }
  const action = planIssue(state, open, runUrl);
  if (dryRun) {
    console.log(JSON.stringify(action, null, 2));
    return 0;
  }
  switch (action.kind) {
    case 'none':
      console.log(`token-issue: nothing to do (${action.reason}).`);
      break;
    case 'create':
      gh(['label', 'create', TOKEN_ISSUE_LABEL, ...repoArgs, '--color', 'D93F0B', '--description', 'The Instagram access token needs a person', '--force']);
      console.log(gh(['issue', 'create', ...repoArgs, '--title', action.title, '--label', TOKEN_ISSUE_LABEL, '--body-file', '-'], action.body).trim());
      break;
    case 'update':
      gh(['issue', 'edit', String(action.number), ...repoArgs, '--body-file', '-'], action.body);
      gh(['issue', 'comment', String(action.number), ...repoArgs, '--body-file', '-'], action.comment);
      console.log(`token-issue: updated issue #${action.number}.`);
      break;
    case 'close':
      gh(['issue', 'close', String(action.number), ...repoArgs, '--comment', action.comment]);
      console.log(`token-issue: closed issue #${action.number}.`);
      break;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
