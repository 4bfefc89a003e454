/**
 * What `npm run deploy` asks of rclone, as data: the remote's configuration (environment variables, so
 * no file with secrets is ever written), the checks before uploading, and the upload passes. Pure, so
 * the unit tests read the exact commands.
 * @see https://rclone.org/docs/#config-file (RCLONE_CONFIG_<NAME>_<OPTION>)
 */
import type { DeployTarget } from './settings.ts';

/** The remote's name in every command: `warta:<bucket>/<path>` or `warta:<folder>`. */
export const REMOTE = 'warta';
const CONFIG = `RCLONE_CONFIG_${REMOTE.toUpperCase()}_`;

/**
 * Files whose names change with their content, so a browser may keep them for a year: Astro's bundles
 * and images (`_astro/`), the image copies (`media/<sha256>-…`), and the index pieces of each yearly
 * Pagefind bundle (`pagefind/<year>/`). The bundles' entry files, Pagefind's script and its WebAssembly
 * keep their names and are not among them.
 */
export const HASHED_FILES = ['/_astro/**', '/media/**', '/pagefind/*/fragment/**', '/pagefind/*/index/**', '/pagefind/*/filter/**', '/pagefind/*/*.pf_meta'];

export const IMMUTABLE = 'Cache-Control: public, max-age=31536000, immutable';
/** Pages, feeds and the rest: ten minutes, as GitHub Pages serves them. */
export const SHORT_LIVED = 'Cache-Control: public, max-age=600';

/** The remote's settings as rclone's environment variables. */
export function remoteEnvironment(target: DeployTarget, knownHostsFile?: string): Record<string, string> {
  if (target.kind === 's3') {
    return {
      [`${CONFIG}TYPE`]: 's3',
      [`${CONFIG}PROVIDER`]: target.provider,
      [`${CONFIG}ACCESS_KEY_ID`]: target.accessKeyId,
      [`${CONFIG}SECRET_ACCESS_KEY`]: target.secretAccessKey,
      ...(target.endpoint ? { [`${CONFIG}ENDPOINT`]: target.endpoint } : {}),
      ...(target.region ? { [`${CONFIG}REGION`]: target.region } : {}),
      // Never create a bucket: a mistyped name would publish the site where nobody looks. The check
      // before uploading says the bucket is missing instead.
      [`${CONFIG}NO_CHECK_BUCKET`]: 'true',
    };
  }
  return {
    [`${CONFIG}TYPE`]: 'sftp',
    [`${CONFIG}HOST`]: target.host,
    [`${CONFIG}PORT`]: String(target.port),
    [`${CONFIG}USER`]: target.user,
    // rclone reads key_pem as one line with "\n" escapes (a real line break fails with "invalid syntax").
    [`${CONFIG}KEY_PEM`]: target.privateKey.replace(/\r?\n/g, '\\n'),
    ...(knownHostsFile ? { [`${CONFIG}KNOWN_HOSTS_FILE`]: knownHostsFile } : {}),
  };
}

/** Where the site goes, as rclone names it. */
export function remoteRoot(target: DeployTarget): string {
  if (target.kind === 's3') return `${REMOTE}:${target.bucket}${target.path ? `/${target.path}` : ''}`;
  return `${REMOTE}:${target.path}`;
}

/**
 * Lists the bucket (S3) or the site's folder (SFTP) one level deep: it fails, with rclone's reason,
 * when the credentials are refused, the host cannot be reached, or the bucket or folder does not exist.
 * A folder inside a bucket needs no check: it exists as soon as a file is in it.
 */
export function checkArgs(target: DeployTarget): string[] {
  const where = target.kind === 's3' ? `${REMOTE}:${target.bucket}` : remoteRoot(target);
  return ['lsf', '--max-depth', '1', where];
}

/** Asks the SFTP server which checksums it can compute (rclone runs md5sum / sha1sum there over SSH). */
export function hashesArgs(target: DeployTarget): string[] {
  return ['backend', 'features', remoteRoot(target)];
}

export interface Pass {
  /** What this pass uploads, for the log. */
  label: string;
  args: string[];
}

export interface PassOptions {
  /** Compare by checksum (S3 always; SFTP when the server has md5sum or sha1sum). */
  checksum: boolean;
}

/**
 * Two passes, so that a reader never gets a page whose assets are not there yet:
 *
 * 1. `copy` of the content-named files (bundles, images, search index): new ones go up first, marked
 *    immutable; nothing is deleted yet, so the pages still online keep theirs;
 * 2. `sync` of everything: the pages and other files that changed, then (--delete-after) what is no
 *    longer in dist/ is deleted, last.
 *
 * Files are compared by checksum and size, never by time: every build writes every file anew.
 */
export function uploadPasses(target: DeployTarget, distDir: string, options: PassOptions): Pass[] {
  const root = remoteRoot(target);
  const source = distDir.endsWith('/') ? distDir : `${distDir}/`;
  const common = [
    ...(options.checksum ? ['--checksum'] : []),
    // One recursive listing instead of one per folder: fewer requests, and on S3 fewer billed ones.
    '--fast-list',
    // A JSON line per file (copied, deleted) and the totals at the end, read by rclone-log.ts.
    '--use-json-log',
    '--verbose',
    '--stats',
    '1m',
  ];
  // Headers are HTTP: the SFTP server's own web server decides how long browsers keep files.
  const header = (value: string) => (target.kind === 's3' ? ['--header-upload', value] : []);
  return [
    {
      label: 'content-named files (bundles, images, search index)',
      args: ['copy', source, root, ...HASHED_FILES.flatMap((pattern) => ['--include', pattern]), ...common, ...header(IMMUTABLE)],
    },
    {
      label: 'pages and the rest, then deletions',
      args: ['sync', source, root, '--delete-after', ...common, ...header(SHORT_LIVED)],
    },
  ];
}

/**
 * rclone's environment: the caller's (so RCLONE_TRANSFERS and the like still tune it), no config file,
 * and the remote's settings on top. AWS_CA_BUNDLE makes rclone's S3 client fail outright
 * ("LoadCustomCABundleError: … unsupported transport"), so it is handed over as --ca-cert instead,
 * which trusts the same certificates.
 */
export function processEnvironment(
  parent: Record<string, string | undefined>,
  remote: Record<string, string>,
): { env: Record<string, string>; extraArgs: string[] } {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) if (value !== undefined && name !== 'AWS_CA_BUNDLE') env[name] = value;
  const caBundle = parent.AWS_CA_BUNDLE?.trim();
  return { env: { ...env, RCLONE_CONFIG: '/dev/null', ...remote }, extraArgs: caBundle ? ['--ca-cert', caBundle] : [] };
}
