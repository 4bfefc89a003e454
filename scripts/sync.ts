/**
 * `npm run sync`: mirrors the configured YouTube channel and Instagram account into content/.
 * Exit codes: 0 done (items may have been skipped: see the summary), 1 stopped by a fatal error
 * (the message says what to do), 2 a bug or an unexpected failure.
 */
// First: a mistake in the site configuration, found as it loads, stops with its message alone.
import './shared/stop-friendly.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '#site/site.config.ts';
import { readSettings, secretsOf, type SyncSettings } from './sync/config.ts';
import { FatalSyncError } from './sync/errors.ts';
import type { SyncSummary } from './shared/sync-summary.ts';
import { createReporter, formatSummary, scrubber } from './sync/report.ts';
import { DEFAULT_RETRY_POLICY } from './sync/retry.ts';
import { runSync } from './sync/run.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function writeSummary(file: string, summary: SyncSummary, scrub: (text: string) => string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, scrub(`${JSON.stringify(summary, null, 2)}\n`));
}

async function main(): Promise<number> {
  let settings: SyncSettings;
  try {
    settings = readSettings(process.argv.slice(2), process.env, siteConfig, repoRoot);
  } catch (error) {
    if (!(error instanceof FatalSyncError)) throw error;
    console.error(`sync: ${error.message}\n${error.action}`);
    return error.message === 'Help requested.' ? 0 : 1;
  }
  const secrets = secretsOf(settings);
  const scrub = scrubber(secrets);
  const reporter = createReporter(process.stdout, secrets);
  let summary: SyncSummary;
  try {
    const { timeoutMs, retryBaseMs, now } = settings.tuning;
    summary = await runSync({
      settings,
      reporter,
      now: now === undefined ? undefined : () => new Date(now),
      timeoutMs,
      retry: retryBaseMs === undefined ? undefined : { ...DEFAULT_RETRY_POLICY, baseDelayMs: retryBaseMs },
    });
  } catch (error) {
    reporter.line(`sync failed unexpectedly: ${scrub(String((error as Error)?.stack ?? error))}`);
    return 2;
  }
  for (const line of formatSummary(summary)) reporter.line(line);
  await writeSummary(settings.flags.summaryFile, summary, scrub);
  if (summary.fatal) {
    reporter.line(`sync stopped: ${summary.fatal.message}`);
    reporter.line(`What to do: ${summary.fatal.action}`);
  }
  const exitCode = summary.fatal ? 1 : 0;
  return exitCode;
}

process.exitCode = await main();
