/**
 * Generates the SAMPLE ARCHIVE in `content/`: invented posts of the Prokopim office of Kabupaten Tapanuli
 * Selatan with placeholder pictures, so the site can be built, tested and shown before any real sync has
 * run. `content/archive.json` says `"sample": true`, and every page then tells readers it is sample data.
 *
 *   npm run sample        (node scripts/sample/generate.ts)
 *
 * The output is committed, so the script is deterministic: no clock, no Math.random(), fixed instants and
 * PRNGs seeded from post ids; running it twice gives byte-identical files. It rebuilds `content/posts/`
 * from scratch in `content/sample.tmp/` and swaps it in only when every post validated, so a failed run
 * leaves the previous sample untouched.
 *
 * Temporary: a later issue replaces this generator by running the real sync against recorded API test
 * fixtures, so that the sample is exactly what the sync would write. Until then, this file and the post
 * schema (`src/schemas/post.ts`) must agree; `postSchema.parse` checks that on every run.
 *
 * The posts themselves are in `posts.ts`; the pictures are drawn by `artwork.ts`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { ARCHIVE_STATE_FILE, archiveStateSchema } from '../../src/schemas/archive.ts';
import { postFolder, postSchema, type Platform, type Post, type PostMedia } from '../../src/schemas/post.ts';
import type { AccountConfig } from '../../src/schemas/site-config.ts';
import { siteConfig } from '../../src/site.config.ts';
import { deriveTitle, extractHashtags } from '../../src/utils/text.ts';
import { renderArtwork, seededRandom } from './artwork.ts';
import { LAST_SYNC_AT, SAMPLE_POSTS, UNIQUE_SEARCH_WORD, type SamplePost } from './posts.ts';

// Resolved from this file, not the working directory, so the script never deletes the wrong folder.
const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));
const POSTS_DIR = join(CONTENT_DIR, 'posts');
// A fresh tree is built here (as `<staging>/posts/...`) and swapped in; `*.tmp` is ignored by git.
const STAGING_DIR = join(CONTENT_DIR, 'sample.tmp');

const SOURCES = { youtube: 'youtube-data-api-v3', instagram: 'instagram-graph-api' } as const;

/** ISO 8601 in UTC without milliseconds, the way the sync writes instants. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The account references, taken from the site config so the sample always matches it. */
function accountRefs(): Record<Platform, Post['account']> {
  const find = <P extends Platform>(platform: P) => {
    const account = siteConfig.accounts.find((a): a is Extract<AccountConfig, { platform: P }> => a.platform === platform);
    if (!account) throw new Error(`src/site.config.ts has no ${platform} account; the sample needs one of each platform.`);
    return account;
  };
  const youtube = find('youtube');
  const instagram = find('instagram');
  return {
    youtube: { id: youtube.channelId, handle: youtube.handle, name: youtube.name },
    instagram: { id: instagram.userId, handle: instagram.handle, name: instagram.name },
  };
}

function permalink(sample: SamplePost): string {
  if (sample.platform === 'youtube') {
    return sample.kind === 'short'
      ? `https://www.youtube.com/shorts/${sample.id}`
      : `https://www.youtube.com/watch?v=${sample.id}`;
  }
  return `https://www.instagram.com/${sample.kind === 'reel' ? 'reel' : 'p'}/${sample.shortcode}/`;
}

/** YouTube has real titles; Instagram titles come from the caption, exactly as the sync derives them. */
function titleOf(sample: SamplePost, text = sample.text, earlierTitle?: string): string {
  if (sample.platform === 'youtube') return earlierTitle ?? sample.title;
  return deriveTitle(text);
}

/** The sync notices a new post some minutes after it appears; vary that delay (3 min to 2.5 h) per post. */
function firstSeenAt(sample: SamplePost): string {
  const random = seededRandom(`first-seen:${sample.platform}/${sample.id}`);
  const delaySeconds = 180 + Math.floor(random() * 8_820);
  return iso(Date.parse(sample.publishedAt) + delaySeconds * 1000);
}

/** Writes beside the target and renames, so a reader never sees half a file. */
async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/** Pretty JSON with a trailing newline: stable, readable diffs in git. */
async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Draws one picture, writes it, and records what is on disk (size read back by sharp, sha256 of the bytes). */
async function mirrorPicture(
  folder: string,
  seed: string,
  item: { file: string; role: 'image' | 'poster'; width: number; height: number; alt: string; mirroredAt: string },
): Promise<PostMedia> {
  const path = join(folder, item.file);
  await writeFileAtomic(path, await renderArtwork(seed, item.width, item.height));
  const bytes = await readFile(path);
  const { width, height } = await sharp(path).metadata();
  return {
    status: 'mirrored',
    role: item.role,
    file: item.file,
    width,
    height,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    alt: item.alt,
    mirroredAt: item.mirroredAt,
  };
}

/** The post's media list, writing each mirrored file into `folder`. */
async function mirrorMedia(sample: SamplePost, folder: string, title: string, mirroredAt: string): Promise<PostMedia[]> {
  const seed = (file: string) => `${sample.platform}/${sample.id}/${file}`;
  if (sample.platform === 'youtube') {
    const [width, height] = sample.kind === 'short' ? [360, 640] : [640, 360];
    const poster = { file: 'poster.jpg', role: 'poster' as const, width, height, alt: `Cuplikan video: ${title}`, mirroredAt };
    return [await mirrorPicture(folder, seed(poster.file), poster)];
  }
  if (sample.pending) {
    // The download failed: only the pending entry, which the next sync would retry.
    return [{ status: 'pending', role: 'image', ...sample.pending, lastAttemptAt: LAST_SYNC_AT }];
  }
  const [width, height] = sample.portrait ? [640, 800] : [640, 640];
  const media: PostMedia[] = [];
  for (const [index, alt] of sample.images.entries()) {
    const item =
      sample.kind === 'reel'
        ? { file: 'poster.jpg', role: 'poster' as const, width, height, alt, mirroredAt }
        : { file: `${index + 1}.jpg`, role: 'image' as const, width, height, alt, mirroredAt };
    media.push(await mirrorPicture(folder, seed(item.file), item));
  }
  return media;
}

