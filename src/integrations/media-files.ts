/**
 * Makes the published copies of the mirrored images (`src/utils/media-variants.ts`) after `astro build`:
 * exactly the copies the listed posts' pages show, into `dist/media/`.
 *
 * Each copy is encoded once and kept in a cache folder (`.cache/media/`, restored by CI) under its
 * content-addressed name, so a build after one new post encodes that post's images only, and a cold build
 * encodes each image at most twice, on every core. A missing or unreadable original fails the build,
 * naming the file. In `astro dev` the same copies are made on request.
 */
import type { AstroIntegration } from 'astro';
import { access, copyFile, link, mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { errorCode, postDirectory, readArchivedPosts, writeFileAtomic } from '#archive/archive-fs.ts';
import type { MirroredMedia, Post } from '#archive/post.ts';
import { copiesShownFor } from '../lib/media.ts';
import { MEDIA_DIR, MEDIA_VARIANTS, mediaCopy, variantOfFile, type MediaCopy } from '../utils/media-variants.ts';
import { listedPostsOf } from './published-posts.ts';
import { FILES_AT_ONCE, inTurns } from '../utils/in-turns.ts';

/** The cache folder, relative to the project root; CI restores it between runs. */
export const MEDIA_CACHE_DIR = `.cache/${MEDIA_DIR}`;

/** Encodes run side by side, one libvips thread each: two cores encode two images at once. */
const ENCODES_AT_ONCE = availableParallelism();
sharp.concurrency(1);

/** The originals by sha256: where each is in `content/`, and what post.json says of it. */
export type Originals = Map<string, { path: string; item: MirroredMedia }>;

export function originalsOf(contentDir: string, posts: Iterable<Post>): Originals {
  const originals: Originals = new Map();
  for (const post of posts) {
    for (const item of post.media) {
      if (item.status === 'mirrored') originals.set(item.sha256, { path: join(postDirectory(contentDir, post.platform, post.id), item.file), item });
    }
  }
  return originals;
}

/**
 * The copies the cache lacks, each with the original it is encoded from: the only originals a build reads.
 * `scripts/publish/uncached-originals.ts` lists the same, so a sparse checkout fetches just those.
 */
export function uncachedCopies(copies: readonly MediaCopy[], originals: Originals, inCache: ReadonlySet<string>): { copy: MediaCopy; original: string }[] {
  return copies.filter((copy) => !inCache.has(copy.file)).map((copy) => ({ copy, original: originals.get(copy.sha256)!.path }));
}

export class MediaCopyError extends Error {
  override name = 'MediaCopyError';
}

/** The copy's bytes, encoded from the original at exactly the size the pages state. */
export async function encodeCopy(original: string, copy: MediaCopy): Promise<Buffer> {
  const recipe = MEDIA_VARIANTS[copy.variant];
  let bytes: Buffer;
  try {
    bytes = await readFile(original);
  } catch (error) {
    throw new MediaCopyError(
      errorCode(error) === 'ENOENT' ? `${original} is named in post.json but the file is missing.` : `${original} cannot be read: ${String(error)}`,
    );
  }
  try {
    // No .rotate(): post.json's width and height are the stored pixels, as the sizes on the pages are.
    const image = sharp(bytes).resize(copy.width, copy.height, { fit: 'fill' });
    return await (recipe.format === 'webp'
      ? image.webp({ quality: recipe.quality, ...(recipe.effort === undefined ? {} : { effort: recipe.effort }) })
      : image.jpeg({ quality: recipe.quality, mozjpeg: true })
    ).toBuffer();
  } catch (error) {
    throw new MediaCopyError(`${original} cannot be decoded as an image (${String(error)}); check it with npm run verify.`);
  }
}

/** The path of the cached copy, encoded first if the cache lacks it. */
async function cachedCopy(cacheDir: string, original: string, copy: MediaCopy): Promise<string> {
  const path = join(cacheDir, copy.file);
  if (!(await exists(path))) await writeFileAtomic(path, await encodeCopy(original, copy));
  return path;
}

/** A hard link when the cache and dist/ share a disk (instant, no second copy of the bytes), a copy otherwise. */
async function publish(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      await unlink(to);
      await link(from, to);
    } else if (errorCode(error) === 'EXDEV' || errorCode(error) === 'EPERM') {
      await copyFile(from, to);
    } else throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Removes cached copies no listed post shows any more (an older recipe, a withdrawn post), so the cache CI keeps stays the size of the site. */
async function pruneCache(cacheDir: string, kept: readonly MediaCopy[]): Promise<number> {
  const keep = new Set(kept.map((copy) => copy.file));
  const unused = (await readdir(cacheDir)).filter((name) => !keep.has(name));
  await inTurns(unused, FILES_AT_ONCE, (name) => rm(join(cacheDir, name), { force: true }));
  return unused.length;
}

export function mediaFiles(contentDir: string): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'warta:media-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.root), MEDIA_CACHE_DIR);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const posts = await listedPostsOf(site);
        const copies = copiesShownFor(posts);
        const originals = originalsOf(contentDir, posts);
        const outDir = join(site, MEDIA_DIR);
        await mkdir(outDir, { recursive: true });
        await mkdir(cacheDir, { recursive: true });
        const started = Date.now();
        const missing = uncachedCopies(copies, originals, new Set(await readdir(cacheDir)));
        let encoded = 0;
        await inTurns(missing, ENCODES_AT_ONCE, async ({ copy, original }) => {
          await cachedCopy(cacheDir, original, copy);
          encoded += 1;
          if (encoded % 1000 === 0) logger.info(`${encoded} of ${missing.length} image copies encoded…`);
        });
        await inTurns(copies, FILES_AT_ONCE, (copy) => publish(join(cacheDir, copy.file), join(outDir, copy.file)));
        const pruned = await pruneCache(cacheDir, copies);
        logger.info(
          `${copies.length} image copies in ${MEDIA_DIR}/: ${missing.length} encoded, ${copies.length - missing.length} from the cache, ${pruned} unused removed from it (${((Date.now() - started) / 1000).toFixed(1)} s).`,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        // astro dev: make a copy when a page asks for it, from the archive as it is on disk now.
        let originals: Promise<Originals> | undefined;
        const prefix = `${server.config.base.replace(/\/$/, '')}/${MEDIA_DIR}/`;
        server.middlewares.use(async (request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          const file = path.slice(prefix.length);
          const wanted = variantOfFile(file);
          originals ??= readArchivedPosts(contentDir).then(({ posts }) => originalsOf(contentDir, posts.values()));
          const original = wanted && (await originals).get(wanted.sha256);
          if (!wanted || !original) return next();
          try {
            const cached = await cachedCopy(cacheDir, original.path, mediaCopy(original.item, wanted.variant));
            response.setHeader('Content-Type', file.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
            response.end(await readFile(cached));
          } catch (error) {
            logger.error(String(error));
            next(error);
          }
        });
      },
    },
  };
}
