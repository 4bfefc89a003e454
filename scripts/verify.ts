/**
 * `npm run verify`: checks the whole archive in content/ without the network, before every build in CI.
 * Prints one line per problem (`<path>: <what is wrong>`) and a count line.
 * Exit codes: 0 the archive is sound (warnings may be printed), 1 problems found or the archive cannot be
 * read as one, 2 a bug or an unexpected failure.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyArchive } from './verify/archive.ts';
import { displayFolder, formatReport, VerifyError } from './verify/problems.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run verify -- [--content DIR]   (default: content/ of this repository)';

/** The archive folder to verify, or a VerifyError that explains the flags. */
function parseVerifyFlags(argv: string[], root: string): { contentDir: string; help: boolean } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { content: { type: 'string' }, help: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    });
    return { contentDir: resolve(root, values.content ?? 'content'), help: values.help };
  } catch (problem) {
    throw new VerifyError(`${(problem as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  try {
    const { contentDir, help } = parseVerifyFlags(process.argv.slice(2), repoRoot);
    if (help) {
      console.log(USAGE);
      return 0;
    }
    const { lines, exitCode } = formatReport(await verifyArchive(contentDir), displayFolder(contentDir, process.cwd()));
    for (const line of lines) console.log(line);
    return exitCode;
  } catch (problem) {
    if (problem instanceof VerifyError) {
      console.error(`verify: ${problem.message}`);
      return 1;
    }
    console.error(`verify failed unexpectedly: ${String((problem as Error)?.stack ?? problem)}`);
    return 2;
  }
}

process.exitCode = await main();
