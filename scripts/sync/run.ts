/**
 * One sync run: lock the archive, read it, walk each platform's source, write what changed (media
 * first, then post.json, each atomically, so a killed run leaves every post complete or absent), mark
 * what is gone, and record the run in `content/archive.json`.
 */
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { locatePostFolder, POST_FILE } from '#archive/layout.ts';
import { isValidPostId, postKey, storedPostSchema, type Platform, type Post, type PostMedia } from '#archive/post.ts';
import { historyKey, MAX_UNARCHIVED, type ArchiveState, type HistoryWalk } from '#archive/state.ts';
import { apiVersionWarning, type SyncSettings } from './config.ts';
import { mediaSourcesFor } from './hosts.ts';
import { FatalSyncError, ItemError, outageStop, RetryableError } from './errors.ts';
import type { HttpOptions } from './http.ts';
import { InstagramSource, refreshInstagramToken } from './instagram.ts';
import { mirrorMedia, type MediaTally } from './media.ts';
import { markRemoved, mergeUpstream } from './merge.ts';
import { emptyPlatformSummary, emptySummary, historyIncompleteLine, type PlatformSummary, type SyncSummary } from '#scripts/shared/sync-summary.ts';
import { countChange, type Reporter } from './report.ts';
import type { RetryHooks, RetryPolicy } from './retry.ts';
import { needsRevisit } from './revisit.ts';
import type { PlatformSource } from './source.ts';
import { planPasses, walkListing, type WalkEnd } from './walk.ts';
import { postDirectory, removeStaleTempFiles, writeArchiveState, writePost } from '#archive/archive-fs.ts';
import { readArchivedPostsOrStop, readArchiveStateOrStop } from './archive-state.ts';
import { acquireLock } from './lock.ts';
import { toInstant, type UpstreamPost } from './upstream.ts';
import { YoutubeSource } from './youtube.ts';
import { describeIssues } from '#archive/parse.ts';
import { readDueImages } from '#scripts/ocr/backlog.ts';
import { ImageReader, OCR_ENGINE } from '#scripts/ocr/engine.ts';

/** Warn this long before the Instagram token expires. */
export const TOKEN_WARNING_DAYS = 10;
/**
 * A full reconcile that would mark more than this share of an account's posts removed is more likely an
 * API fault than a purge: it marks none and says so.
 */
export const MASS_REMOVAL_SHARE = 0.5;

export interface RunOptions {
  settings: SyncSettings;
  reporter: Reporter;
  now?: () => Date;
  timeoutMs?: number;
  retry?: RetryPolicy;
  hooks?: RetryHooks;
}

interface RunContext {
  settings: SyncSettings;
  reporter: Reporter;
  now: string;
  summary: SyncSummary;
  http: HttpOptions;
  media: MediaTally;
}

function countRequest(summary: SyncSummary) {
  return (endpoint: string) => {
    summary.requests[endpoint] = (summary.requests[endpoint] ?? 0) + 1;
  };
}

/** Runs the sync and returns its summary; a fatal error is recorded in `summary.fatal`, not thrown. */
export async function runSync(options: RunOptions): Promise<SyncSummary> {
  const { settings, reporter } = options;
  const clock = options.now ?? (() => new Date());
  const now = toInstant(clock());
  const summary = emptySummary(now, settings.flags.full ? 'full' : 'incremental', settings.flags.dryRun);
  const media: MediaTally = summary.media;
  const http: HttpOptions = {
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    hooks: {
      ...options.hooks,
      onRetry: (info) => {
        reporter.line(`  retrying after ${Math.round(info.delayMs / 100) / 10} s: ${info.error.message}`);
        options.hooks?.onRetry?.(info);
      },
    },
    onAttempt: countRequest(summary),
    mediaSources: mediaSourcesFor(settings),
  };
  const context: RunContext = { settings, reporter, now, summary, http, media };
  summary.notSynced.push(...settings.skipped);
  for (const line of settings.skipped) reporter.line(line);

  const { contentDir, dryRun } = settings.flags;
  let lock: Awaited<ReturnType<typeof acquireLock>> | undefined;
  try {
    lock = dryRun ? undefined : await acquireLock(contentDir, clock);
    if (!dryRun) {
      const leftovers = await removeStaleTempFiles(contentDir);
      if (leftovers.length) reporter.line(`Removed ${leftovers.length} unfinished file(s) left by an interrupted run.`);
    }
    const state = await readArchiveStateOrStop(contentDir);
    if (settings.flags.refreshToken) {
      await refreshToken(context, state);
    } else {
      await syncAll(context, state, options);
    }
  } catch (error) {
    // A fatal error ends the run but is an answer, not a crash: it goes into the summary for CI.
    if (!(error instanceof FatalSyncError)) throw error;
    summary.fatal = fatalRecord(error);
  } finally {
    summary.finishedAt = toInstant(clock());
    reporter.done();
    await lock?.release();
  }
  return summary;
}

