/**
 * `node scripts/commit-message.ts [--markdown | --annotations] SUMMARY.json`: turns a sync summary (the
 * JSON that `npm run sync` writes to `.cache/sync-summary.json`) into the message of the commit that
 * records the run in git; with `--markdown`, into the run's summary page on GitHub Actions; with
 * `--annotations`, into workflow commands that mark the run with its errors and warnings.
 *
 * The commit subject counts what a reader of `git log` cares about (new, edited, removed, restored and
 * otherwise updated posts, per platform) in at most 72 characters; the body says everything else the
 * summary knows: the run mode, items skipped and why, warnings, and where a stopped run stopped.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FriendlyValidationError } from '#archive/parse.ts';
import { anyReading, readingLine, unreadLine } from './ocr/backlog.ts';
import { historyIncompleteLine, isSyncSummary, readSyncSummary, type PlatformSummary, type SyncSummary } from './shared/sync-summary.ts';

/** Longest subject line `git log --oneline` and most tools show whole. */
export const SUBJECT_MAX = 72;

/** The counts a commit names, in the order it names them (`unchanged` and `skipped` go in the body). */
const CHANGES = ['new', 'edited', 'removed', 'restored', 'updated'] as const;
type Change = (typeof CHANGES)[number];
type Counts = Record<Change, number>;

function countsOf(platform: PlatformSummary): Counts {
  return { new: platform.new, edited: platform.edited, removed: platform.removed, restored: platform.restored, updated: platform.updated };
}

function totals(summary: SyncSummary): Counts {
  const sum: Counts = { new: 0, edited: 0, removed: 0, restored: 0, updated: 0 };
  for (const platform of summary.platforms) for (const change of CHANGES) sum[change] += platform[change];
  return sum;
}

/** "3 new, 1 edited" (only the counts that are not zero), or "" when nothing changed. */
function describe(counts: Counts): string {
  return CHANGES.filter((change) => counts[change] > 0)
    .map((change) => `${counts[change]} ${change}`)
    .join(', ');
}

/** One line, printable: text from an API (ids, reasons) never breaks a line or carries control characters. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function subjectPrefix(summary: SyncSummary): string {
  if (summary.fatal) return 'sync (stopped):';
  if (summary.dryRun) return 'sync (dry run):';
  return 'sync:';
}

function fit(line: string): string {
  return line.length <= SUBJECT_MAX ? line : `${line.slice(0, SUBJECT_MAX - 1)}…`;
}

/**
 * The subject line: the totals, then each platform's own counts, e.g.
 * `sync: 3 new, 1 edited (youtube: 2 new; instagram: 1 new, 1 edited)`. When that is longer than
 * {@link SUBJECT_MAX}, the per-platform part shrinks to the names of the platforms that changed, then goes.
 */
export function commitSubject(summary: SyncSummary): string {
  const prefix = subjectPrefix(summary);
  const total = describe(totals(summary));
  const read = summary.ocr?.read ?? 0;
  if (!total) return fit(read ? `${prefix} text read in ${read} image(s)` : `${prefix} no changes`);
  const changed = summary.platforms.filter((platform) => describe(countsOf(platform)));
  const candidates = [
    `${prefix} ${total} (${changed.map((platform) => `${platform.platform}: ${describe(countsOf(platform))}`).join('; ')})`,
    `${prefix} ${total} (${changed.map((platform) => platform.platform).join(', ')})`,
    `${prefix} ${total}`,
  ];
  return fit(candidates.find((candidate) => candidate.length <= SUBJECT_MAX) ?? candidates[candidates.length - 1]!);
}

