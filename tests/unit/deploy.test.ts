/**
 * The deploy's pure parts: the settings and their messages, the rclone commands and environment built
 * from them, and rclone's log read back. The real rclone against a local S3 service is
 * tests/integration/deploy-s3.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkArgs, hashesArgs, HASHED_FILES, processEnvironment, remoteEnvironment, remoteRoot, uploadPasses } from '#scripts/deploy/rclone-args.ts';
import { explainFailure, formatSummary, parseLogLine, summarise } from '#scripts/deploy/rclone-log.ts';
import { parseDeployTarget, secretsOf, type S3Target, type SftpTarget } from '#scripts/deploy/settings.ts';

const R2 = {
  DEPLOY_TARGET: 's3',
  DEPLOY_S3_PROVIDER: 'Cloudflare',
  DEPLOY_S3_ENDPOINT: 'https://0123456789abcdef.r2.cloudflarestorage.com',
  DEPLOY_S3_REGION: 'auto',
  DEPLOY_S3_BUCKET: 'arsip-warta',
  DEPLOY_S3_PATH: '/situs/',
  DEPLOY_S3_ACCESS_KEY_ID: 'key-id',
  DEPLOY_S3_SECRET_ACCESS_KEY: 'secret-key',
};
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n';
const SERVER = {
  DEPLOY_TARGET: 'sftp',
  DEPLOY_SFTP_HOST: 'web.tapselkab.go.id',
  DEPLOY_SFTP_USER: 'warta',
  DEPLOY_SFTP_PATH: '/var/www/warta/',
  DEPLOY_SFTP_KEY: KEY,
  DEPLOY_SFTP_KNOWN_HOSTS: 'web.tapselkab.go.id ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI',
};
const r2 = parseDeployTarget(R2) as S3Target;
const server = parseDeployTarget(SERVER) as SftpTarget;

const messageOf = (env: Record<string, string>) => {
  try {
    parseDeployTarget(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
};

describe('deploy settings', () => {
  it('reads an S3 target, GitHub’s empty variables as unset', () => {
    expect(r2).toEqual({
      kind: 's3',
      provider: 'Cloudflare',
      endpoint: 'https://0123456789abcdef.r2.cloudflarestorage.com',
      region: 'auto',
      bucket: 'arsip-warta',
      path: 'situs',
      accessKeyId: 'key-id',
      secretAccessKey: 'secret-key',
    });
    const minimal = parseDeployTarget({ ...R2, DEPLOY_S3_PROVIDER: '', DEPLOY_S3_REGION: '', DEPLOY_S3_PATH: '' });
    expect(minimal).toMatchObject({ provider: 'Other', region: undefined, path: '' });
    expect(parseDeployTarget({ ...R2, DEPLOY_S3_PROVIDER: 'AWS', DEPLOY_S3_ENDPOINT: '' })).toMatchObject({ endpoint: undefined });
  });

  it('reads an SFTP target, port 22 unless set, the folder as given', () => {
    expect(server).toEqual({ kind: 'sftp', host: 'web.tapselkab.go.id', port: 22, user: 'warta', path: '/var/www/warta', privateKey: KEY.trim(), knownHosts: SERVER.DEPLOY_SFTP_KNOWN_HOSTS });
    expect(parseDeployTarget({ ...SERVER, DEPLOY_SFTP_PATH: 'public_html', DEPLOY_SFTP_PORT: '2222' })).toMatchObject({ path: 'public_html', port: 2222 });
    expect(secretsOf(server)).toEqual([KEY.trim()]);
    expect(secretsOf(r2)).toEqual(['secret-key']);
  });

  it('names every variable to correct, on its own line, without echoing a value', () => {
    expect(messageOf({})).toMatchInlineSnapshot(`
      "The deploy settings in the environment are not valid (in CI: the repository variables and secrets):
        - DEPLOY_TARGET: is not set; must be "s3" (S3, R2, MinIO) or "sftp" (the office's own server)"
    `);
    expect(messageOf({ ...R2, DEPLOY_S3_PROVIDER: 'r2', DEPLOY_S3_ENDPOINT: '', DEPLOY_S3_BUCKET: 'Arsip_Warta', DEPLOY_S3_PATH: 'a/../b', DEPLOY_S3_SECRET_ACCESS_KEY: '' }))
      .toMatchInlineSnapshot(`
        "The deploy settings in the environment are not valid (in CI: the repository variables and secrets):
          - DEPLOY_S3_PROVIDER: must be AWS, Cloudflare, Minio or Other (any other S3-compatible service)
          - DEPLOY_S3_BUCKET: must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens
          - DEPLOY_S3_PATH: must not contain ".."
          - DEPLOY_S3_SECRET_ACCESS_KEY: is not set (a secret: the secret access key that goes with the key id)"
      `);
    expect(messageOf({ ...R2, DEPLOY_S3_ENDPOINT: '' })).toContain('DEPLOY_S3_ENDPOINT: is not set (needed for every service but AWS');
    const sftp = messageOf({ ...SERVER, DEPLOY_SFTP_PATH: '/', DEPLOY_SFTP_PORT: '70000', DEPLOY_SFTP_KEY: 'ssh-ed25519 AAAA public' });
    expect(sftp).toMatchInlineSnapshot(`
      "The deploy settings in the environment are not valid (in CI: the repository variables and secrets):
        - DEPLOY_SFTP_PORT: must be a port number from 1 to 65535
        - DEPLOY_SFTP_PATH: must be the site's own folder, not the root of the server
        - DEPLOY_SFTP_KEY: must be a private key in PEM form, starting "-----BEGIN … PRIVATE KEY-----""
    `);
    expect(sftp).not.toContain('AAAA');
  });

  it('refuses an SFTP target without the server\'s known host key, saying what to set and how to get it', () => {
    for (const knownHosts of [undefined, '', '  ']) {
      expect(messageOf({ ...SERVER, DEPLOY_SFTP_KNOWN_HOSTS: knownHosts as string })).toMatchInlineSnapshot(`
        "The deploy settings in the environment are not valid (in CI: the repository variables and secrets):
          - DEPLOY_SFTP_KNOWN_HOSTS: is not set (the server's public host key, so that no other machine can pose as it: the output of \`ssh-keyscan -p PORT HOST\`, run on a network you trust, as a repository variable)"
      `);
    }
    expect(messageOf({ ...SERVER, DEPLOY_SFTP_KNOWN_HOSTS: 'SHA256:abc fingerprint' })).toContain(
      'DEPLOY_SFTP_KNOWN_HOSTS: must be known_hosts lines as `ssh-keyscan` prints them: "HOST KEY-TYPE KEY"',
    );
    // ssh-keyscan's lines, a port in brackets and several key types included.
    const scanned = '[web.tapselkab.go.id]:2222 ssh-ed25519 AAAAC3Nz\n[web.tapselkab.go.id]:2222 ecdsa-sha2-nistp256 AAAAE2Vj';
    expect(parseDeployTarget({ ...SERVER, DEPLOY_SFTP_KNOWN_HOSTS: scanned })).toMatchObject({ knownHosts: scanned });
    expect(messageOf({ DEPLOY_TARGET: 'pages' })).toContain('DEPLOY_TARGET: is "pages"; must be "s3"');
  });
});

describe('rclone commands', () => {
  it('configures the remote through environment variables, the key as rclone reads key_pem', () => {
    expect(remoteEnvironment(r2)).toEqual({
      RCLONE_CONFIG_WARTA_TYPE: 's3',
      RCLONE_CONFIG_WARTA_PROVIDER: 'Cloudflare',
      RCLONE_CONFIG_WARTA_ACCESS_KEY_ID: 'key-id',
      RCLONE_CONFIG_WARTA_SECRET_ACCESS_KEY: 'secret-key',
      RCLONE_CONFIG_WARTA_ENDPOINT: 'https://0123456789abcdef.r2.cloudflarestorage.com',
      RCLONE_CONFIG_WARTA_REGION: 'auto',
      RCLONE_CONFIG_WARTA_NO_CHECK_BUCKET: 'true',
    });
    expect(remoteEnvironment(server, '/tmp/known_hosts')).toEqual({
      RCLONE_CONFIG_WARTA_TYPE: 'sftp',
      RCLONE_CONFIG_WARTA_HOST: 'web.tapselkab.go.id',
      RCLONE_CONFIG_WARTA_PORT: '22',
      RCLONE_CONFIG_WARTA_USER: 'warta',
      RCLONE_CONFIG_WARTA_KEY_PEM: '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\nAAAABG5vbmU=\\n-----END OPENSSH PRIVATE KEY-----',
      RCLONE_CONFIG_WARTA_KNOWN_HOSTS_FILE: '/tmp/known_hosts',
    });
  });

  it('checks the bucket (S3) or the folder (SFTP) before sending, and asks the server for its checksums', () => {
    expect(remoteRoot(r2)).toBe('warta:arsip-warta/situs');
    expect(remoteRoot({ ...r2, path: '' })).toBe('warta:arsip-warta');
    expect(remoteRoot(server)).toBe('warta:/var/www/warta');
    expect(checkArgs(r2)).toEqual(['lsf', '--max-depth', '1', 'warta:arsip-warta']);
    expect(checkArgs(server)).toEqual(['lsf', '--max-depth', '1', 'warta:/var/www/warta']);
    expect(hashesArgs(server)).toEqual(['backend', 'features', 'warta:/var/www/warta']);
  });

  it('sends the content-named files first (immutable), then syncs everything by checksum and deletes last', () => {
    const includes = HASHED_FILES.flatMap((pattern) => ['--include', pattern]);
    const logging = ['--fast-list', '--use-json-log', '--verbose', '--stats', '1m'];
    expect(uploadPasses(r2, '/site/dist', { checksum: true }).map((pass) => pass.args)).toEqual([
      ['copy', '/site/dist/', 'warta:arsip-warta/situs', ...includes, '--checksum', ...logging, '--header-upload', 'Cache-Control: public, max-age=31536000, immutable'],
      ['sync', '/site/dist/', 'warta:arsip-warta/situs', '--delete-after', '--checksum', ...logging, '--header-upload', 'Cache-Control: public, max-age=600'],
    ]);
    expect(HASHED_FILES).toEqual(expect.arrayContaining(['/_astro/**', '/pagefind/*/fragment/**']));
    // SFTP: no HTTP headers; without checksums on the server, rclone's size-and-time comparison (never size alone).
    const sftp = uploadPasses(server, '/site/dist/', { checksum: false }).map((pass) => pass.args);
    expect(sftp[1]).toEqual(['sync', '/site/dist/', 'warta:/var/www/warta', '--delete-after', ...logging]);
    for (const args of sftp) expect(args).not.toEqual(expect.arrayContaining(['--size-only']));
  });

  it('runs rclone without a config file, and hands AWS_CA_BUNDLE over as --ca-cert', () => {
    const { env, extraArgs } = processEnvironment({ PATH: '/usr/bin', AWS_CA_BUNDLE: '/etc/ssl/corp.pem', RCLONE_TRANSFERS: '8', UNSET: undefined }, { RCLONE_CONFIG_WARTA_TYPE: 's3' });
    expect(env).toEqual({ PATH: '/usr/bin', RCLONE_TRANSFERS: '8', RCLONE_CONFIG: '/dev/null', RCLONE_CONFIG_WARTA_TYPE: 's3' });
    expect(extraArgs).toEqual(['--ca-cert', '/etc/ssl/corp.pem']);
    expect(processEnvironment({ PATH: '/usr/bin' }, {}).extraArgs).toEqual([]);
  });
});

describe('rclone log', () => {
  // Lines as rclone 1.60 writes them with --use-json-log --verbose (times and sources shortened).
  const firstPass = [
    '{"level":"info","msg":"Copied (new)","object":"_astro/Base.x1.css","objectType":"*local.Object"}',
    '{"level":"info","msg":"\\nTransferred: 0.1 KB\\n","stats":{"bytes":100,"checks":0,"deletes":0,"errors":0,"transfers":1}}',
  ].map(parseLogLine);
  // The second pass logs its totals twice (every minute, and at the end), the first above the first pass's.
  const secondPass = [
    '{"level":"info","msg":"Copied (replaced existing)","object":"index.html","objectType":"*local.Object"}',
    '{"level":"info","msg":"Copied (new)","object":"pos/youtube/abc/index.html","objectType":"*local.Object"}',
    '{"level":"info","msg":"\\nTransferred: 0.5 KB\\n","stats":{"bytes":500,"checks":20,"deletes":0,"errors":0,"transfers":1}}',
    '{"level":"info","msg":"Deleted","object":"posts.csv","objectType":"*s3.Object"}',
    '{"level":"info","msg":"\\nTransferred: 3 KB\\n","stats":{"bytes":3000,"checks":21,"deletes":1,"errors":0,"transfers":2}}',
  ].map(parseLogLine);

  it('reads files uploaded and deleted, and adds up the bytes of each pass from its last totals', () => {
    expect([...firstPass, ...secondPass].filter((event) => event.kind === 'uploaded' || event.kind === 'deleted')).toEqual([
      { kind: 'uploaded', file: '_astro/Base.x1.css', change: 'new' },
      { kind: 'uploaded', file: 'index.html', change: 'changed' },
      { kind: 'uploaded', file: 'pos/youtube/abc/index.html', change: 'new' },
      { kind: 'deleted', file: 'posts.csv' },
    ]);
    const summary = summarise([firstPass, secondPass]);
    expect(summary).toEqual({ uploadedNew: 2, uploadedChanged: 1, deleted: 1, bytes: 100 + 3000 });
    expect(formatSummary(summary, 40)).toBe('3 files uploaded (2 new, 1 changed), 1 deleted, 3.0 KB sent; 37 unchanged.');
    expect(formatSummary(summarise([]), 1)).toBe('0 files uploaded (0 new, 0 changed), 0 deleted, 0 B sent; 1 unchanged.');
  });

  it('keeps errors and rclone’s plain last words as problems', () => {
    expect(parseLogLine('{"level":"error","msg":"error listing: directory not found","object":""}')).toEqual({ kind: 'problem', level: 'error', text: 'error listing: directory not found' });
    expect(parseLogLine('2026/12/03 11:32:59 Failed to lsf with 2 errors: last error was: directory not found')).toEqual({
      kind: 'problem',
      level: 'error',
      text: 'Failed to lsf with 2 errors: last error was: directory not found',
    });
  });

  it('turns rclone’s errors into what to do', () => {
    expect(explainFailure(r2, ['error listing: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.', '\tstatus code: 403'])).toMatch(
      /^The storage service refused the credentials for bucket "arsip-warta", folder "situs" at https:\/\/0123456789abcdef\.r2\.cloudflarestorage\.com\. Check the secrets DEPLOY_S3_ACCESS_KEY_ID and DEPLOY_S3_SECRET_ACCESS_KEY/,
    );
    expect(explainFailure(r2, ['error listing: directory not found'])).toMatch(/^The bucket "arsip-warta" does not exist at https:\/\/0123456789abcdef/);
    expect(explainFailure(r2, ['caused by: Get "https://x/": dial tcp: lookup x: no such host'])).toMatch(/^Could not reach https:\/\/0123456789abcdef\S+ \(no such host\)\. Check DEPLOY_S3_ENDPOINT/);
    expect(explainFailure(server, ['NewFs: couldn\'t connect SSH: ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain'])).toMatch(
      /^The server refused the SSH key for folder "\/var\/www\/warta" on warta@web\.tapselkab\.go\.id:22\. Check DEPLOY_SFTP_USER and the secret DEPLOY_SFTP_KEY/,
    );
    expect(explainFailure(server, ['ssh: handshake failed: knownhosts: key mismatch'])).toContain('`ssh-keyscan -p 22 web.tapselkab.go.id`');
    expect(explainFailure(server, ['error listing: directory not found'])).toMatch(/^The folder "\/var\/www\/warta" does not exist on web\.tapselkab\.go\.id\. Create it/);
    expect(explainFailure(r2, ['Failed to sync with 3 errors: last error was: quota exceeded'])).toBe(
      'rclone could not finish the deploy to bucket "arsip-warta", folder "situs" at https://0123456789abcdef.r2.cloudflarestorage.com: quota exceeded. The files already sent stay; the next deploy sends the rest.',
    );
  });
});