async function refreshToken(context: RunContext, state: ArchiveState): Promise<void> {
  const { settings, reporter } = context;
  if (!settings.instagram) {
    throw new FatalSyncError('configuration', 'Cannot refresh the Instagram token: INSTAGRAM_ACCESS_TOKEN is not set.', 'Set INSTAGRAM_ACCESS_TOKEN and run again.', 'instagram');
  }
  const refreshed = await refreshInstagramToken(settings.instagram, context.http, new Date(context.now)).catch((error: unknown) => {
    throw asPlatformStop(error, 'instagram');
  });
  if (refreshed.accessToken !== settings.instagram.accessToken) {
    // The expiry answered belongs to the new string, which this run can neither print nor store (a
    // secret): recorded, it would claim that the stored token lasts until then. Nothing is recorded; a
    // person must put a token in the secret whose expiry a refresh can then record.
    throw new FatalSyncError(
      'invalid-credentials',
      'Instagram: the refresh answered with a different token, which the sync cannot store (it never prints or writes a token); the token in INSTAGRAM_ACCESS_TOKEN is not recorded as extended.',
      'Generate a new long-lived token (README, "An Instagram token"), save it as the INSTAGRAM_ACCESS_TOKEN secret, and a day later run the refresh again so that its expiry is recorded.',
      'instagram',
    );
  }
  const expiresAt = toInstant(refreshed.expiresAt);
  reporter.line(`Instagram: the token was refreshed; it now expires on ${expiresAt}.`);
  if (!settings.flags.dryRun) await writeArchiveState(settings.flags.contentDir, { ...state, instagram: { tokenExpiresAt: expiresAt } });
}

function warnAboutToken(context: RunContext, state: ArchiveState): void {
  const expiresAt = state.instagram?.tokenExpiresAt;
  if (!context.settings.instagram || !expiresAt) return;
  const days = (Date.parse(expiresAt) - Date.parse(context.now)) / 86_400_000;
  if (days > TOKEN_WARNING_DAYS) return;
  const message =
    days <= 0
      ? `The Instagram token expired on ${expiresAt}.`
      : `The Instagram token expires in ${Math.floor(days)} day(s), on ${expiresAt}. Run \`npm run sync -- --refresh-token\` (or the workflow's refresh) soon.`;
  context.summary.warnings.push(message);
  context.summary.instagramToken = { expiresAt, expired: days <= 0, message };
  context.reporter.line(`warning: ${message}`);
}