/** Validates against the one post schema; a mistake in the table stops the run with the field named. */
function validate(candidate: unknown, key: string): Post {
  const result = postSchema.safeParse(candidate);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(post)'}: ${issue.message}`);
  throw new Error(`Sample post ${key} does not match src/schemas/post.ts:\n${issues.join('\n')}`);
}

/** Builds one post folder (media, then post.json) under `root` and returns the validated post. */
async function writePost(sample: SamplePost, root: string, accounts: Record<Platform, Post['account']>): Promise<Post> {
  const folder = join(root, postFolder(sample.platform, sample.id));
  await mkdir(folder, { recursive: true });
  const title = titleOf(sample);
  const seenAt = firstSeenAt(sample);

  // Keys in schema order; postSchema.parse keeps that order, so the files read like the schema.
  const post = validate(
    {
      schemaVersion: 1,
      platform: sample.platform,
      id: sample.id,
      account: accounts[sample.platform],
      permalink: permalink(sample),
      kind: sample.kind,
      live: sample.platform === 'youtube' ? sample.live : undefined,
      title,
      text: sample.text,
      hashtags: extractHashtags(sample.text),
      publishedAt: sample.publishedAt,
      durationSeconds: sample.durationSeconds,
      media: await mirrorMedia(sample, folder, title, seenAt),
      provenance: {
        source: SOURCES[sample.platform],
        firstSeenAt: seenAt,
        lastSeenAt: sample.lastSeenAt ?? LAST_SYNC_AT,
        versions: (sample.earlier ?? []).map((earlier) => ({
          title: titleOf(sample, earlier.text, earlier.title),
          text: earlier.text,
          replacedAt: earlier.replacedAt,
        })),
        removed: sample.removed,
      },
    },
    `${sample.platform}/${sample.id}`,
  );
  await writeJson(join(folder, 'post.json'), post);
  return post;
}

/** Facts the schema cannot check but the sample promises (tests and the search page rely on them). */
function checkSample(posts: Post[]): void {
  const problems: string[] = [];
  const keys = posts.map((post) => `${post.platform}/${post.id}`);
  if (new Set(keys).size !== keys.length) problems.push('two rows in posts.ts have the same platform and id');

  const word = UNIQUE_SEARCH_WORD.toLowerCase();
  const withWord = posts.filter((post) => JSON.stringify(post).toLowerCase().includes(word));
  if (withWord.length !== 1) problems.push(`"${UNIQUE_SEARCH_WORD}" must occur in exactly one post, found ${withWord.length}`);

  for (const post of posts) {
    const key = `${post.platform}/${post.id}`;
    const { firstSeenAt, lastSeenAt, versions, removed } = post.provenance;
    const at = (value: string) => Date.parse(value);
    if (!(at(post.publishedAt) < at(firstSeenAt) && at(firstSeenAt) <= at(lastSeenAt))) {
      problems.push(`${key}: expected publishedAt < firstSeenAt <= lastSeenAt`);
    }
    if (versions.some((version) => at(version.replacedAt) <= at(firstSeenAt))) {
      problems.push(`${key}: an earlier version was replaced before the sync first saw the post`);
    }
    if (removed && at(removed.at) <= at(lastSeenAt)) problems.push(`${key}: removed.at must be after lastSeenAt`);
  }
  if (problems.length > 0) throw new Error(`The sample data in scripts/sample/posts.ts is inconsistent:\n  - ${problems.join('\n  - ')}`);
}

function printSummary(posts: Post[]): void {
  const counts = new Map<string, number>();
  for (const post of posts) counts.set(`${post.platform} ${post.kind}`, (counts.get(`${post.platform} ${post.kind}`) ?? 0) + 1);
  const files = posts.reduce((sum, post) => sum + post.media.filter((item) => item.status === 'mirrored').length, 0);
  console.log(`Sample archive written to content/: ${posts.length} posts, ${files} pictures.`);
  for (const [kind, count] of [...counts].sort()) console.log(`  ${kind}: ${count}`);
}

async function main(): Promise<void> {
  const accounts = accountRefs();
  await rm(STAGING_DIR, { recursive: true, force: true });
  try {
    const posts: Post[] = [];
    for (const sample of SAMPLE_POSTS) posts.push(await writePost(sample, STAGING_DIR, accounts));
    checkSample(posts);

    // Everything validated: replace the old posts as a whole, so no stale post survives a rerun.
    await rm(POSTS_DIR, { recursive: true, force: true });
    await rename(join(STAGING_DIR, 'posts'), POSTS_DIR);
    await writeJson(
      join(CONTENT_DIR, ARCHIVE_STATE_FILE),
      archiveStateSchema.parse({ schemaVersion: 1, sample: true, lastSyncAt: LAST_SYNC_AT }),
    );
    printSummary(posts);
  } finally {
    await rm(STAGING_DIR, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nSample generation failed; content/ was left as it was.\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
