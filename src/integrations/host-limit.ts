/**
 * The last step of `astro build`: measures dist/ by top-level folder and stops the build if the site is
 * bigger than the host takes (`hostLimitMB` in src/site.config.ts). See src/utils/host-limit.ts.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostLimitProblem, type FolderSize } from '../utils/host-limit.ts';
import { FILES_AT_ONCE, inTurns } from '../utils/in-turns.ts';

/** Astro prints a user error's message and hint as they are; this is no bug, so it carries no stack trace. */
export class HostLimitError extends AstroError {
  override name = 'HostLimitError';
  constructor(message: string) {
    super(message);
    this.stack = undefined;
  }
}

/** Bytes and files under each top-level folder of `dir`, biggest first. */
export async function folderSizes(dir: string): Promise<FolderSize[]> {
  const sizes = new Map<string, { bytes: number; files: number }>();
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  await inTurns(files, FILES_AT_ONCE, async (entry) => {
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(dir.length + 1);
    const top = relative.includes('/') ? relative.split('/')[0]! : '(top level)';
    const bytes = (await stat(path)).size;
    const size = sizes.get(top) ?? { bytes: 0, files: 0 };
    size.bytes += bytes;
    size.files += 1;
    sizes.set(top, size);
  });
  return [...sizes].map(([folder, size]) => ({ folder, ...size })).sort((a, b) => b.bytes - a.bytes);
}

export function hostLimit(limitMB: number | null): AstroIntegration {
  return {
    name: 'warta:host-limit',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const folders = await folderSizes(fileURLToPath(dir).replace(/\/$/, ''));
        const problem = hostLimitProblem(folders, limitMB, 'hostLimitMB in src/site.config.ts');
        if (problem) throw new HostLimitError(problem);
        const total = folders.reduce((sum, folder) => sum + folder.bytes, 0);
        logger.info(`dist/ is ${(total / 1e6).toFixed(1)} MB${limitMB === null ? '' : ` of the host's ${limitMB} MB`}.`);
      },
    },
  };
}