async function syncAll(context: RunContext, state: ArchiveState, options: RunOptions): Promise<void> {
  const { settings, summary, reporter, http } = context;
  const { contentDir, dryRun } = settings.flags;
  warnAboutToken(context, state);
  const versionWarning = settings.instagram && apiVersionWarning(settings.instagram.apiVersion, new Date(context.now));
  if (versionWarning) {
    summary.warnings.push(versionWarning);
    reporter.line(`warning: ${versionWarning}`);
  }
  const archive = await readArchivedPostsOrStop(contentDir);
  summary.invalidFiles.push(...archive.problems);
  for (const problem of archive.problems) reporter.line(`warning: left untouched, not valid: ${problem.file}: ${problem.message}`);
  // Posts whose file is damaged are never overwritten: a person restores them from git first.
  const blocked = new Set(archive.problems.flatMap((problem) => damagedPost(problem.file) ?? []));

  let nextState: ArchiveState = state;
  // archive.json is rewritten (atomically) whenever a walk moves on, so a killed run resumes from there.
  const recordState = async (update: (current: ArchiveState) => ArchiveState) => {
    nextState = update(nextState);
    if (!dryRun) await writeArchiveState(contentDir, nextState);
  };
  const sources: PlatformSource[] = [];
  let youtube: YoutubeSource | undefined;
  if (settings.youtube) {
    youtube = new YoutubeSource({
      settings: settings.youtube,
      knownUploadsPlaylistId: state.youtube?.channelId === settings.youtube.channelId ? state.youtube.uploadsPlaylistId : undefined,
      timeoutMs: options.timeoutMs ?? 20_000,
      retry: options.retry,
      hooks: http.hooks,
      countRequest: countRequest(summary),
    });
    sources.push(youtube);
  }
  if (settings.instagram) sources.push(new InstagramSource({ settings: settings.instagram, http }));

  for (const source of sources) {
    const accountId = source.platform === 'youtube' ? settings.youtube!.account.id : settings.instagram!.account.id;
    const platformSummary = emptyPlatformSummary(source.platform);
    summary.platforms.push(platformSummary);
    const key = historyKey(source.platform, accountId);
    const walk: WalkRecord = {
      state: nextState.history?.[key] ?? { complete: false, resumeFrom: null, startedAt: context.now, completedAt: null },
      save: (history) => recordState((current) => ({ ...current, history: { ...current.history, [key]: history } })),
    };
    try {
      await syncPlatform(context, source, accountId, archive.posts, blocked, platformSummary, walk);
    } catch (error) {
      // One platform's stop (quota spent, token expired, an outage) must not keep the other from being archived.
      const stop = asPlatformStop(error, source.platform);
      const fatal = fatalRecord(stop);
      platformSummary.fatal = fatal;
      summary.fatal ??= fatal;
      reporter.line(`${source.platform}: stopped: ${stop.message} ${stop.action}`);
    }
    platformSummary.history = {
      complete: walk.state.complete,
      archived: [...archive.posts.values()].filter((post) => post.platform === source.platform && post.account.id === accountId).length,
    };
    if (!walk.state.complete) reporter.line(historyIncompleteLine(platformSummary.platform, platformSummary.history.archived));
    if (source === youtube && youtube.uploadsPlaylistId) {
      nextState = { ...nextState, youtube: { channelId: settings.youtube!.channelId, uploadsPlaylistId: youtube.uploadsPlaylistId } };
    }
  }
  // A full reconcile that ran everywhere without a stop is a fact worth a commit, even when nothing changed.
  const reconciled = settings.flags.full && summary.platforms.length > 0 && summary.platforms.every((platform) => !platform.fatal);
  if (reconciled) nextState = { ...nextState, lastFullSyncAt: context.now };
  if (!dryRun && settings.flags.ocrMinutes > 0) await readImageText(context, archive.posts);
  if (!dryRun) await writeArchiveState(contentDir, { ...nextState, lastSyncAt: context.now });
}

/**
 * Reads the text printed in images not read yet (scripts/ocr/), newest posts first, for at most
 * `--ocr-minutes`: a backlog drains over several runs. An engine that cannot start is a warning, not a
 * stop: the posts are archived, and the next run reads what this one could not.
 */
async function readImageText(context: RunContext, posts: Map<string, Post>): Promise<void> {
  const { settings, reporter, summary } = context;
  const { ocrMinutes, ocrMax, contentDir } = settings.flags;
  try {
    summary.ocr = await readDueImages({
      contentDir,
      posts,
      engine: OCR_ENGINE,
      startReader: () => ImageReader.start(),
      now: context.now,
      limits: { maxImages: ocrMax, deadline: Date.now() + ocrMinutes * 60_000 },
      onProgress: (done, total) => reporter.progress(`reading text in images: ${done} of ${total}`),
    });
  } catch (error) {
    const message = `Text in images: the OCR engine could not run (${(error as Error).message}); nothing more was read. Check that \`npm ci\` installed tesseract.js and @tesseract.js-data/ind; the next run reads what this one could not.`;
    summary.warnings.push(message);
    reporter.line(`warning: ${message}`);
  }
}

/** The post whose post.json a problem names ("posts/youtube/<shard>/<id>/post.json" → "youtube/<id>"), if any. */
function damagedPost(file: string): string | undefined {
  if (!file.endsWith(`/${POST_FILE}`)) return undefined;
  const located = locatePostFolder(file.slice(0, -`/${POST_FILE}`.length));
  return located && postKey(located);
}

/** A stop as the summary records it, with the platform it stopped (null: the whole run). */
function fatalRecord(error: FatalSyncError): NonNullable<SyncSummary['fatal']> {
  return { reason: error.reason, platform: error.platform ?? null, message: error.message, action: error.action };
}

/** An account's history walk as this run sees it, and how to record its progress. */
interface WalkRecord {
  state: HistoryWalk;
  save(state: HistoryWalk): Promise<void>;
}

/**
 * What ends one platform's part of the run: its own fatal errors, and an outage (every retry spent, or
 * answers that never made sense), which is no bug but a plain stop with exit 1. Anything else is a bug.
 */
function asPlatformStop(error: unknown, platform: Platform): FatalSyncError {
  if (error instanceof FatalSyncError && error.platform) return error;
  if (error instanceof RetryableError) return outageStop(platform, error);
  throw error;
}

