/**
 * The sync summary: what `npm run sync` writes to `.cache/sync-summary.json` and the Publish workflow's
 * scripts read back (the commit message, the run's summary page, the Instagram token issue). One zod
 * schema is the contract between them; a file that does not match it is refused with the fields at fault.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { parseWithFriendlyErrors } from '#archive/parse.ts';
import { PLATFORMS, type Platform } from '#archive/post.ts';

/** Why a run, or one platform's part of it, stopped early. */
export const FATAL_REASONS = [
  'configuration',
  'quota-exceeded',
  'invalid-credentials',
  'token-expired',
  'permission-denied',
  'locked',
  'rate-limited',
  'unavailable',
] as const;
export type FatalReason = (typeof FATAL_REASONS)[number];

const fatalSchema = z.strictObject({
  reason: z.enum(FATAL_REASONS),
  /** The platform that stopped, or null for a stop of the whole run (configuration, the lock). */
  platform: z.enum(PLATFORMS).nullable(),
  message: z.string(),
  /** What a person should do about it. */
  action: z.string(),
});
export type FatalRecord = z.infer<typeof fatalSchema>;

const count = z.number().int().nonnegative();

export const platformSummarySchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  new: count,
  edited: count,
  restored: count,
  updated: count,
  unchanged: count,
  removed: count,
  skipped: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** Why this platform stopped early, when it did (the other platform still ran). */
  fatal: fatalSchema.nullable(),
  /** Whether the account's whole history has been walked, and how many of its posts the archive holds. */
  history: z.strictObject({ complete: z.boolean(), archived: count }).optional(),
});
export type PlatformSummary = z.infer<typeof platformSummarySchema>;

export const syncSummarySchema = z.strictObject({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  mode: z.enum(['incremental', 'full']),
  dryRun: z.boolean(),
  platforms: z.array(platformSummarySchema),
  /** Platforms not synced, one line each (no credentials). */
  notSynced: z.array(z.string()),
  /** HTTP requests made, by endpoint (retries included). */
  requests: z.record(z.string(), count),
  media: z.strictObject({ files: count, bytes: count, pending: count }),
  /** Text read in images after the run (scripts/ocr/backlog.ts); null when reading was off or the run stopped first. */
  ocr: z
    .strictObject({
      read: count,
      reused: count,
      failed: z.array(z.strictObject({ post: z.string(), file: z.string(), reason: z.string() })),
      remaining: count,
      absent: count,
      seconds: z.number().nonnegative(),
    })
    .nullable()
    .default(null),
  /** Archive files the sync could not read and left untouched. */
  invalidFiles: z.array(z.strictObject({ file: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
  /** Set while the Instagram token expires within the warning period, or has expired. */
  instagramToken: z.strictObject({ expiresAt: z.string(), expired: z.boolean(), message: z.string() }).nullable().default(null),
  /** The first stop of the run (each platform's own is in `platforms`). */
  fatal: fatalSchema.nullable(),
});
export type SyncSummary = z.infer<typeof syncSummarySchema>;

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
    ocr: null,
    invalidFiles: [],
    warnings: [],
    instagramToken: null,
    fatal: null,
  };
}

export function emptyPlatformSummary(platform: Platform): PlatformSummary {
  return { platform, new: 0, edited: 0, restored: 0, updated: 0, unchanged: 0, removed: 0, skipped: [], warnings: [], fatal: null };
}

/** Every stop the run recorded, the run's own and each platform's, without repeats. */
export function fatalsOf(summary: SyncSummary): FatalRecord[] {
  const all = [summary.fatal, ...summary.platforms.map((platform) => platform.fatal)].filter((fatal): fatal is FatalRecord => fatal !== null);
  return all.filter((fatal, index) => all.findIndex((other) => other.message === fatal.message && other.platform === fatal.platform) === index);
}

export function isSyncSummary(value: unknown): value is SyncSummary {
  return syncSummarySchema.safeParse(value).success;
}

/** A summary file, parsed; a file that is not one throws with the fields at fault. */
export async function readSyncSummary(file: string): Promise<SyncSummary> {
  const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
  return parseWithFriendlyErrors(syncSummarySchema, value, `${file} is not a sync summary (scripts/shared/sync-summary.ts):`);
}

/**
 * Said while a first import is still under way (in the log, the summary and the commit), in the words the
 * transparency page uses too.
 */
export function historyIncompleteLine(platform: Platform, archived: number): string {
  return `${platform}: history incomplete, ${archived} posts archived so far; the next sync continues (riwayat belum lengkap: ${archived} unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya).`;
}
