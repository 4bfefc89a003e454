// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from '#site/site.config.ts';
import { pagefindSearch } from '#site/integrations/pagefind.ts';
import { withdrawnPageUrls } from '#site/lib/withdrawn-pages-fs.ts';
import { openDataFiles } from '#site/integrations/open-data-files.ts';

const { origin, pathname } = new URL(siteConfig.baseUrl);
const contentDir = fileURLToPath(new URL('./content/', import.meta.url));
// Withdrawn posts keep a tombstone page, but search engines are not pointed at it.
const withdrawn = await withdrawnPageUrls(contentDir, siteConfig.baseUrl);

export default defineConfig({
  site: origin,
  base: pathname,
  // Processed images survive between builds here (CI restores it), so one new post costs one post's images.
  cacheDir: './.cache/astro',
  build: {
    format: 'directory',
    // One request per page on slow connections: the small stylesheet travels inside the HTML.
    inlineStylesheets: 'always',
  },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // AVIF at sharp's default effort costs seconds per image on two cores; effort 2 keeps most of the gain.
      config: { avif: { effort: 2 }, webp: { effort: 4 } },
    },
  },
  integrations: [
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) && !withdrawn.has(page) }),
    openDataFiles(contentDir),
    pagefindSearch(),
  ],
});