const REMOVALS_NOT_JUDGED: Record<Exclude<WalkEnd, 'listing-end'>, string> = {
  'caught-up': 'the walk did not reach the end of the listing',
  capped: 'the walk stopped at the --max-new cap before the end of the listing',
  loop: 'the listing was incomplete',
};

async function syncPlatform(
  context: RunContext,
  source: PlatformSource,
  accountId: string,
  archived: Map<string, Post>,
  blocked: Set<string>,
  tally: PlatformSummary,
  walk: WalkRecord,
): Promise<void> {
  const { settings, reporter, now } = context;
  const { full, maxNew } = settings.flags;
  const platform: Platform = source.platform;
  const ours = [...archived.values()].filter((post) => post.platform === platform && post.account.id === accountId);
  const known = new Set(ours.map((post) => post.id));
  for (const key of blocked) if (key.startsWith(`${platform}/`)) known.add(key.slice(platform.length + 1));
  // Posts to ask for again wherever the walk ends: pending media, live broadcasts, and what earlier runs could not archive.
  const refresh = new Set([...ours.filter((post) => needsRevisit(post, now)).map((post) => post.id), ...(walk.state.unarchived ?? [])]);
  const seen = new Set<string>();
  const passes = planPasses(walk.state, full);
  const doing = full
    ? 'reconciling the whole history'
    : walk.state.complete
      ? 'looking for new posts'
      : walk.state.resumeFrom === null
        ? 'walking the whole history (not yet complete)'
        : 'looking for new posts, then continuing the history where the last run stopped';
  reporter.line(`${platform}: ${doing} (${ours.length} archived${maxNew ? `; at most ${maxNew} new` : ''})`);

  const save = async (post: Post) => {
    if (!settings.flags.dryRun) await writePost(settings.flags.contentDir, post);
    archived.set(postKey(post), post);
  };

  let end: WalkEnd = 'caught-up';
  for await (const item of walkListing(source, { passes, known, includeKnown: full, refresh, maxNew })) {
    if (item.type === 'end') {
      end = item.how;
      continue;
    }
    if (item.type === 'checkpoint') {
      // Every post of the pages up to this one is written: a later run may continue from here.
      // A --full run does not move the resume point: it starts at the top whatever the walk's state.
      if (!walk.state.complete && !full && item.cursor !== walk.state.resumeFrom) {
        walk.state = { ...walk.state, resumeFrom: item.cursor };
        await walk.save(walk.state);
      }
      continue;
    }
    if (item.type === 'warning') {
      tally.warnings.push(item.message);
      reporter.line(`warning: ${item.message}`);
      continue;
    }
    if (item.type === 'error') {
      tally.skipped.push({ id: item.error.itemId, reason: item.error.message });
      reporter.line(`${platform}: skipped ${item.error.itemId}: ${item.error.message}`);
      continue;
    }
    const id = item.type === 'post' ? item.post.id : item.id;
    seen.add(id);
    const key = `${platform}/${id}`;
    if (blocked.has(key)) {
      tally.skipped.push({ id, reason: 'its archived post.json is not valid; fix or restore it from git first' });
      continue;
    }
    const existing = archived.get(key);
    if (item.type === 'gone') {
      if (existing && !existing.provenance.removed) {
        await save(markRemoved(existing, item.reason, now));
        tally.removed += 1;
        reporter.line(`${platform}: removed upstream (${item.reason}) ${id}`);
      }
      continue;
    }
    reporter.progress(`${platform}: ${seen.size} posts read`);
    try {
      await archivePost(context, item.post, existing, tally, save);
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      tally.skipped.push({ id: error.itemId, reason: error.message });
      reporter.line(`${platform}: skipped ${error.itemId}: ${error.message}`);
    }
  }

  await rememberUnarchived(walk, platform, tally, (id) => archived.has(`${platform}/${id}`) || blocked.has(`${platform}/${id}`));
  if (end === 'listing-end') {
    walk.state = { ...walk.state, complete: true, resumeFrom: null, completedAt: now };
    await walk.save(walk.state);
  }
  // Removals are judged only from a complete walk of this run: otherwise unseen posts prove nothing.
  if (full && end === 'listing-end' && tally.warnings.length === 0) await markMissing(context, source, ours, seen, tally, save);
  else if (full) {
    const why = end === 'listing-end' ? REMOVALS_NOT_JUDGED.loop : REMOVALS_NOT_JUDGED[end];
    tally.warnings.push(`${platform}: ${why}, so no post was marked removed in this run.`);
  }
}

/**
 * Records the posts this run met but could not archive, so the next run asks for them again even when the
 * walk has moved past them (a history walk's resume point, an incremental run that stops at the archive).
 */
