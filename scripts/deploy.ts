/**
 * `npm run deploy`: puts the built site (dist/) in an S3-compatible bucket (AWS S3, Cloudflare R2,
 * MinIO) or in a folder on the office's own server over SFTP, with rclone, sending only the files that
 * changed and deleting the ones the site no longer has. GitHub Pages is the workflow's own deploy.
 * Settings: the DEPLOY_* environment variables (scripts/deploy/settings.ts; README: "Deploying past
 * GitHub Pages").
 * Exit codes: 0 deployed, 1 stopped with a message saying what to do (settings, credentials, a missing
 * bucket, rclone missing, …), 2 a bug or an unexpected failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkArgs, hashesArgs, processEnvironment, remoteEnvironment, uploadPasses } from './deploy/rclone-args.ts';
import { describeTarget, explainFailure, formatSummary, parseLogLine, summarise, type LogEvent } from './deploy/rclone-log.ts';
import { DeploySettingsError, parseDeployTarget, secretsOf, type DeployTarget } from './deploy/settings.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run deploy -- [--dist DIR]   (default: dist/ of this repository; the target comes from DEPLOY_TARGET and the DEPLOY_* variables)';

/** A failure the person running the deploy can fix; the message says how. */
class DeployError extends Error {
  override name = 'DeployError';
}

interface RcloneRun {
  code: number | null;
  events: LogEvent[];
  stdout: string;
}

/** Runs rclone, hands every log line to `onEvent` as it comes, and resolves when it exits. */
function rclone(args: string[], env: Record<string, string>, onEvent: (event: LogEvent) => void = () => {}): Promise<RcloneRun> {
  return new Promise((done, fail) => {
    const child = spawn('rclone', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const events: LogEvent[] = [];
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (!line.trim()) return;
      const event = parseLogLine(line);
      events.push(event);
      onEvent(event);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        fail(new DeployError('rclone is not installed. Install it (Debian, Ubuntu: `sudo apt-get install rclone`; elsewhere: https://rclone.org/install/) and run again.'));
      } else fail(error);
    });
    child.on('close', (code) => done({ code, events, stdout }));
  });
}

const problemsOf = (run: RcloneRun) => run.events.flatMap((event) => (event.kind === 'problem' ? [event.text] : []));

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** The site folder to deploy: it must hold a built site. */
function readDistFlag(argv: string[]): { distDir: string; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dist: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true, allowPositionals: false }));
  } catch (problem) {
    throw new DeployError(`${(problem as Error).message}\n${USAGE}`);
  }
  const distDir = resolve(repoRoot, values.dist ?? 'dist');
  if (!values.help && !existsSync(join(distDir, 'index.html'))) {
    throw new DeployError(`${distDir} holds no built site (no index.html). Run \`npm run build\` first.`);
  }
  return { distDir, help: values.help };
}

async function deploy(target: DeployTarget, distDir: string, print: (line: string) => void): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'warta-deploy-'));
  try {
    // The server's public key (not a secret), so that rclone refuses another machine answering as it.
    // The settings refuse an SFTP target without it (parseDeployTarget).
    let knownHostsFile: string | undefined;
    if (target.kind === 'sftp') {
      knownHostsFile = join(work, 'known_hosts');
      await writeFile(knownHostsFile, `${target.knownHosts}\n`);
    }
    const { env, extraArgs } = processEnvironment(process.env, remoteEnvironment(target, knownHostsFile));
    const run = (args: string[], onEvent?: (event: LogEvent) => void) => rclone([...args, ...extraArgs], env, onEvent);

    // Credentials, host, bucket or folder: checked with one listing before anything is sent.
    const check = await run([...checkArgs(target), '--low-level-retries', '3']);
    if (check.code !== 0) throw new DeployError(explainFailure(target, problemsOf(check)));

    let checksum = true;
    if (target.kind === 'sftp') {
      const features = await run(hashesArgs(target));
      const hashes = features.code === 0 ? ((JSON.parse(features.stdout) as { Hashes?: string[] }).Hashes ?? []) : [];
      checksum = hashes.some((hash) => hash === 'md5' || hash === 'sha1');
      // Without a checksum rclone would fall back to comparing sizes only and miss a changed page of the
      // same size; comparing size and time instead sends every file the build wrote, which is safe.
      if (!checksum) print('deploy: the server cannot compute checksums (no md5sum or sha1sum over SSH), so files are compared by size and time: every file a build wrote anew is sent again (README: "Deploying past GitHub Pages").');
    }

    print(`deploy: to ${describeTarget(target)}`);
    const passes: LogEvent[][] = [];
    for (const pass of uploadPasses(target, distDir, { checksum })) {
      print(`deploy: ${pass.label}`);
      const result = await run(pass.args, (event) => {
        if (event.kind === 'uploaded') print(`  ${event.change === 'new' ? 'new    ' : 'changed'}  ${event.file}`);
        else if (event.kind === 'deleted') print(`  deleted  ${event.file}`);
        else if (event.kind === 'problem') print(`  rclone ${event.level}: ${event.text}`);
      });
      passes.push(result.events);
      if (result.code !== 0) throw new DeployError(explainFailure(target, problemsOf(result)));
    }
    print(`deploy: done. ${formatSummary(summarise(passes), countFiles(distDir))}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let secrets: string[] = [];
  // No secret is ever printed, whatever rclone or an error says.
  const scrub = (text: string) => secrets.reduce((clean, secret) => clean.split(secret).join('***'), text);
  try {
    const { distDir, help } = readDistFlag(process.argv.slice(2));
    if (help) {
      console.log(USAGE);
      return 0;
    }
    const target = parseDeployTarget(process.env);
    secrets = secretsOf(target).filter((secret) => secret.length >= 4);
    await deploy(target, distDir, (line) => console.log(scrub(line)));
    return 0;
  } catch (problem) {
    if (problem instanceof DeployError || problem instanceof DeploySettingsError) {
      console.error(scrub(`deploy: ${problem.message}`));
      return 1;
    }
    console.error(scrub(`deploy failed unexpectedly: ${String((problem as Error)?.stack ?? problem)}`));
    return 2;
  }
}

process.exitCode = await main();