function modeLine(summary: SyncSummary): string {
  const mode =
    summary.mode === 'full'
      ? 'full reconcile (the whole history: edits and removals)'
      : 'incremental (the newest posts, down to the first one already archived)';
  return `Mode: ${mode}${summary.dryRun ? ', dry run (nothing was written)' : ''}.`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function platformLine(platform: PlatformSummary): string {
  return (
    `${platform.platform}: ${platform.new} new, ${platform.edited} edited, ${platform.removed} removed, ` +
    `${platform.restored} restored, ${platform.updated} updated, ${platform.unchanged} unchanged, ${platform.skipped.length} skipped`
  );
}

function requestsLine(summary: SyncSummary): string {
  const requests = Object.entries(summary.requests)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, count]) => `${endpoint} ${count}`);
  return `API requests: ${requests.length ? requests.join(', ') : 'none'}.`;
}

function mediaLine(summary: SyncSummary): string {
  const { files, bytes, pending } = summary.media;
  return `Media: ${files} file(s) downloaded (${formatBytes(bytes)}), ${pending} still pending.`;
}

/** What the run read in images, when it had any to read, and the images it could not read. */
function readingLines(summary: SyncSummary): string[] {
  if (!summary.ocr || !anyReading(summary.ocr)) return [];
  return [readingLine(summary.ocr), ...summary.ocr.failed.map((failed) => `  ${oneLine(unreadLine(failed))}`)];
}

function allWarnings(summary: SyncSummary): string[] {
  return [...summary.warnings, ...summary.platforms.flatMap((platform) => platform.warnings)].map(oneLine);
}

/** One line per account whose first import is still under way. */
function incompleteHistories(summary: SyncSummary): string[] {
  return summary.platforms.flatMap((platform) =>
    platform.history && !platform.history.complete ? [historyIncompleteLine(platform.platform, platform.history.archived)] : [],
  );
}

/** The whole commit message: the subject, a blank line, then the body. */
export function commitMessage(summary: SyncSummary): string {
  const body: string[] = [modeLine(summary), `Started ${summary.startedAt}, finished ${summary.finishedAt ?? '(not recorded)'}.`, ''];

  for (const platform of summary.platforms) {
    body.push(platformLine(platform));
    for (const skipped of platform.skipped) body.push(`  skipped ${oneLine(skipped.id)}: ${oneLine(skipped.reason)}`);
  }
  const importing = incompleteHistories(summary);
  if (importing.length) body.push('', ...importing);
  for (const line of summary.notSynced) body.push(`Not synced: ${oneLine(line)}`);
  if (summary.platforms.length === 0 && summary.notSynced.length === 0) body.push('No platform was synced.');
  if (!describe(totals(summary))) {
    body.push(
      '',
      'No post was added, edited, removed, restored or updated. Files that changed record the archive\'s',
      'own state, when posts were last seen upstream (refreshed at most once a week), or text read in images.',
    );
  }
  body.push('', requestsLine(summary), mediaLine(summary), ...readingLines(summary));

  if (summary.invalidFiles.length) {
    body.push('', 'Archive files left untouched because they are not valid (restore them from git):');
    for (const invalid of summary.invalidFiles) body.push(`- ${oneLine(invalid.file)}: ${oneLine(invalid.message)}`);
  }
  const warnings = allWarnings(summary);
  if (warnings.length) {
    body.push('', 'Warnings:');
    for (const warning of warnings) body.push(`- ${warning}`);
  }
  if (summary.fatal) {
    body.push(
      '',
      `The run stopped (${summary.fatal.reason}): ${oneLine(summary.fatal.message)}`,
      `What to do: ${oneLine(summary.fatal.action)}`,
      'Every post written before it stopped is complete; the next run continues.',
    );
  }
  return `${commitSubject(summary)}\n\n${body.join('\n')}\n`;
}

/** Text from an API shown as Markdown: no markup, no HTML, one line. */
function md(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()<>#+!|~]/g, (char) => `\\${char}`);
}

