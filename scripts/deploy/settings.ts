/**
 * Where `npm run deploy` puts dist/: an S3-compatible bucket or a folder on the office's own server over
 * SFTP, read once from the environment (in CI: repository variables and secrets) and checked here, with
 * one line per problem naming the variable. Every other deploy module reads the parsed value.
 */
import { z } from 'astro/zod';
import { FriendlyValidationError, parseWithFriendlyErrors } from '#archive/parse.ts';

/** Unset and empty are the same: GitHub Actions passes an unset variable as "". */
const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));
const requiredText = (what: string) => optionalText.pipe(z.string({ error: `is not set (${what})` }));

const PORT_RANGE = 'must be a port number from 1 to 65535';
const noParent = (value: string) => !value.split('/').includes('..');

/** A folder inside the bucket, without slashes at either end; never "..". */
const bucketFolder = z
  .string()
  .transform((value) => value.trim().replace(/^\/+|\/+$/g, ''))
  .refine(noParent, 'must not contain ".."');

/** A folder on the server: absolute ("/var/www/warta") or under the user's home ("public_html"); never "/" or "..". */
const serverFolder = z
  .string()
  .transform((value) => value.replace(/(.)\/+$/, '$1'))
  .refine(noParent, 'must not contain ".."')
  .refine((value) => value !== '/', 'must be the site\'s own folder, not the root of the server');

const s3Schema = z
  .object({
    DEPLOY_TARGET: z.literal('s3'),
    /**
     * rclone's name for the service: its S3 quirks (R2 wants no ACL, MinIO path-style requests).
     * @see https://rclone.org/s3/#s3-provider
     */
    DEPLOY_S3_PROVIDER: optionalText.pipe(
      z.enum(['AWS', 'Cloudflare', 'Minio', 'Other'], { error: 'must be AWS, Cloudflare, Minio or Other (any other S3-compatible service)' }).default('Other'),
    ),
    /** The service's address, e.g. https://<account-id>.r2.cloudflarestorage.com; AWS needs none. */
    DEPLOY_S3_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://<account-id>.r2.cloudflarestorage.com' }).optional()),
    /** The bucket's region (AWS: e.g. ap-southeast-3; R2: auto); empty for the service's default. */
    DEPLOY_S3_REGION: optionalText,
    DEPLOY_S3_BUCKET: requiredText('the bucket the site is served from').pipe(
      z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens'),
    ),
    /** A folder inside the bucket; empty: the whole bucket is the site. */
    DEPLOY_S3_PATH: optionalText.pipe(bucketFolder.default('')),
    DEPLOY_S3_ACCESS_KEY_ID: requiredText('a secret: the access key id of a key that may read and write the bucket'),
    DEPLOY_S3_SECRET_ACCESS_KEY: requiredText('a secret: the secret access key that goes with the key id'),
  })
  .refine((env) => env.DEPLOY_S3_PROVIDER === 'AWS' || env.DEPLOY_S3_ENDPOINT !== undefined, {
    path: ['DEPLOY_S3_ENDPOINT'],
    message: 'is not set (needed for every service but AWS, e.g. https://<account-id>.r2.cloudflarestorage.com)',
  });

const sftpSchema = z.object({
  DEPLOY_TARGET: z.literal('sftp'),
  DEPLOY_SFTP_HOST: requiredText('the server name or address').pipe(z.string().regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or an IP address')),
  DEPLOY_SFTP_PORT: optionalText.pipe(
    z.string().regex(/^\d{1,5}$/, 'must be a port number').transform(Number).pipe(z.number().min(1, PORT_RANGE).max(65_535, PORT_RANGE)).default(22),
  ),
  DEPLOY_SFTP_USER: requiredText('the SSH user that owns the site folder'),
  /** The folder the web server serves the site from, e.g. /var/www/warta; it must exist. */
  DEPLOY_SFTP_PATH: requiredText('the folder the web server serves, e.g. /var/www/warta').pipe(serverFolder),
  /** The private key (PEM, the whole "-----BEGIN … KEY-----" block), kept as a secret. */
  DEPLOY_SFTP_KEY: requiredText('a secret: the private SSH key whose public key is in the user’s authorized_keys').pipe(
    z.string().regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'must be a private key in PEM form, starting "-----BEGIN … PRIVATE KEY-----"'),
  ),
  /**
   * The server's line(s) from `ssh-keyscan`, so that a different machine answering is refused. Required:
   * without it the deploy would hand the site (and prove the key) to whoever answers at that address.
   */
  DEPLOY_SFTP_KNOWN_HOSTS: requiredText(
    "the server's public host key, so that no other machine can pose as it: the output of `ssh-keyscan -p PORT HOST`, run on a network you trust, as a repository variable",
  ).pipe(z.string().regex(/^\S+ (?:ssh-|ecdsa-|sk-)\S+ \S+/m, 'must be known_hosts lines as `ssh-keyscan` prints them: "HOST KEY-TYPE KEY"')),
});

