/**
 * What a sync run works on: command-line flags and the environment variables (the six of DESIGN.md,
 * `INSTAGRAM_API_VERSION`, and a few for tests), checked once here. Accounts come from the site config; the environment may override their ids. A platform
 * without credentials is skipped with one line, not an error.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import type { Platform } from '#archive/post.ts';
import type { SiteConfig } from '#site/schemas/site-config.ts';
import { FatalSyncError } from './errors.ts';
import { issueLines } from '#archive/parse.ts';
import { ocrMinutesProblem } from '#scripts/shared/ocr-minutes.ts';

export const DEFAULT_YOUTUBE_API_ROOT = 'https://youtube.googleapis.com/';
export const DEFAULT_INSTAGRAM_API_ROOT = 'https://graph.instagram.com';
/**
 * The Graph API version Instagram requests name unless `INSTAGRAM_API_VERSION` says otherwise. Meta
 * keeps a version for about two years; move on deliberately, after reading the changelog.
 * @see https://developers.facebook.com/docs/graph-api/changelog
 */
export const DEFAULT_INSTAGRAM_API_VERSION = 'v26.0';

/** When Meta retires the versions it has announced (from the changelog's table); the sync warns 60 days ahead. */
export const INSTAGRAM_API_RETIREMENTS: Readonly<Record<string, string>> = {
  'v21.0': '2027-01-21',
  'v22.0': '2027-05-20',
  'v23.0': '2027-10-08',
  'v24.0': '2028-02-18',
  'v25.0': '2028-07-29',
};

export interface SyncFlags {
  only: Platform | undefined;
  full: boolean;
  dryRun: boolean;
  refreshToken: boolean;
  /** Most new posts to archive per account in this run (a first import then spreads over runs); undefined: no cap. */
  maxNew: number | undefined;
  /** The archive folder (default `content/` of this repository). */
  contentDir: string;
  /** Where the JSON summary is written for CI. */
  summaryFile: string;
  /** Reading the text in images after the run (scripts/ocr/): at most this many minutes (0: none)… */
  ocrMinutes: number;
  /** …and at most this many images; undefined: no count limit. */
  ocrMax: number | undefined;
}

/** Minutes a sync spends reading text in images unless `--ocr-minutes` says otherwise. */
export const DEFAULT_OCR_MINUTES = 5;

export interface AccountRef {
  /** The platform's stable id of the account. */
  id: string;
  handle: string;
  name: string;
}

export interface YoutubeSettings {
  apiKey: string;
  channelId: string;
  apiRoot: string;
  account: AccountRef;
}

export interface InstagramSettings {
  accessToken: string;
  /** The id used in request paths: a number, or `me` for the token's own account. */
  userId: string;
  apiRoot: string;
  /** The Graph API version in every request path, e.g. `v26.0`. */
  apiVersion: string;
  account: AccountRef;
}

export interface SyncSettings {
  flags: SyncFlags;
  youtube: YoutubeSettings | undefined;
  instagram: InstagramSettings | undefined;
  /** One line per platform that is skipped, and why. */
  skipped: string[];
  /** Request timeout and first retry pause, when the environment tunes them. */
  tuning: { timeoutMs: number | undefined; retryBaseMs: number | undefined; now: string | undefined };
}

const USAGE = `Usage: npm run sync -- [--only youtube|instagram] [--full] [--dry-run] [--refresh-token]
                      [--max-new N] [--ocr-minutes M] [--ocr-max N] [--content DIR] [--summary FILE]`;

/** `--ocr-minutes`, checked as CI checks OCR_MINUTES (scripts/shared/ocr-minutes.ts). */
function parseOcrMinutes(text: string): number {
  const problem = ocrMinutesProblem(text);
  if (problem) throw new FatalSyncError('configuration', problem, USAGE);
  return Number(text);
}

