/**
 * How far each account's history has been archived, for the transparency page: a first import of a
 * large account spreads over several sync runs, and readers are told while it is under way.
 */
import { historyKey, type ArchiveState } from '#archive/state.ts';
import type { Platform, Post } from '#archive/post.ts';

export interface AccountHistory {
  name: string;
  platform: Platform;
  /** True once the sync has walked the account's listing to its oldest post. */
  complete: boolean;
  /** When a walk last reached the end, or null. */
  completedAt: string | null;
  /** Posts of the account in the archive (removed ones included: they stay archived). */
  archived: number;
}

/** One entry per account the sync has a history record for, in the order of `accounts`. */
export function accountHistories(
  accounts: readonly { platform: Platform; id: string; name: string }[],
  history: ArchiveState['history'],
  posts: readonly Pick<Post, 'platform' | 'account'>[],
): AccountHistory[] {
  return accounts.flatMap((account) => {
    const walk = history?.[historyKey(account.platform, account.id)];
    if (!walk) return [];
    const archived = posts.filter((post) => post.platform === account.platform && post.account.id === account.id).length;
    return [{ name: account.name, platform: account.platform, complete: walk.complete, completedAt: walk.completedAt, archived }];
  });
}
