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
});

export type ArchiveState = z.infer<typeof archiveStateSchema>;

/** Where the file lives, relative to `content/`. */
export const ARCHIVE_STATE_FILE = 'archive.json';
