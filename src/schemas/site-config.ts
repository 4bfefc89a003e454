/**
 * The site configuration: what an office changes to run its own Warta. Parsed once, here, with errors a
 * person can act on; every other module reads the parsed value from `src/site.config.ts`.
 */
import { z } from 'astro/zod';
import { FriendlyValidationError, parseWithFriendlyErrors } from '#archive/parse.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens, e.g. "prokopim-youtube"');

export const youtubeAccountSchema = z.strictObject({
  platform: z.literal('youtube'),
  /** Part of the account's address on this site: /akun/<slug>/. */
  slug,
  /** Display name shown to readers. */
  name: z.string().min(1),
  /** The channel handle without `@`. */
  handle: z.string().min(1),
  /** The channel id (starts with "UC"); the sync reads it unless YOUTUBE_CHANNEL_ID overrides it. */
  channelId: z.string().regex(/^UC[A-Za-z0-9_-]{22}$/, 'a YouTube channel id is "UC" followed by 22 characters'),
});

export const instagramAccountSchema = z.strictObject({
  platform: z.literal('instagram'),
  /** Part of the account's address on this site: /akun/<slug>/. */
  slug,
  /** Display name shown to readers. */
  name: z.string().min(1),
  /** The username without `@`. */
  handle: z.string().min(1),
  /** The Instagram professional account's user id; the sync reads it unless INSTAGRAM_USER_ID overrides it. */
  userId: z.string().regex(/^[0-9]{1,32}$/, 'an Instagram user id is a number'),
});

export const accountSchema = z.discriminatedUnion('platform', [youtubeAccountSchema, instagramAccountSchema]);

export const siteConfigSchema = z
  .strictObject({
    /** The site's name, shown in the header and in feeds. */
    name: z.string().min(1).max(80),
    /** One sentence for the home page, feeds and search engines. */
    description: z.string().min(1).max(300),
    /** Who publishes the archive (shown in the footer and JSON-LD). */
    publisher: z.string().min(1),
    /**
     * The public address of the site, including any sub-path (for GitHub Pages:
     * https://<owner>.github.io/<repo>/). Canonical URLs, feeds and the sitemap are built from it.
     */
    baseUrl: z.url({ protocol: /^https?$/ }),
    /** Posts per page on the home page and archive lists. */
    postsPerPage: z.number().int().min(5).max(100),
    /** The accounts this archive mirrors. */
    accounts: z.array(accountSchema).min(1),
    /**
     * The most the host publishes, in megabytes (10^6 bytes); a bigger build stops with what to do.
     * GitHub Pages takes 1 GB; null for a host without a limit (an S3 bucket, the office's server).
     * @see https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits
     */
    hostLimitMB: z.number().positive().nullable().default(1000),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.accounts.forEach((account, index) => {
      if (seen.has(account.slug)) {
        ctx.addIssue({ code: 'custom', path: ['accounts', index, 'slug'], message: `"${account.slug}" is used twice` });
      }
      seen.add(account.slug);
    });
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type AccountConfig = z.infer<typeof accountSchema>;

export class SiteConfigError extends FriendlyValidationError {
  override name = 'SiteConfigError';
}

/** Validates the raw config and explains every problem on its own line, naming the setting. */
export function parseSiteConfig(raw: unknown, source = 'src/site.config.ts'): SiteConfig {
  return parseWithFriendlyErrors(siteConfigSchema, raw, `The site configuration in ${source} is not valid:`, { as: SiteConfigError });
}