export function parseFlags(argv: string[], repoRoot: string): SyncFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        only: { type: 'string' },
        full: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'refresh-token': { type: 'boolean', default: false },
        'max-new': { type: 'string' },
        'ocr-minutes': { type: 'string' },
        'ocr-max': { type: 'string' },
        content: { type: 'string' },
        summary: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new FatalSyncError('configuration', (error as Error).message, USAGE);
  }
  if (values.help) throw new FatalSyncError('configuration', 'Help requested.', USAGE);
  if (values.only !== undefined && values.only !== 'youtube' && values.only !== 'instagram') {
    throw new FatalSyncError('configuration', `--only must be "youtube" or "instagram", not "${values.only}".`, USAGE);
  }
  const maxNew = values['max-new'];
  if (maxNew !== undefined && !/^[1-9]\d{0,6}$/.test(maxNew)) {
    throw new FatalSyncError('configuration', `--max-new must be a whole number of posts from 1, not "${maxNew}".`, USAGE);
  }
  const ocrMinutes = parseOcrMinutes(values['ocr-minutes'] ?? String(DEFAULT_OCR_MINUTES));
  const ocrMax = values['ocr-max'];
  if (ocrMax !== undefined && !/^\d{1,7}$/.test(ocrMax)) {
    throw new FatalSyncError('configuration', `--ocr-max must be a whole number of images, not "${ocrMax}".`, USAGE);
  }
  return {
    only: values.only,
    full: values.full,
    dryRun: values['dry-run'],
    refreshToken: values['refresh-token'],
    maxNew: maxNew === undefined ? undefined : Number(maxNew),
    contentDir: resolve(repoRoot, values.content ?? 'content'),
    summaryFile: resolve(repoRoot, values.summary ?? '.cache/sync-summary.json'),
    ocrMinutes,
    ocrMax: ocrMax === undefined ? undefined : Number(ocrMax),
  };
}

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const apiRoot = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const milliseconds = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number of milliseconds').transform(Number).pipe(z.number().min(min).max(max));

const environmentSchema = z.object({
  YOUTUBE_API_KEY: optionalText,
  YOUTUBE_CHANNEL_ID: optionalText.pipe(
    z.string().regex(/^UC[A-Za-z0-9_-]{22}$/, 'must be a channel id: "UC" and 22 more characters').optional(),
  ),
  INSTAGRAM_ACCESS_TOKEN: optionalText,
  INSTAGRAM_USER_ID: optionalText.pipe(z.string().regex(/^(me|[0-9]{1,32})$/, 'must be a number or "me"').optional()),
  YOUTUBE_API_ROOT: optionalText.pipe(apiRoot.optional()),
  INSTAGRAM_API_ROOT: optionalText.pipe(apiRoot.optional()),
  INSTAGRAM_API_VERSION: optionalText.pipe(
    z.string().regex(/^v\d{1,3}\.\d$/, `must be a Graph API version such as "${DEFAULT_INSTAGRAM_API_VERSION}"`).optional(),
  ),
  // Tuning, mostly for tests against a local fake API: how long one request may take, and the first retry pause.
  WARTA_HTTP_TIMEOUT_MS: optionalText.pipe(milliseconds(50, 300_000).optional()),
  WARTA_RETRY_BASE_MS: optionalText.pipe(milliseconds(1, 60_000).optional()),
  // A fixed clock, so that `npm run sample` replays the sample's history reproducibly.
  WARTA_SYNC_NOW: optionalText.pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant' }).optional()),
});