/** The run's summary for `$GITHUB_STEP_SUMMARY` (GitHub-flavoured Markdown). */
export function markdownSummary(summary: SyncSummary): string {
  const lines: string[] = [];
  const total = describe(totals(summary));
  lines.push(`## ${summary.fatal ? 'Sync stopped' : summary.dryRun ? 'Sync (dry run)' : 'Sync'}: ${total || 'no changes'}`, '');
  if (summary.fatal) {
    lines.push(`> **${md(summary.fatal.message)}**`, `>`, `> What to do: ${md(summary.fatal.action)}`, '');
  }
  lines.push(`${modeLine(summary)} Started ${summary.startedAt}, finished ${summary.finishedAt ?? '(not recorded)'}.`, '');

  if (summary.platforms.length) {
    lines.push('| platform | new | edited | removed | restored | updated | unchanged | skipped |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const p of summary.platforms) {
      lines.push(`| ${p.platform} | ${p.new} | ${p.edited} | ${p.removed} | ${p.restored} | ${p.updated} | ${p.unchanged} | ${p.skipped.length} |`);
    }
    lines.push('');
  }
  for (const line of summary.notSynced) lines.push(`- ${md(line)}`);
  if (summary.notSynced.length) lines.push('');
  const importing = incompleteHistories(summary);
  if (importing.length) lines.push(...importing.map((line) => `- ${md(line)}`), '');

  const skipped = summary.platforms.flatMap((p) => p.skipped.map((item) => `- ${p.platform} \`${oneLine(item.id).replace(/`/g, "'")}\`: ${md(item.reason)}`));
  if (skipped.length) lines.push('### Skipped', '', ...skipped, '');
  const warnings = allWarnings(summary);
  if (warnings.length) lines.push('### Warnings', '', ...warnings.map((warning) => `- ${md(warning)}`), '');
  if (summary.invalidFiles.length) {
    lines.push('### Archive files not valid (left untouched)', '', ...summary.invalidFiles.map((item) => `- \`${oneLine(item.file).replace(/`/g, "'")}\`: ${md(item.message)}`), '');
  }
  lines.push(requestsLine(summary), '', mediaLine(summary), '');
  const reading = readingLines(summary);
  if (reading.length) lines.push(...reading.map(md), '');
  return lines.join('\n');
}

/** Workflow-command data: `%`, CR and LF escaped, so text from an API cannot start a command of its own. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * GitHub Actions annotations for the run page: the stop as an error, warnings and skipped items as
 * warnings. One workflow command per line.
 */
export function annotations(summary: SyncSummary): string[] {
  const lines: string[] = [];
  if (summary.fatal) {
    lines.push(`::error title=Sync stopped::${commandData(`${summary.fatal.message} What to do: ${summary.fatal.action}`)}`);
  }
  for (const warning of [...summary.warnings, ...summary.platforms.flatMap((platform) => platform.warnings)]) {
    lines.push(`::warning title=Sync warning::${commandData(warning)}`);
  }
  for (const platform of summary.platforms) {
    for (const item of platform.skipped) lines.push(`::warning title=Skipped ${platform.platform} item::${commandData(`${item.id}: ${item.reason}`)}`);
  }
  return lines;
}

export { isSyncSummary };

async function main(argv: string[]): Promise<number> {
  const usage = 'Usage: node scripts/commit-message.ts [--markdown | --annotations] SUMMARY.json';
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { markdown: { type: 'boolean', default: false }, annotations: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`commit-message: ${(error as Error).message}\n${usage}`);
    return 1;
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length) {
    console.error(usage);
    return 1;
  }
  let summary: SyncSummary;
  try {
    summary = await readSyncSummary(file);
  } catch (error) {
    const problem = error instanceof FriendlyValidationError ? error.message : `cannot read ${file}: ${(error as Error).message}`;
    console.error(`commit-message: ${problem}`);
    return 1;
  }
  if (parsed.values.annotations) {
    const lines = annotations(summary);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  } else {
    process.stdout.write(parsed.values.markdown ? markdownSummary(summary) : commitMessage(summary));
  }
  return 0;
}

// Run as a command, not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
