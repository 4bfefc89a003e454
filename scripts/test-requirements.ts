/**
 * What the tests need from the machine beyond node_modules, checked by `npm test` before Vitest starts
 * (the `pretest` script): Chromium for the browser tests, rclone for the deploy test, and the DejaVu and
 * Liberation fonts the OCR tests draw their posters with.
 *
 * What is missing is installed with apt-get when this runs on Debian or Ubuntu as root or with
 * passwordless sudo (a CI runner); otherwise one line says what to run and the exit code is 1, so a bare
 * machine stops here with one plain sentence instead of forty failing tests. This only provides the
 * prerequisites: every test still fails on its own when a behaviour breaks.
 *
 * Chromium is found in one place, findChromium, which the browser tests use too: WARTA_CHROMIUM when set,
 * else the first of chromium, chromium-browser, google-chrome-stable, google-chrome on PATH that is not
 * Ubuntu's snap stub (its package only installs the snap, which does not start in a container), else
 * Playwright's own Chromium (`npx playwright-core install --with-deps chromium`, the way on Ubuntu).
 *
 * Exit codes: 0 all present, 1 something is missing (the line says what to do), 2 a bug.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { POSTER_FONTS } from './sample/poster-fonts.ts';

/** The font families the test posters are drawn in. */
export const FONT_FAMILIES = POSTER_FONTS;

/** Browser executables looked for on PATH, in this order (Debian's package first). */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;

/** Something the tests need and the machine lacks. */
export type Lack =
  | { kind: 'chromium' }
  /** WARTA_CHROMIUM is set to something that is not an executable file: an explicit choice, never replaced. */
  | { kind: 'chromium-setting'; path: string }
  | { kind: 'rclone' }
  /** `fcList` false: fontconfig's fc-list is missing, so no family could be confirmed. */
  | { kind: 'fonts'; families: string[]; fcList: boolean };

export type Distro = 'debian' | 'ubuntu' | 'other';

