/**
 * A command whose modules fail to load on a mistake a person can fix (a typo in src/site.config.ts, checked
 * as it is imported) prints the friendly message alone and exits 1; anything else is a bug: exit 2 with its stack.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'warta-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = (file: string) => pathToFileURL(path.join(REPO_ROOT, file)).href;

/** Runs an entry point that imports the guard first, then a module whose loading throws `error`. */
function runEntry(name: string, error: string) {
  const failing = path.join(dir, `${name}-config.ts`);
  writeFileSync(failing, `import { FriendlyValidationError } from '${url('src/archive/parse.ts')}';\nthrow ${error};\n`);
  const entry = path.join(dir, `${name}.ts`);
  writeFileSync(entry, `import '${url('scripts/shared/stop-friendly.ts')}';\nimport '${pathToFileURL(failing).href}';\n`);
  return spawnSync(process.execPath, [entry], { encoding: 'utf8' });
}

describe('stop-friendly', () => {
  it('a configuration mistake found while loading: its message alone, exit 1', () => {
    const result = runEntry('sync', `new FriendlyValidationError('The site configuration in src/site.config.ts is not valid:', ['(root): Unrecognized key: "postsPerPge"'])`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('sync: The site configuration in src/site.config.ts is not valid:\n  - (root): Unrecognized key: "postsPerPge"\n');
  });

  it('anything else: a bug, with its stack, exit 2', () => {
    const result = runEntry('verify', `new TypeError('undefined is not a function')`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('verify failed unexpectedly (a bug');
    expect(result.stderr).toMatch(/TypeError: undefined is not a function\n\s+at /);
  });
});
