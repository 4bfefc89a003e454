/**
 * Builds the search index after `astro build` with the Pagefind Node API, so `npm run build` alone gives
 * a searchable site. Only elements marked `data-pagefind-body` (post articles) are indexed. Any
 * indexing error fails the build: a site whose search silently broke is worse than no deploy.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'warta:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Scanned ${added.page_count} pages; indexed those marked data-pagefind-body.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
