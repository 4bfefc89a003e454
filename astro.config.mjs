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
  // A second line of defence if text from a caption ever got past the escaping: every page carries a
  // Content-Security-Policy <meta>. Astro adds the hashes of the scripts and styles it bundles or inlines;
  // a page's own inline script or style adds its hash with Astro.csp (src/lib/csp.ts). A <meta> policy
  // cannot say frame-ancestors: hosts that set headers add it (docs/security-headers.md).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // Mirrored media only; no data: or blob: images (nothing on the site makes one).
        "img-src 'self'",
        // The video facade's player, loaded only on a click (src/components/VideoFacade.astro).
        'frame-src https://www.youtube-nocookie.com',
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // 'self' must be named once any resource is given. Pagefind compiles its WebAssembly in the search
        // page (src/lib/search-ui.ts), which needs 'wasm-unsafe-eval' (it allows no JavaScript eval).
        // Not 'strict-dynamic': with it browsers ignore 'self', and /pagefind/…/pagefind.js (imported at run
        // time, written by Pagefind after Astro hashed its own scripts) would depend on trust passed along
        // from a hashed script; 'self' covers it plainly.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
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
