/**
 * Imported first by a command's entry point, before anything that reads the site configuration: a mistake
 * a person can fix that surfaces while the command's modules load (a typo in src/site.config.ts, checked
 * as that file is imported) ends the command with its message alone and exit 1, never a stack trace.
 * Anything else that escapes is a bug: its stack, and exit 2 (the exit codes every command uses).
 */
import { basename } from 'node:path';
import { FriendlyValidationError } from '#archive/parse.ts';

const command = basename(process.argv[1] ?? 'warta', '.ts');

function stop(error: unknown): never {
  if (error instanceof FriendlyValidationError) {
    console.error(`${command}: ${error.message}`);
    process.exit(1);
  }
  console.error(`${command} failed unexpectedly (a bug; please report it with this log):`, error);
  process.exit(2);
}

process.on('uncaughtException', stop);
process.on('unhandledRejection', stop);
