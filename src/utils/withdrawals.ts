/** Applying staff withdrawals to posts (pure; used by the site and by `npm run verify`). */
import type { Post } from '#archive/post.ts';
import type { Withdrawal } from '#archive/withdrawal.ts';

/** The post as readers see it once withdrawn: marked `withdrawn` with the public reason. */
export function applyWithdrawal(post: Post, withdrawal: Withdrawal): Post {
  return {
    ...post,
    provenance: { ...post.provenance, removed: { at: withdrawal.withdrawnAt, reason: 'withdrawn', note: withdrawal.reason } },
  };
}

/** Every post with the withdrawals that name it applied; withdrawals naming no post are returned apart. */
export function applyWithdrawals(posts: readonly Post[], withdrawals: readonly Withdrawal[]): { posts: Post[]; unmatched: Withdrawal[] } {
  const byKey = new Map(withdrawals.map((withdrawal) => [`${withdrawal.platform}/${withdrawal.id}`, withdrawal]));
  const keys = new Set(posts.map((post) => `${post.platform}/${post.id}`));
  return {
    posts: posts.map((post) => {
      const withdrawal = byKey.get(`${post.platform}/${post.id}`);
      return withdrawal ? applyWithdrawal(post, withdrawal) : post;
    }),
    unmatched: withdrawals.filter((withdrawal) => !keys.has(`${withdrawal.platform}/${withdrawal.id}`)),
  };
}
