/**
 * A staff withdrawal: `content/withdrawals/<platform>/<shard>/<id>.json` (layout.ts), a small file committed like everything
 * else. It takes a post out of public view (its page becomes a tombstone that says when and why; it
 * leaves lists, feeds, search, sitemap and open data; its media are no longer published) without
 * deleting anything from the archive or from git. Deleting the file publishes the post again.
 */
import { z } from 'astro/zod';
import { PLATFORMS, POST_ID_PATTERNS } from './post.ts';

export const withdrawalSchema = z
  .strictObject({
    /** Version of this file format. */
    schemaVersion: z.literal(1),
    /** The platform of the withdrawn post. */
    platform: z.enum(PLATFORMS),
    /** The withdrawn post's id (its folder's name under content/posts/<platform>/<shard>/). */
    id: z.string().min(1).max(64),
    /** When staff decided the withdrawal. */
    withdrawnAt: z.iso.datetime({ offset: true }),
    /** The public reason, shown on the tombstone and the transparency page. */
    reason: z.string().trim().min(10, 'give readers a reason of at least a few words').max(2_000),
  })
  .superRefine((withdrawal, ctx) => {
    if (!POST_ID_PATTERNS[withdrawal.platform].test(withdrawal.id)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `is not a valid ${withdrawal.platform} id` });
    }
  });

export type Withdrawal = z.infer<typeof withdrawalSchema>;
