/**
 * What a run tells people: progress while it works (an updating line on a terminal, plain lines in CI)
 * and a summary at the end, printed and written as JSON for CI. Everything printed passes through a
 * scrubber that replaces the run's secrets, so a token can never reach a log.
 */
import type { Platform } from '#archive/post.ts';
import type { FatalReason } from './errors.ts';
import type { PostChange } from './merge.ts';

export interface PlatformSummary {
  platform: Platform;
  new: number;
  edited: number;
  restored: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: { id: string; reason: string }[];
  warnings: string[];
  /** Why this platform stopped early, when it did (the other platform still ran). */
  fatal: { reason: FatalReason; message: string; action: string } | null;
  /** Whether the account's whole history has been walked, and how many of its posts the archive holds. */
  history?: { complete: boolean; archived: number };
}

export interface SyncSummary {
  startedAt: string;
  finishedAt: string | null;
  mode: 'incremental' | 'full';
  dryRun: boolean;
  platforms: PlatformSummary[];
  /** Platforms not synced, one line each (no credentials). */
  notSynced: string[];
  /** HTTP requests made, by endpoint (retries included). */
  requests: Record<string, number>;
  media: { files: number; bytes: number; pending: number };
  /** Archive files the sync could not read and left untouched. */
  invalidFiles: { file: string; message: string }[];
  warnings: string[];
  fatal: { reason: FatalReason; message: string; action: string } | null;
}

export function emptySummary(startedAt: string, mode: SyncSummary['mode'], dryRun: boolean): SyncSummary {
  return {
    startedAt,
    finishedAt: null,
    mode,
    dryRun,
    platforms: [],
    notSynced: [],
    requests: {},
    media: { files: 0, bytes: 0, pending: 0 },
    invalidFiles: [],
    warnings: [],
    fatal: null,
  };
}

export function emptyPlatformSummary(platform: Platform): PlatformSummary {
  return { platform, new: 0, edited: 0, restored: 0, updated: 0, unchanged: 0, removed: 0, skipped: [], warnings: [], fatal: null };
}

export function countChange(summary: PlatformSummary, change: PostChange): void {
  summary[change] += 1;
}

/**
 * Said while a first import is still under way (in the log, the summary and the commit), in the words the
 * transparency page uses too.
 */
export function historyIncompleteLine(platform: Platform, archived: number): string {
  return `${platform}: history incomplete, ${archived} posts archived so far; the next sync continues (riwayat belum lengkap: ${archived} unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya).`;
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
