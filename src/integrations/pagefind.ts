/**
 * Builds the search index after `astro build` with the Pagefind Node API, so `npm run build` alone gives
 * a searchable site: one Pagefind bundle per year (`pagefind/<year>/`, src/lib/search.ts), each holding
 * that year's post pages. The search page searches the newest year first and older years only when the
 * reader asks for more, so a first search costs one year's index, however long the archive grows.
 * The posts come from the built site's own open data (never a withdrawn post); only each page's
 * `data-pagefind-body` (the post article) is indexed. Any indexing error fails the build: a site whose
 * search silently broke is worse than no deploy.
 */
import type { AstroIntegration } from 'astro';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Post } from '#archive/post.ts';
import { PAGE_LIST_ATTRIBUTE, PAGEFIND_SCRIPT, PAGEFIND_WASM, SEARCH_DIR, SEARCH_LANGUAGE, searchBundlesOf } from '../lib/search.ts';
import { paths, siteConfig } from '../lib/site.ts';
import { FILES_AT_ONCE, inTurns } from '../utils/in-turns.ts';
import { basePath } from '../utils/paths.ts';
import { listedPostsOf } from './published-posts.ts';

/**
 * What only the newest year's bundle needs: the search page loads Pagefind from it, and older years merge
 * into it, sharing its WebAssembly, so their copies would be the same bytes published again. (A search
 * page cached from before New Year asks the old newest year for them and fails for as long as the host
 * lets it cache pages, with the page's message pointing to the archive.)
 */
const NEWEST_ONLY = [PAGEFIND_SCRIPT, PAGEFIND_WASM];

/**
 * What Pagefind writes that our search page never loads: its own UIs, its highlighter, its worker (the
 * page runs Pagefind on the main thread) and the WebAssembly for pages without a language.
 */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];

class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

const failIf = (errors: string[], what: string) => {
  if (errors.length) throw new SearchIndexError(`Pagefind could not ${what}: ${errors.join('; ')}`);
};

/** A page as Pagefind is given it: its address below the base (the search page adds the base) and file. */
function pageOf(siteDir: string, address: string): { url: string; file: string } {
  const below = address.slice(basePath(siteConfig.baseUrl).length);
  return { url: `/${below}`, file: join(siteDir, ...decodeURIComponent(below).split('/'), 'index.html') };
}

/** Pagefind's name for the page list of a bundle's language: `pagefind.<language>_<hash>.pf_meta`. */
async function pageListOf(bundleDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  const hash = entry.languages?.[SEARCH_LANGUAGE]?.hash;
  if (typeof hash !== 'string' || !/^[a-z]+_[0-9a-f]+$/.test(hash)) throw new SearchIndexError(`Pagefind wrote no ${SEARCH_LANGUAGE} page list in ${bundleDir}`);
  return `pagefind.${hash}.pf_meta`;
}

/** Gives the search page the name of the page list to fetch early (src/pages/cari.astro). */
async function namePageList(siteDir: string, pageList: string): Promise<void> {
  const { file } = pageOf(siteDir, paths.search());
  const html = await readFile(file, 'utf8');
  const empty = `${PAGE_LIST_ATTRIBUTE}=""`;
  if (html.split(empty).length !== 2) throw new SearchIndexError(`${file} should carry ${empty} exactly once, for the search page's early fetch`);
  await writeFile(file, html.replace(empty, `${PAGE_LIST_ATTRIBUTE}="${pageList}"`));
}

async function writeBundle(siteDir: string, year: string, posts: readonly Post[], newest: boolean): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
  await inTurns(posts, FILES_AT_ONCE, async (post) => {
    const { url, file } = pageOf(siteDir, paths.post(post));
    const added = await index.addHTMLFile({ url, content: await readFile(file, 'utf8') });
    failIf(added.errors, `index ${url}`);
  });
  const outputPath = join(siteDir, SEARCH_DIR, year);
  failIf((await index.writeFiles({ outputPath })).errors, `write the ${year} bundle`);
  const unused = newest ? UNUSED_FILES : [...UNUSED_FILES, ...NEWEST_ONLY];
  await Promise.all(unused.map((name) => rm(join(outputPath, name), { force: true })));
  await index.deleteIndex();
}

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'warta:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const bundles = searchBundlesOf(await listedPostsOf(siteDir));
        try {
          // One bundle at a time: Pagefind holds an index in memory until it is written.
          for (const [order, { year, posts }] of bundles.entries()) await writeBundle(siteDir, year, posts, order === 0);
        } finally {
          await pagefind.close();
        }
        if (bundles[0]) await namePageList(siteDir, await pageListOf(join(siteDir, SEARCH_DIR, bundles[0].year)));
        const counts = bundles.map(({ year, posts }) => `${year}: ${posts.length}`).join(', ');
        logger.info(`Indexed ${bundles.reduce((sum, bundle) => sum + bundle.posts.length, 0)} post pages in ${bundles.length} yearly bundles (${counts}).`);
      },
    },
  };
}
