/**
 * `content/archive.json`: facts about the archive as a whole, written by the sync (and by the sample
 * generator), read by the site for the transparency page and the sample-data notice.
 */
import { z } from 'astro/zod';

export const archiveStateSchema = z.strictObject({
  /** Version of this file format. */
  schemaVersion: z.literal(1),
  /** True while `content/` holds the sample archive rather than a real mirror; every page then says so. */
  sample: z.boolean(),
  /** When the last sync run finished (successfully or not), or null if none has run. */
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
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
      tokenExpiresAt: z.iso.datetime({ offset: true }),
    })
    .optional(),
});

export type ArchiveState = z.infer<typeof archiveStateSchema>;

/** Where the file lives, relative to `content/`. */
export const ARCHIVE_STATE_FILE = 'archive.json';
