/**
 * Global setup of the `site` test project: runs the real `astro build` once, so that tests/build and
 * tests/e2e all look at the same fresh dist/.
 *
 * Set WARTA_SKIP_BUILD=1 to reuse an existing dist/ while iterating on the site tests locally
 * (ignored when dist/ does not exist). CI never sets it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DIST_DIR, REPO_ROOT } from './repo.ts';

export default async function buildSite(): Promise<void> {
  if (process.env.WARTA_SKIP_BUILD === '1' && existsSync(DIST_DIR)) {
    console.log('[site tests] WARTA_SKIP_BUILD=1: reusing the existing dist/ (no astro build).');
    return;
  }
  console.log('[site tests] Running astro build once for all site tests…');
  const started = Date.now();
  const code = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? `signal ${signal}`));
  });
  if (code !== 0) {
    throw new Error(`astro build failed (exit ${code}); the site tests need a successful build. See the build output above.`);
  }
  if (!existsSync(DIST_DIR)) {
    throw new Error('astro build exited 0 but wrote no dist/ folder.');
  }
  console.log(`[site tests] astro build finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
