// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from '#site/site.config.ts';
import { pagefindSearch } from '#site/integrations/pagefind.ts';
import { withdrawnPageUrls } from '#site/lib/withdrawn-pages-fs.ts';
import { openDataFiles } from '#site/integrations/open-data-files.ts';
import { mediaFiles } from '#site/integrations/media-files.ts';
import { hostLimit } from '#site/integrations/host-limit.ts';

const { origin, pathname } = new URL(siteConfig.baseUrl);
const contentDir = fileURLToPath(new URL('./content/', import.meta.url));
// Withdrawn posts keep a tombstone page, but search engines are not pointed at it.
const withdrawn = await withdrawnPageUrls(contentDir, siteConfig.baseUrl);

export default defineConfig({
  site: origin,
  base: pathname,
  // Astro's content-layer cache survives between builds here (CI restores it with .cache/media).
  cacheDir: './.cache/astro',
  build: {
    format: 'directory',
    // The stylesheet is one cached file, not 6 KB inlined again in each of tens of thousands of pages.
    inlineStylesheets: 'never',
  },
  integrations: [
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) && !withdrawn.has(page) }),
    openDataFiles(contentDir),
    mediaFiles(contentDir),
    pagefindSearch(),
    // Last: it measures everything the others wrote.
    hostLimit(siteConfig.hostLimitMB),
  ],
});
