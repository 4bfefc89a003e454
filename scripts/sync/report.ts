/**
 * What a run tells people: progress while it works (an updating line on a terminal, plain lines in CI)
 * and a summary at the end, printed and written as JSON for CI. Everything printed passes through a
 * scrubber that replaces the run's secrets, so a token can never reach a log.
 */
import { historyIncompleteLine, type PlatformSummary, type SyncSummary } from '#scripts/shared/sync-summary.ts';
import type { PostChange } from './merge.ts';
import { anyReading, readingLine, unreadLine } from '#scripts/ocr/backlog.ts';

export function countChange(summary: PlatformSummary, change: PostChange): void {
  summary[change] += 1;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The summary as a few plain lines for people. */
export function formatSummary(summary: SyncSummary): string[] {
  const lines = [`Sync summary (${summary.mode}${summary.dryRun ? ', dry run: nothing was written' : ''}):`];
  for (const platform of summary.platforms) {
    lines.push(
      `  ${platform.platform}: ${platform.new} new, ${platform.edited} edited, ${platform.removed} removed, ` +
        `${platform.restored} restored, ${platform.updated} updated, ${platform.unchanged} unchanged, ${platform.skipped.length} skipped`,
    );
    for (const skipped of platform.skipped) lines.push(`    skipped ${skipped.id}: ${skipped.reason}`);
    if (platform.history && !platform.history.complete) lines.push(`    ${historyIncompleteLine(platform.platform, platform.history.archived)}`);
    if (platform.fatal && platform.fatal.message !== summary.fatal?.message) lines.push(`    stopped: ${platform.fatal.message} ${platform.fatal.action}`);
  }
  for (const line of summary.notSynced) lines.push(`  ${line}`);
  const requests = Object.entries(summary.requests)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, count]) => `${endpoint} ${count}`);
  lines.push(`  API requests: ${requests.length ? requests.join(', ') : 'none'}`);
  lines.push(`  Media: ${summary.media.files} files downloaded (${formatBytes(summary.media.bytes)}), ${summary.media.pending} pending`);
  if (summary.ocr && anyReading(summary.ocr)) {
    lines.push(`  ${readingLine(summary.ocr)}`);
    for (const failed of summary.ocr.failed) lines.push(`    ${unreadLine(failed)}`);
  }
  for (const invalid of summary.invalidFiles) lines.push(`  left untouched, not valid: ${invalid.file}: ${invalid.message}`);
  for (const warning of [...summary.warnings, ...summary.platforms.flatMap((platform) => platform.warnings)]) {
    lines.push(`  warning: ${warning}`);
  }
  if (summary.fatal) lines.push(`  STOPPED: ${summary.fatal.message}`, `  What to do: ${summary.fatal.action}`);
  return lines;
}

export interface Reporter {
  /** A line that stays (in CI and on terminals). */
  line(text: string): void;
  /** A passing status (rewritten in place on a terminal, dropped in CI to keep logs short). */
  progress(text: string): void;
  /** Removes the progress line before the run ends. */
  done(): void;
}

/** Replaces every secret (and its URL-encoded form) with "<redacted>". */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const needles = secrets.filter((secret) => secret.length >= 4).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  return (text) => needles.reduce((scrubbed, needle) => scrubbed.split(needle).join('<redacted>'), text);
}

export function createReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  secrets: readonly string[],
  interactive = Boolean(stream.isTTY) && !process.env.CI,
): Reporter {
  const scrub = scrubber(secrets);
  let progressShown = false;
  const clear = () => {
    if (progressShown) stream.write('\r\x1b[2K');
    progressShown = false;
  };
  return {
    line(text) {
      clear();
      stream.write(`${scrub(text)}\n`);
    },
    progress(text) {
      if (!interactive) return;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${scrub(text).slice(0, width)}`);
      progressShown = true;
    },
    done: clear,
  };
}
