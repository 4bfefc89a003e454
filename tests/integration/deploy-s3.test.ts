/**
 * `npm run deploy` to an S3 bucket, for real: the deploy script as a child process, the real rclone,
 * and a local S3 service (s3rver on 127.0.0.1) that records every object created and removed. The
 * site is a small stand-in for dist/ with the names a build gives (pages, feeds, `_astro/` bundles,
 * content-named images in `media/`, Pagefind's index).
 *
 * The second deploy comes after a "rebuild": every file gets a new time, as every Astro build writes
 * every file, one page changes without changing its size, one post is added and one file disappears.
 * The server must then see exactly the changed and new files created and the missing one removed: an
 * rclone comparing times would send everything, one comparing sizes would miss the page, a `copy`
 * would leave the deleted file online.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3RVER_KEY, startLocalS3, type LocalS3 } from '#tests/helpers/s3-server.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEPLOY = path.join(REPO_ROOT, 'scripts/deploy.ts');
const BUCKET = 'arsip-warta';
const FOLDER = 'situs';

const IMAGE = 'media/007773bd26306d2b42d78624a095af7f5bf952b5b83e1dd21c854a3bb296a932-560w60q.webp';

/** A page of the stand-in site; `label` keeps its length when it changes. */
const page = (title: string, label = 'Berita 1') =>
  `<!doctype html><html lang="id"><head><title>${title}</title><link rel="stylesheet" href="/_astro/Base.Bh6sVqpz.css"></head><body><h1>${title}</h1><p>${label}</p></body></html>\n`;

const SITE: Record<string, string | Buffer> = {
  'index.html': page('Beranda'),
  '404.html': page('Halaman tidak ditemukan'),
  'arsip/index.html': page('Arsip'),
  'pos/youtube/dQw4w9WgXcQ/index.html': page('Rapat koordinasi'),
  'pos/instagram/17912345678901234/index.html': page('Vaksinasi massal'),
  'tagar/vaksinasi/index.html': page('#vaksinasi'),
  'tagar/vaksinasi/rss.xml': '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>#vaksinasi</title></channel></rss>\n',
  'rss.xml': '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Warta</title></channel></rss>\n',
  'sitemap-index.xml': '<?xml version="1.0" encoding="UTF-8"?><sitemapindex></sitemapindex>\n',
  'robots.txt': 'User-agent: *\nAllow: /\n',
  'data/posts.json': '[]\n',
  '_astro/Base.Bh6sVqpz.css': 'body{margin:0}\n',
  '_astro/cari.DGUVB1ZG.js': 'export const search = () => {};\n',
  [IMAGE]: randomBytes(3000),
  'media/007773bd26306d2b42d78624a095af7f5bf952b5b83e1dd21c854a3bb296a932-360w60q.jpg': randomBytes(2000),
  'pagefind/2026/pagefind-entry.json': '{"version":"1.4.0","languages":{"id":{"hash":"id_f63b362c37","wasm":"id","page_count":2}}}\n',
  'pagefind/2026/pagefind.js': 'export const init = () => {};\n',
  'pagefind/2026/wasm.id.pagefind': randomBytes(1500),
  'pagefind/2026/pagefind.id_f63b362c37.pf_meta': randomBytes(200),
  'pagefind/2026/index/id_98cd742.pf_index': randomBytes(400),
  'pagefind/2026/fragment/id_1026993.pf_fragment': randomBytes(300),
  'pagefind/2026/fragment/id_11eae44.pf_fragment': randomBytes(300),
};

const CHANGED = 'arsip/index.html';
const NEW_PAGE = 'pos/instagram/17998765432109876/index.html';
const NEW_IMAGE = 'media/5b1f0e3c9a7d4e2f8c6b1a0d9e8f7c6b5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a09-560w60q.webp';
const DELETED = 'pagefind/2026/fragment/id_11eae44.pf_fragment';

async function writeSite(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [file, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), body);
  }
}

