/**
 * Staff withdrawals: each `content/withdrawals/<platform>/<shard>/<id>.json` is valid, is named for the post it
 * names, and names a post in the archive. The site refuses to build otherwise; this says so earlier, with
 * every bad file at once. (Files that sit where no withdrawal belongs are the layout walk's to report.)
 */
import { readWithdrawals } from '#archive/archive-fs.ts';
import type { Post } from '#archive/post.ts';
import { applyWithdrawals } from '#site/utils/withdrawals.ts';
import { error, type Problem } from './problems.ts';

export async function checkWithdrawals(contentDir: string, posts: readonly Post[]): Promise<Problem[]> {
  const { withdrawals, problems } = await readWithdrawals(contentDir);
  const { unmatched } = applyWithdrawals(posts, withdrawals.map((entry) => entry.withdrawal));
  return [
    ...problems.map((problem) => error(problem.file, problem.message)),
    ...withdrawals
      .filter(({ withdrawal }) => unmatched.includes(withdrawal))
      .map(({ file, withdrawal }) => error(file, `withdraws ${withdrawal.platform}/${withdrawal.id}, which is not a valid post in the archive`)),
  ];
}
