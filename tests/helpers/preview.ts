/**
 * Serves the built dist/ with `astro preview` on 127.0.0.1 and a free port, for the browser tests.
 *
 *   const preview = usePreviewServer();               // the one server of the test run
 *   await page.goto(preview.url(sitePaths.search())); // paths from createPaths(siteConfig.baseUrl)
 *
 * The server runs in its own process group, which stop() kills as a whole.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { inject } from 'vitest';
import { BASE_PATH, REPO_ROOT } from './repo.ts';

export interface PreviewServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** host:port, e.g. 127.0.0.1:41234 — what every request of a private page must go to. */
  host: string;
  /** The site's base path, e.g. /warta/ */
  base: string;
  /** Absolute URL of a site path (which already includes the base, as createPaths builds it). */
  url(path: string): string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`astro preview exited early (${child.exitCode ?? child.signalCode}). Output:\n${output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`astro preview did not answer ${url} within ${timeoutMs} ms (last: ${lastError}). Output:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole process group (detached: true made the child its leader)
  } catch {
    // already gone
  }
}

export async function startPreviewServer({ timeoutMs = 120_000 } = {}): Promise<PreviewServer> {
  const port = await freePort();
  // --ignore-lock: run in the foreground alongside any other preview server of this project (a developer's),
  // neither refusing to start nor replacing it; without it Astro may also move itself to the background
  // when it thinks a coding agent started it, and this process could no longer stop it.
  const args = ['node_modules/astro/bin/astro.mjs', 'preview', '--host', HOST, '--port', String(port), '--ignore-lock'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const origin = `http://${HOST}:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test worker dies without running afterAll, do not leave a detached server behind.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilAnswering(`${origin}${BASE_PATH}`, child, () => output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    origin,
    host: `${HOST}:${port}`,
    base: BASE_PATH,
    url: (path: string) => new URL(path, origin).href,
    stop,
  };
}

/**
 * The preview server every browser test file shares, started once by the site project's global setup
 * (tests/helpers/global-servers.ts). Stopping it is the global teardown's business, not a file's.
 */
export function usePreviewServer(): Omit<PreviewServer, 'stop'> {
  const origin = inject('previewOrigin');
  const { host } = new URL(origin);
  return { origin, host, base: BASE_PATH, url: (path: string) => new URL(path, origin).href };
}