interface DeployRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDeploy(dist: string, env: Record<string, string>): Promise<DeployRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DEPLOY, '--dist', dist], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run deploy to an S3 bucket', () => {
  let s3: LocalS3;
  let work: string;
  let dist: string;
  let settings: Record<string, string>;
  const files = { ...SITE };

  beforeAll(async () => {
    // The deploy runs the real rclone; without it these tests fail here rather than pass unseen.
    const version = spawnSync('rclone', ['version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error('rclone is not installed, and the deploy tests run it: `sudo apt-get install rclone` (`npm test` installs it where it can).');
    }
    s3 = await startLocalS3([BUCKET]);
    work = await mkdtemp(path.join(tmpdir(), 'warta-deploy-test-'));
    dist = path.join(work, 'dist');
    await writeSite(dist, files);
    settings = {
      DEPLOY_TARGET: 's3',
      DEPLOY_S3_PROVIDER: 'Minio',
      DEPLOY_S3_ENDPOINT: s3.endpoint,
      DEPLOY_S3_BUCKET: BUCKET,
      DEPLOY_S3_PATH: FOLDER,
      DEPLOY_S3_ACCESS_KEY_ID: S3RVER_KEY.accessKeyId,
      DEPLOY_S3_SECRET_ACCESS_KEY: S3RVER_KEY.secretAccessKey,
    };
  });

  afterAll(async () => {
    await s3?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The bucket's folder holds exactly dist/: the same keys, the same bytes. */
  async function expectBucketEqualsDist(): Promise<void> {
    expect(await s3.keys(BUCKET, `${FOLDER}/`)).toEqual(Object.keys(files).sort());
    for (const file of Object.keys(files)) {
      expect((await s3.get(BUCKET, `${FOLDER}/${file}`)).body.equals(await readFile(path.join(dist, file))), file).toBe(true);
    }
  }

  /** What the server saw during one deploy, as sorted keys inside the folder. */
  function seen(from: number, kind: 'created' | 'removed'): string[] {
    return s3.events
      .slice(from)
      .filter((event) => event.kind === kind)
      .map((event) => event.key.slice(FOLDER.length + 1))
      .sort();
  }

  it('uploads the whole site the first time, with content types and cache lifetimes', async () => {
    const result = await runDeploy(dist, settings);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(seen(0, 'created')).toEqual(Object.keys(files).sort());
    expect(seen(0, 'removed')).toEqual([]);
    expect(result.stdout).toContain(`deploy: done. ${Object.keys(files).length} files uploaded (${Object.keys(files).length} new, 0 changed), 0 deleted`);
    await expectBucketEqualsDist();

    const expectedTypes = {
      'index.html': 'text/html; charset=utf-8',
      'rss.xml': 'text/xml; charset=utf-8',
      'data/posts.json': 'application/json',
      '_astro/Base.Bh6sVqpz.css': 'text/css; charset=utf-8',
      '_astro/cari.DGUVB1ZG.js': expect.stringMatching(/^(text|application)\/javascript/),
      [IMAGE]: 'image/webp',
      // Pagefind's compressed WebAssembly, fetched and unpacked by its script: served as bytes.
      'pagefind/2026/wasm.id.pagefind': 'application/octet-stream',
    };
    const types = Object.fromEntries(
      await Promise.all(Object.keys(expectedTypes).map(async (file) => [file, (await s3.get(BUCKET, `${FOLDER}/${file}`)).contentType])),
    );
    expect(types).toEqual(expectedTypes);
    expect((await s3.get(BUCKET, `${FOLDER}/_astro/Base.Bh6sVqpz.css`)).cacheControl).toBe('public, max-age=31536000, immutable');
    expect((await s3.get(BUCKET, `${FOLDER}/pagefind/2026/fragment/id_1026993.pf_fragment`)).cacheControl).toBe('public, max-age=31536000, immutable');
    expect((await s3.get(BUCKET, `${FOLDER}/index.html`)).cacheControl).toBe('public, max-age=600');
    expect((await s3.get(BUCKET, `${FOLDER}/pagefind/2026/pagefind-entry.json`)).cacheControl).toBe('public, max-age=600');
  });

  it('after a rebuild sends only the changed and new files, assets before pages, and deletes the missing one last', async () => {
    // A rebuild: every file written again (a new time), one page changed at the same size, one post added, one file gone.
    const later = new Date(Date.now() + 3_600_000);
    for (const file of Object.keys(files)) await utimes(path.join(dist, file), later, later);
    files[CHANGED] = page('Arsip', 'Berita 2');
    expect(files[CHANGED]!.length).toBe(SITE[CHANGED]!.length);
    files[NEW_PAGE] = page('Pasar murah');
    files[NEW_IMAGE] = randomBytes(2500);
    delete files[DELETED];
    await writeSite(dist, { [CHANGED]: files[CHANGED]!, [NEW_PAGE]: files[NEW_PAGE]!, [NEW_IMAGE]: files[NEW_IMAGE]! });
    await rm(path.join(dist, DELETED));

    const from = s3.events.length;
    const result = await runDeploy(dist, settings);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(seen(from, 'created')).toEqual([NEW_IMAGE, CHANGED, NEW_PAGE].sort());
    expect(seen(from, 'removed')).toEqual([DELETED]);
    const order = s3.events.slice(from).map((event) => event.key.slice(FOLDER.length + 1));
    expect(order.indexOf(NEW_IMAGE)).toBeLessThan(order.indexOf(NEW_PAGE));
    expect(order.at(-1)).toBe(DELETED);
    expect(result.stdout).toContain('deploy: done. 3 files uploaded (2 new, 1 changed), 1 deleted');
    expect(result.stdout).toMatch(/\d+(\.\d)? KB sent; 20 unchanged\./);
    await expectBucketEqualsDist();
    expect((await s3.get(BUCKET, `${FOLDER}/${NEW_IMAGE}`)).cacheControl).toBe('public, max-age=31536000, immutable');
    expect((await s3.get(BUCKET, `${FOLDER}/${NEW_PAGE}`)).cacheControl).toBe('public, max-age=600');
  });

  it('sends nothing when nothing changed', async () => {
    const from = s3.events.length;
    const result = await runDeploy(dist, settings);
    expect(result.code).toBe(0);
    expect(s3.events.slice(from)).toEqual([]);
    expect(result.stdout).toContain('deploy: done. 0 files uploaded (0 new, 0 changed), 0 deleted, 0 B sent');
  });

  it('stops with what to do, exit 1 and nothing sent, when the key is refused or the bucket is missing', async () => {
    const from = s3.events.length;
    const refused = await runDeploy(dist, { ...settings, DEPLOY_S3_ACCESS_KEY_ID: 'AKIAWRONGKEY000000000' });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `deploy: The storage service refused the credentials for bucket "${BUCKET}", folder "${FOLDER}" at ${s3.endpoint}. Check the secrets DEPLOY_S3_ACCESS_KEY_ID and DEPLOY_S3_SECRET_ACCESS_KEY (a key of this account, allowed to list, read, write and delete in the bucket).`,
    );

    const missing = await runDeploy(dist, { ...settings, DEPLOY_S3_BUCKET: 'arsip-salah-ketik' });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      `deploy: The bucket "arsip-salah-ketik" does not exist at ${s3.endpoint}. Create it in the storage service's console, or correct DEPLOY_S3_BUCKET (and DEPLOY_S3_ENDPOINT, DEPLOY_S3_REGION).`,
    );
    // Not created on the way, as rclone would by default.
    expect(await s3.hasBucket('arsip-salah-ketik')).toBe(false);
    expect(s3.events.slice(from)).toEqual([]);
  });

  it('stops with the variables to correct, exit 1, before running rclone', async () => {
    const result = await runDeploy(dist, { ...settings, DEPLOY_S3_BUCKET: '', DEPLOY_S3_SECRET_ACCESS_KEY: ' ' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatchInlineSnapshot(`
      "deploy: The deploy settings in the environment are not valid (in CI: the repository variables and secrets):
        - DEPLOY_S3_BUCKET: is not set (the bucket the site is served from)
        - DEPLOY_S3_SECRET_ACCESS_KEY: is not set (a secret: the secret access key that goes with the key id)
      "
    `);
  });
});