/** Debian, Ubuntu (and their derivatives, by ID_LIKE) or anything else, from /etc/os-release. */
export function distroOf(osRelease: string): Distro {
  const field = (name: string) =>
    osRelease.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1]?.replace(/^["']|["']$/g, '').toLowerCase().split(/\s+/) ?? [];
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return 'other';
}

/** Ubuntu's chromium and chromium-browser packages install a launcher for the snap, not a browser. */
export function isSnapStub(realPath: string, head: string): boolean {
  return realPath.startsWith('/snap/') || (head.startsWith('#!') && head.includes('/snap/'));
}

/** The families `fc-list : family` lists (a line may name several, comma-separated). */
export function familiesIn(fcListOutput: string): Set<string> {
  return new Set(fcListOutput.split('\n').flatMap((line) => line.split(',').map((name) => name.trim())).filter(Boolean));
}

/**
 * The Debian and Ubuntu package of each foundry (a family's first word). Liberation Sans Narrow is in
 * fonts-liberation, not fonts-liberation2.
 */
const FONT_PACKAGES: Record<string, string> = { DejaVu: 'fonts-dejavu-core', Liberation: 'fonts-liberation' };

const foundries = (families: readonly string[]) => [...new Set(families.map((family) => family.split(' ')[0]!))];

/** The Debian and Ubuntu packages that provide what is lacking, in the order of the lacks. */
export function packagesFor(lacks: readonly Lack[], distro: Distro): string[] {
  if (distro === 'other') return [];
  const packages = lacks.flatMap((lack): string[] => {
    switch (lack.kind) {
      // On Ubuntu the package is the snap stub: Playwright's Chromium instead (see fixLine).
      case 'chromium':
        return distro === 'debian' ? ['chromium'] : [];
      case 'chromium-setting':
        return [];
      case 'rclone':
        return ['rclone'];
      case 'fonts':
        return [...(lack.fcList ? [] : ['fontconfig']), ...foundries(lack.families).map((foundry) => FONT_PACKAGES[foundry]!)];
    }
  });
  return [...new Set(packages)];
}

function nameOf(lack: Lack): string {
  switch (lack.kind) {
    case 'chromium':
      return 'Chromium (browser tests)';
    case 'chromium-setting':
      return `Chromium (WARTA_CHROMIUM=${lack.path} is not an executable file)`;
    case 'rclone':
      return 'rclone (deploy test)';
    case 'fonts':
      return `${lack.fcList ? '' : 'fontconfig and '}the ${foundries(lack.families).join(' and ')} fonts (OCR tests)`;
  }
}

/** The one line a person reads when something is missing: what, and the command that provides it. */
export function fixLine(lacks: readonly Lack[], distro: Distro): string {
  const packages = packagesFor(lacks, distro);
  const kinds = new Set(lacks.map((lack) => lack.kind));
  const ubuntuBrowser = kinds.has('chromium') && distro === 'ubuntu';
  const commands = [
    ...(packages.length > 0 ? [`sudo apt-get install ${packages.join(' ')}`] : []),
    ...(ubuntuBrowser ? ['npx playwright-core install --with-deps chromium'] : []),
  ];
  const fixes = [
    ...(commands.length > 0 ? [`Run: ${commands.join(' && ')}${ubuntuBrowser ? " (Ubuntu's chromium package is only a snap stub)" : ''}`] : []),
    ...(kinds.has('chromium-setting') ? ['Point WARTA_CHROMIUM at a Chrome or Chromium executable, or unset it'] : []),
    ...(distro === 'other'
      ? [`Install them with your system's package manager${kinds.has('chromium') ? ', or set WARTA_CHROMIUM to a Chrome or Chromium executable' : ''}`]
      : []),
  ];
  return `Missing for the tests: ${lacks.map(nameOf).join(', ')}. ${fixes.join('. ')}`;
}

// --- The machine ----------------------------------------------------------------------------------------

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first bytes of a file (enough to see a launcher script's shebang and what it runs). */
function headOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    return buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

function isBrowser(file: string): boolean {
  return isExecutableFile(file) && !isSnapStub(realpathSync(file), headOf(file));
}

/** Where `name` is on PATH, as a shell would find it. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutableFile);
}

/** Playwright's own Chromium, if `playwright-core install chromium` put it there. */
async function playwrightChromium(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright-core');
    const file = chromium.executablePath();
    return file && isExecutableFile(file) ? file : undefined;
  } catch {
    // playwright-core not installed yet (before `npm install`): nothing to find there.
    return undefined;
  }
}

/**
 * The browser the tests drive, or undefined. WARTA_CHROMIUM, when set, is the answer whether or not it
 * exists: a setting that points at nothing is reported, never silently replaced.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (env.WARTA_CHROMIUM) return isExecutableFile(env.WARTA_CHROMIUM) ? env.WARTA_CHROMIUM : undefined;
  for (const name of CHROMIUM_NAMES) {
    const file = onPath(name, env);
    if (file && isBrowser(file)) return file;
  }
  return playwrightChromium();
}

/** What this machine lacks, and the browser it would use. */
async function survey(env: NodeJS.ProcessEnv): Promise<{ lacks: Lack[]; chromium?: string }> {
  const lacks: Lack[] = [];
  const chromium = await findChromium(env);
  if (!chromium) lacks.push(env.WARTA_CHROMIUM ? { kind: 'chromium-setting', path: env.WARTA_CHROMIUM } : { kind: 'chromium' });
  if (!onPath('rclone', env)) lacks.push({ kind: 'rclone' });
  const fcList = onPath('fc-list', env);
  const listed = fcList ? spawnSync(fcList, [':', 'family'], { encoding: 'utf8', env }) : undefined;
  const present = familiesIn(listed?.status === 0 ? listed.stdout : '');
  const families = FONT_FAMILIES.filter((family) => !present.has(family));
  if (families.length > 0) lacks.push({ kind: 'fonts', families, fcList: !!fcList });
  return { lacks, chromium };
}

type Apt = (args: string[]) => SpawnSyncReturns<string>;

/** apt-get as root, or through passwordless sudo; undefined when neither is possible. */
function aptCommand(env: NodeJS.ProcessEnv): Apt | undefined {
  if (!onPath('apt-get', env)) return undefined;
  const root = process.getuid?.() === 0;
  if (!root && (!onPath('sudo', env) || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status !== 0)) return undefined;
  // sudo resets the environment, so the setting goes through env(1).
  const [file, ...prefix] = [...(root ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  return (args) => spawnSync(file!, [...prefix, ...args], { encoding: 'utf8', env });
}

/** Installs the packages (one line each), updating the package lists once; false if apt-get failed. */
function install(packages: string[], apt: Apt): boolean {
  for (const name of packages) console.log(`test requirements: installing ${name} with apt-get`);
  for (const args of [['update', '-q'], ['install', '-y', '-q', ...packages]]) {
    const run = apt(args);
    if (run.status !== 0) {
      // apt-get's own words, only when it failed.
      process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
      console.error(`test requirements: apt-get ${args[0]} failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}).`);
      return false;
    }
  }
  return true;
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let { lacks, chromium } = await survey(env);
  const distro = distroOf(readOsRelease());
  const packages = packagesFor(lacks, distro);
  const apt = packages.length > 0 ? aptCommand(env) : undefined;
  if (apt && install(packages, apt)) ({ lacks, chromium } = await survey(env));
  if (lacks.length > 0) {
    console.error(fixLine(lacks, distro));
    return 1;
  }
  console.log(`test requirements: Chromium (${chromium}), rclone, the DejaVu and Liberation fonts: present`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error('test requirements: the check itself failed (a bug):', error);
      process.exitCode = 2;
    },
  );
}
