/**
 * Runs one command of the benchmark as a child process and measures it: wall time, and peak memory of
 * its whole process tree (astro build spawns Pagefind; sharp works in threads), sampled from /proc
 * every 100 ms. Output is kept to a log file, so a failure can be read afterwards.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

export interface Measured {
  seconds: number;
  /** Highest sum of resident memory over the process tree, in bytes (sampled). */
  peakRssBytes: number;
  exitCode: number | null;
}

async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const found: number[] = [];
  for (const task of tasks) {
    const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    found.push(...text.split(' ').filter(Boolean).map(Number));
  }
  return found;
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

async function treeRss(root: number): Promise<number> {
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += await rssOf(pid);
    queue.push(...(await childrenOf(pid)));
  }
  return total;
}

export async function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; log: string }): Promise<Measured> {
  const log = createWriteStream(options.log);
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      if (child.pid) peak = Math.max(peak, await treeRss(child.pid));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  sampling = false;
  await sampler;
  log.end();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssBytes: peak, exitCode };
}
