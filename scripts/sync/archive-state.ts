/** `content/` for a sync run: an archive.json, or an archive layout, that cannot be used stops the run with what to do. */
import { ARCHIVE_STATE_FILE, MIGRATE_COMMAND } from '#archive/layout.ts';
import { readArchivedPosts, readArchiveStateFile, type ArchivedPosts } from '#archive/archive-fs.ts';
import { MisplacedFilesError } from '#archive/errors.ts';
import type { ArchiveState } from '#archive/state.ts';
import { FatalSyncError } from './errors.ts';

/** The archive's state (an empty archive when the file is missing), or a FatalSyncError('configuration'). */
export async function readArchiveStateOrStop(contentDir: string): Promise<ArchiveState> {
  const outcome = await readArchiveStateFile(contentDir);
  if (!('invalid' in outcome)) return outcome.state;
  const problem =
    outcome.invalid === 'json'
      ? `is not valid JSON (${outcome.detail})`
      : outcome.invalid === 'schema'
        ? `does not match its schema: ${outcome.detail}`
        : `cannot be read (${outcome.detail})`;
  throw new FatalSyncError(
    'configuration',
    `content/${ARCHIVE_STATE_FILE} ${problem}.`,
    `Fix content/${ARCHIVE_STATE_FILE} (see src/archive/state.ts) or restore it from git history.`,
  );
}

/** Every archived post, or a FatalSyncError('configuration') while posts sit outside their shards. */
export async function readArchivedPostsOrStop(contentDir: string): Promise<ArchivedPosts> {
  try {
    return await readArchivedPosts(contentDir);
  } catch (error) {
    if (!(error instanceof MisplacedFilesError)) throw error;
    // Going on would archive those posts a second time, in their shards.
    throw new FatalSyncError('configuration', error.message, `Run \`${MIGRATE_COMMAND}\`, commit the moves (git add -A content && git commit), then sync again.`);
  }
}
