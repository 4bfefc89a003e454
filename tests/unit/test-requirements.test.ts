/**
 * The check `npm test` runs first (scripts/test-requirements.ts): which packages provide what a machine
 * lacks, the one line a person reads, how Chromium is found (with executables in a temporary folder on
 * PATH), and the script itself on a PATH with nothing but node, where it must stop with that one line.
 * apt-get is never run here.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  distroOf,
  familiesIn,
  findChromium,
  fixLine,
  FONT_FAMILIES,
  isSnapStub,
  packagesFor,
  type Lack,
} from '#scripts/test-requirements.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const ALL_FONTS: Lack = { kind: 'fonts', families: [...FONT_FAMILIES], fcList: true };
const EVERYTHING: Lack[] = [{ kind: 'chromium' }, { kind: 'rclone' }, ALL_FONTS];

describe('distroOf', () => {
  it('reads Debian, Ubuntu and their derivatives from /etc/os-release', () => {
    expect(distroOf('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n')).toBe('debian');
    expect(distroOf('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n')).toBe('ubuntu');
    expect(distroOf('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('ubuntu');
    expect(distroOf('ID=raspbian\nID_LIKE=debian\n')).toBe('debian');
    expect(distroOf('ID="fedora"\n')).toBe('other');
    expect(distroOf('')).toBe('other');
  });
});

describe('packagesFor', () => {
  it('names the Debian packages of everything missing', () => {
    expect(packagesFor(EVERYTHING, 'debian')).toEqual(['chromium', 'rclone', 'fonts-dejavu-core', 'fonts-liberation']);
  });

  it('asks for fontconfig when fc-list is missing, and only the foundries whose fonts are missing', () => {
    expect(packagesFor([{ kind: 'fonts', families: [...FONT_FAMILIES], fcList: false }], 'debian')).toEqual([
      'fontconfig',
      'fonts-dejavu-core',
      'fonts-liberation',
    ]);
    expect(packagesFor([{ kind: 'fonts', families: ['Liberation Sans Narrow'], fcList: true }], 'ubuntu')).toEqual(['fonts-liberation']);
  });

  it("leaves Chromium out on Ubuntu (the package is the snap stub) and when WARTA_CHROMIUM chose one", () => {
    expect(packagesFor(EVERYTHING, 'ubuntu')).toEqual(['rclone', 'fonts-dejavu-core', 'fonts-liberation']);
    expect(packagesFor([{ kind: 'chromium-setting', path: '/opt/none' }], 'debian')).toEqual([]);
  });

  it('names no package where apt-get is not the package manager', () => {
    expect(packagesFor(EVERYTHING, 'other')).toEqual([]);
  });
});

describe('fixLine', () => {
  it('says in one line what is missing and the apt-get command on Debian', () => {
    expect(fixLine(EVERYTHING, 'debian')).toBe(
      'Missing for the tests: Chromium (browser tests), rclone (deploy test), the DejaVu and Liberation fonts (OCR tests). ' +
        'Run: sudo apt-get install chromium rclone fonts-dejavu-core fonts-liberation',
    );
    expect(fixLine([{ kind: 'rclone' }], 'debian')).toBe('Missing for the tests: rclone (deploy test). Run: sudo apt-get install rclone');
  });

  it("on Ubuntu, gives Playwright's Chromium instead of the snap stub", () => {
    expect(fixLine([{ kind: 'chromium' }, { kind: 'rclone' }], 'ubuntu')).toBe(
      'Missing for the tests: Chromium (browser tests), rclone (deploy test). ' +
        "Run: sudo apt-get install rclone && npx playwright-core install --with-deps chromium (Ubuntu's chromium package is only a snap stub)",
    );
  });

  it('names a WARTA_CHROMIUM that points at nothing rather than installing another browser', () => {
    expect(fixLine([{ kind: 'chromium-setting', path: '/opt/none/chrome' }, { kind: 'rclone' }], 'debian')).toBe(
      'Missing for the tests: Chromium (WARTA_CHROMIUM=/opt/none/chrome is not an executable file), rclone (deploy test). ' +
        'Run: sudo apt-get install rclone. Point WARTA_CHROMIUM at a Chrome or Chromium executable, or unset it',
    );
  });

  it('points elsewhere to the system package manager', () => {
    expect(fixLine([{ kind: 'chromium' }, { kind: 'fonts', families: ['DejaVu Sans'], fcList: true }], 'other')).toBe(
      'Missing for the tests: Chromium (browser tests), the DejaVu fonts (OCR tests). ' +
        "Install them with your system's package manager, or set WARTA_CHROMIUM to a Chrome or Chromium executable",
    );
  });

  it('is one line', () => {
    for (const distro of ['debian', 'ubuntu', 'other'] as const) expect(fixLine(EVERYTHING, distro)).not.toContain('\n');
  });
});

describe('fonts', () => {
  it("reads fc-list's families, several to a line", () => {
    const families = familiesIn('DejaVu Sans,DejaVu Sans Condensed\nLiberation Sans Narrow\n\nDejaVu Sans Mono\n');
    expect([...families].sort()).toEqual(['DejaVu Sans', 'DejaVu Sans Condensed', 'DejaVu Sans Mono', 'Liberation Sans Narrow']);
  });
});

describe('findChromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-chromium-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const executable = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    chmodSync(file, 0o755);
    return file;
  };
  const snapStub = '#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then echo "needs the chromium snap" >&2; exit 1; fi\nexec /snap/bin/chromium "$@"\n';
  const debianLauncher = '#!/bin/sh\n# Chromium launcher\nLIBDIR=/usr/lib/chromium\nexec $LIBDIR/chromium "$@"\n';

  it('tells a snap launcher from a browser or a distribution launcher', () => {
    expect(isSnapStub('/usr/bin/chromium-browser', snapStub)).toBe(true);
    expect(isSnapStub('/snap/chromium/3000/usr/lib/chromium-browser/chrome', '\x7fELF')).toBe(true);
    expect(isSnapStub('/usr/bin/chromium', debianLauncher)).toBe(false);
    expect(isSnapStub('/usr/local/share/chromium/chrome-linux/chrome', '\x7fELF\x02\x01')).toBe(false);
  });

  it('takes the first browser on PATH, passing over a snap stub and a file that cannot be run', async () => {
    executable('chromium-browser', snapStub);
    writeFileSync(path.join(dir, 'chromium'), debianLauncher); // not executable
    const chrome = executable('google-chrome-stable', '#!/bin/sh\nexec /opt/google/chrome/chrome "$@"\n');
    expect(await findChromium({ PATH: dir })).toBe(chrome);
  });

  it('takes WARTA_CHROMIUM as it is, and never replaces one that points at nothing', async () => {
    const chosen = executable('my-chrome', '#!/bin/sh\n');
    expect(await findChromium({ PATH: dir, WARTA_CHROMIUM: chosen })).toBe(chosen);
    expect(await findChromium({ PATH: dir, WARTA_CHROMIUM: path.join(dir, 'nothing-here') })).toBeUndefined();
  });
});

describe('the script', () => {
  it('stops with exit code 1 and one line when the machine lacks something, installing nothing', () => {
    // PATH holds node alone: no rclone, no fc-list, no apt-get (so nothing can be installed).
    const bin = mkdtempSync(path.join(tmpdir(), 'warta-bin-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = spawnSync(path.join(bin, 'node'), [path.join(REPO_ROOT, 'scripts/test-requirements.ts')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: bin, HOME: bin, WARTA_CHROMIUM: path.join(bin, 'no-such-chromium') },
    });
    rmSync(bin, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Missing for the tests: Chromium \(WARTA_CHROMIUM=.*no-such-chromium is not an executable file\), rclone \(deploy test\), fontconfig and the DejaVu and Liberation fonts \(OCR tests\)\. /);
  });
});