/** Every variable the deploy reads, for the workflow that sets them (tests/unit/workflow.test.ts). */
export const DEPLOY_VARIABLES: readonly string[] = [...new Set([...Object.keys(s3Schema.shape), ...Object.keys(sftpSchema.shape)])];
/** Those of them that are credentials: repository (or environment) secrets, never variables. */
export const DEPLOY_SECRETS: readonly string[] = ['DEPLOY_S3_ACCESS_KEY_ID', 'DEPLOY_S3_SECRET_ACCESS_KEY', 'DEPLOY_SFTP_KEY'];

export interface S3Target {
  kind: 's3';
  provider: 'AWS' | 'Cloudflare' | 'Minio' | 'Other';
  endpoint: string | undefined;
  region: string | undefined;
  bucket: string;
  /** Inside the bucket, without slashes at either end ('' for the whole bucket). */
  path: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SftpTarget {
  kind: 'sftp';
  host: string;
  port: number;
  user: string;
  /** As rclone names it: "/var/www/warta" (absolute) or "public_html" (under the user's home). */
  path: string;
  privateKey: string;
  /** known_hosts lines: rclone refuses any other host key. */
  knownHosts: string;
}

export type DeployTarget = S3Target | SftpTarget;

export class DeploySettingsError extends FriendlyValidationError {
  override name = 'DeploySettingsError';
}

const MESSAGE = 'The deploy settings in the environment are not valid (in CI: the repository variables and secrets):';

/** The target named by DEPLOY_TARGET, with its settings checked; or a DeploySettingsError, a line per problem. */
export function parseDeployTarget(env: Record<string, string | undefined>): DeployTarget {
  const target = env.DEPLOY_TARGET?.trim();
  if (target === 's3') {
    const vars = parseWithFriendlyErrors(s3Schema, env, MESSAGE, { as: DeploySettingsError });
    return {
      kind: 's3',
      provider: vars.DEPLOY_S3_PROVIDER,
      endpoint: vars.DEPLOY_S3_ENDPOINT,
      region: vars.DEPLOY_S3_REGION,
      bucket: vars.DEPLOY_S3_BUCKET,
      path: vars.DEPLOY_S3_PATH,
      accessKeyId: vars.DEPLOY_S3_ACCESS_KEY_ID,
      secretAccessKey: vars.DEPLOY_S3_SECRET_ACCESS_KEY,
    };
  }
  if (target === 'sftp') {
    const vars = parseWithFriendlyErrors(sftpSchema, env, MESSAGE, { as: DeploySettingsError });
    return {
      kind: 'sftp',
      host: vars.DEPLOY_SFTP_HOST,
      port: vars.DEPLOY_SFTP_PORT,
      user: vars.DEPLOY_SFTP_USER,
      path: vars.DEPLOY_SFTP_PATH,
      privateKey: vars.DEPLOY_SFTP_KEY,
      knownHosts: vars.DEPLOY_SFTP_KNOWN_HOSTS,
    };
  }
  const said = target ? `is "${target}"` : 'is not set';
  // GitHub Pages is the workflow's own deploy (actions/deploy-pages), not this script's.
  throw new DeploySettingsError(MESSAGE, [`DEPLOY_TARGET: ${said}; must be "s3" (S3, R2, MinIO) or "sftp" (the office's own server)`]);
}

/** Every secret of a target, so that nothing printed can contain one. */
export function secretsOf(target: DeployTarget): string[] {
  return target.kind === 's3' ? [target.secretAccessKey] : [target.privateKey];
}
