/**
 * `content/archive.json`: facts about the archive as a whole, written by the sync (and by the sample
 * generator), read by the site for the transparency page and the sample-data notice.
 */
import { z } from 'astro/zod';
import { PLATFORMS, type Platform } from './post.ts';

const instant = z.iso.datetime({ offset: true });

/** The most posts an account's walk keeps asking for again (see `unarchived`). */
export const MAX_UNARCHIVED = 200;

/**
 * How far the sync has walked one account's listing (newest to oldest). A first import of a large
 * account spreads over several runs; until a walk reaches the oldest post, every run continues it, and
 * only a finished walk lets an incremental run stop at the first post it already has.
 */
export const historyWalkSchema = z.strictObject({
  /** True once a walk has reached the end of the listing (the account's oldest post). */
  complete: z.boolean(),
  /**
   * Where an unfinished walk continues: the cursor of the last listing page whose posts are all archived
   * (a YouTube page token or an Instagram `after` cursor, never a URL: those carry the token). The next
   * run reads that page again, then goes on. Null: start at the newest page.
   */
  resumeFrom: z.string().min(1).max(2048).nullable(),
  /** When the first walk began. */
  startedAt: instant,
  /** When a walk last reached the end, or null while none has. */
  completedAt: instant.nullable(),
  /**
   * Posts the walk met that could not be archived (each named with its reason in that run's summary):
   * every run asks for them again, wherever the walk goes, until they are archived.
   */
  unarchived: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).max(MAX_UNARCHIVED).optional(),
});

export type HistoryWalk = z.infer<typeof historyWalkSchema>;

/** The key of an account in `history`: `<platform>/<account id>`. */
export function historyKey(platform: Platform, accountId: string): string {
  return `${platform}/${accountId}`;
}

const historyKeyPattern = new RegExp(`^(${PLATFORMS.join('|')})/[A-Za-z0-9_-]{1,64}$`);

export const archiveStateSchema = z.strictObject({
  /** Version of this file format. */
  schemaVersion: z.literal(1),
  /** True while `content/` holds the sample archive rather than a real mirror; every page then says so. */
  sample: z.boolean(),
  /** When the last sync run finished (successfully or not), or null if none has run. */
  lastSyncAt: instant.nullable(),
  /**
   * When a full reconcile (`--full`: the whole history compared, edits and removals found) last finished
   * on every platform without a stop. The weekly reconcile moves it, so a quiet account still makes a
   * commit a week, which keeps GitHub from switching the scheduled workflow off after 60 idle days.
   */
  lastFullSyncAt: instant.nullable().optional(),
  /** Per account (`<platform>/<account id>`): how far its history has been walked. */
  history: z.record(z.string().regex(historyKeyPattern, 'must be "<platform>/<account id>"'), historyWalkSchema).optional(),
  /** What the sync learned about the YouTube channel, so an incremental run skips `channels.list`. */
  youtube: z
    .strictObject({
      /** The channel these facts are about; a different configured channel makes the sync look again. */
      channelId: z.string(),
      /** The channel's uploads playlist, from `channels.list` (contentDetails.relatedPlaylists.uploads). */
      uploadsPlaylistId: z.string().regex(/^[A-Za-z0-9_-]{2,64}$/),
    })
    .optional(),
  /** What the sync knows about the Instagram token (never the token itself). */
  instagram: z
    .strictObject({
      /** When the long-lived token expires, as reported by the last refresh. */
      tokenExpiresAt: instant,
    })
    .optional(),
});

export type ArchiveState = z.infer<typeof archiveStateSchema>;
