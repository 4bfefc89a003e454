/** `content/archive.json` for a sync run: a file that cannot be used stops the run with what to do. */
import { ARCHIVE_STATE_FILE } from '#archive/layout.ts';
import { readArchiveStateFile } from '#archive/archive-fs.ts';
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