/** Reads flags, environment and site config into the settings of one run, or explains what is wrong. */
export function readSettings(
  argv: string[],
  env: Record<string, string | undefined>,
  siteConfig: SiteConfig,
  repoRoot: string,
): SyncSettings {
  const flags = parseFlags(argv, repoRoot);
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = issueLines(parsed.error.issues).map((line) => `  - ${line}`);
    throw new FatalSyncError(
      'configuration',
      `Some sync settings in the environment are not valid:\n${lines.join('\n')}`,
      'Correct these variables (in CI: the repository secrets and variables) and run again.',
    );
  }
  const vars = parsed.data;
  const skipped: string[] = [];
  const wants = (platform: Platform) => flags.only === undefined || flags.only === platform;

  const youtubeAccount = siteConfig.accounts.find((account) => account.platform === 'youtube');
  let youtube: YoutubeSettings | undefined;
  if (wants('youtube')) {
    const channelId = vars.YOUTUBE_CHANNEL_ID ?? youtubeAccount?.channelId;
    if (!vars.YOUTUBE_API_KEY) skipped.push('YouTube: skipped, YOUTUBE_API_KEY is not set.');
    else if (!channelId) skipped.push('YouTube: skipped, no channel in src/site.config.ts and YOUTUBE_CHANNEL_ID is not set.');
    else {
      youtube = {
        apiKey: vars.YOUTUBE_API_KEY,
        channelId,
        apiRoot: vars.YOUTUBE_API_ROOT ?? DEFAULT_YOUTUBE_API_ROOT,
        account: { id: channelId, handle: youtubeAccount?.handle ?? channelId, name: youtubeAccount?.name ?? channelId },
      };
    }
  }

  const instagramAccount = siteConfig.accounts.find((account) => account.platform === 'instagram');
  let instagram: InstagramSettings | undefined;
  if (wants('instagram')) {
    const userId = vars.INSTAGRAM_USER_ID ?? instagramAccount?.userId ?? 'me';
    // Posts record the account's numeric id; with `me` it comes from the config.
    const accountId = userId === 'me' ? instagramAccount?.userId : userId;
    if (!vars.INSTAGRAM_ACCESS_TOKEN) skipped.push('Instagram: skipped, INSTAGRAM_ACCESS_TOKEN is not set.');
    else if (!accountId) {
      skipped.push('Instagram: skipped, set INSTAGRAM_USER_ID or add the account (with its userId) to src/site.config.ts.');
    } else {
      instagram = {
        accessToken: vars.INSTAGRAM_ACCESS_TOKEN,
        userId,
        apiRoot: (vars.INSTAGRAM_API_ROOT ?? DEFAULT_INSTAGRAM_API_ROOT).replace(/\/+$/, ''),
        apiVersion: vars.INSTAGRAM_API_VERSION ?? DEFAULT_INSTAGRAM_API_VERSION,
        account: { id: accountId, handle: instagramAccount?.handle ?? accountId, name: instagramAccount?.name ?? accountId },
      };
    }
  }
  return {
    flags,
    youtube,
    instagram,
    skipped,
    tuning: { timeoutMs: vars.WARTA_HTTP_TIMEOUT_MS, retryBaseMs: vars.WARTA_RETRY_BASE_MS, now: vars.WARTA_SYNC_NOW },
  };
}

/** A warning when the configured Graph API version is retired, or will be within 60 days; undefined otherwise. */
export function apiVersionWarning(version: string, now: Date): string | undefined {
  const retiresOn = INSTAGRAM_API_RETIREMENTS[version];
  if (!retiresOn) return undefined;
  const days = Math.floor((Date.parse(`${retiresOn}T00:00:00Z`) - now.getTime()) / 86_400_000);
  if (days > 60) return undefined;
  const when = days <= 0 ? `was retired by Meta on ${retiresOn}` : `will be retired by Meta on ${retiresOn}, in ${days} day(s)`;
  return `Instagram: Graph API ${version} ${when}. Set the INSTAGRAM_API_VERSION variable to a newer version (README: "Moving to a new Graph API version").`;
}

/** Every secret of a run, so output can be scrubbed of them whatever happens. */
export function secretsOf(settings: SyncSettings): string[] {
  return [settings.youtube?.apiKey, settings.instagram?.accessToken].filter((value): value is string => !!value);
}