async function rememberUnarchived(walk: WalkRecord, platform: Platform, tally: PlatformSummary, isArchived: (id: string) => boolean): Promise<void> {
  const ids = [...new Set(tally.skipped.map((item) => item.id))].filter((id) => isValidPostId(platform, id) && !isArchived(id)).slice(0, MAX_UNARCHIVED);
  const before = walk.state.unarchived ?? [];
  if (ids.length === before.length && ids.every((id, index) => id === before[index])) return;
  const { unarchived: _before, ...rest } = walk.state;
  walk.state = ids.length > 0 ? { ...rest, unarchived: ids } : rest;
  await walk.save(walk.state);
}

async function archivePost(
  context: RunContext,
  upstream: UpstreamPost,
  existing: Post | undefined,
  tally: PlatformSummary,
  save: (post: Post) => Promise<void>,
): Promise<void> {
  const { settings, reporter, now } = context;
  // All but the files is known before one is fetched: a post the archive cannot take leaves nothing behind.
  checkArchivable(mergeUpstream(existing, upstream, plannedMedia(upstream, now), now).post);
  const dir = postDirectory(settings.flags.contentDir, upstream.platform, upstream.id);
  const createdFolder = settings.flags.dryRun ? undefined : await mkdir(dir, { recursive: true });
  const written: string[] = [];
  try {
    const media = await mirrorMedia(existing?.media, upstream.media, { dir, http: context.http, now, dryRun: settings.flags.dryRun, tally: context.media, written });
    const { post, change } = mergeUpstream(existing, upstream, media, now);
    const checked = checkArchivable(post);
    countChange(tally, change);
    if (change === 'unchanged' && existing?.provenance.lastSeenAt === post.provenance.lastSeenAt) return;
    await save(checked);
    if (change !== 'unchanged' && change !== 'updated') reporter.line(`${upstream.platform}: ${change} ${upstream.id} ${JSON.stringify(post.title.slice(0, 60))}`);
  } catch (error) {
    await removeUnsaved(dir, written, createdFolder);
    throw error;
  }
}

/** The post as the archive would take it, or an item error saying why it cannot. */
function checkArchivable(post: Post): Post {
  const checked = storedPostSchema.safeParse(post);
  if (!checked.success) {
    throw new ItemError(post.platform, post.id, `does not fit the archive schema (${describeIssues(checked.error.issues)})`);
  }
  return checked.data;
}

/** The media list before anything is fetched: every item still to be mirrored. */
function plannedMedia(upstream: UpstreamPost, now: string): PostMedia[] {
  return upstream.media.map((item) => ({
    status: 'pending',
    role: item.role,
    ...(item.childId === undefined ? {} : { childId: item.childId }),
    reason: 'not fetched yet',
    attempts: 1,
    lastAttemptAt: now,
  }));
}

/**
 * Takes back what an unsaved post wrote: its new files, and the folders this attempt created (which then
 * hold nothing else). The next run fetches them again.
 */
async function removeUnsaved(dir: string, written: readonly string[], createdFolder: string | undefined): Promise<void> {
  await Promise.all(written.map((file) => rm(join(dir, file), { force: true })));
  if (createdFolder === undefined) return;
  for (let folder = dir; folder.startsWith(createdFolder); folder = dirname(folder)) {
    // rmdir refuses a folder that holds anything: what another post or a person put there stays.
    if (!(await rmdir(folder).then(() => true, () => false))) break;
  }
}

async function markMissing(
  context: RunContext,
  source: PlatformSource,
  ours: Post[],
  seen: Set<string>,
  tally: PlatformSummary,
  save: (post: Post) => Promise<void>,
): Promise<void> {
  const candidates = ours.filter((post) => !post.provenance.removed && !seen.has(post.id)).map((post) => post.id);
  if (candidates.length === 0) return;
  const verdicts = await source.explainMissing(candidates);
  const gone = candidates.filter((id) => verdicts.get(id) === 'private' || verdicts.get(id) === 'deleted');
  const live = ours.filter((post) => !post.provenance.removed).length;
  if (gone.length > 3 && gone.length > live * MASS_REMOVAL_SHARE) {
    const message = `${source.platform}: ${gone.length} of ${live} posts seem gone at once; marked none (an API fault is likelier). Check the account, then run --full again.`;
    tally.warnings.push(message);
    context.reporter.line(`warning: ${message}`);
    return;
  }
  for (const id of gone) {
    const post = ours.find((candidate) => candidate.id === id)!;
    await save(markRemoved(post, verdicts.get(id) as 'private' | 'deleted', context.now));
    tally.removed += 1;
    context.reporter.line(`${source.platform}: removed upstream (${verdicts.get(id)}) ${id}`);
  }
}
