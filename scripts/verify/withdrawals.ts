/**
 * Staff withdrawals: each `content/withdrawals/<platform>/<id>.json` is valid, is named for the post it
 * names, and names a post in the archive. The site refuses to build otherwise; this says so earlier, with
 * every bad file at once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Post } from '#archive/post.ts';
import { withdrawalSchema, type Withdrawal } from '#archive/withdrawal.ts';
import { applyWithdrawals } from '#site/utils/withdrawals.ts';
import type { WithdrawalFile } from './layout.ts';
import { describeIssues, error, type Problem } from './problems.ts';

export async function checkWithdrawals(contentDir: string, files: readonly WithdrawalFile[], posts: readonly Post[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const withdrawals: { file: WithdrawalFile; withdrawal: Withdrawal }[] = [];
  for (const file of files) {
    const text = await readFile(join(contentDir, file.path), 'utf8').catch((problem: NodeJS.ErrnoException) => problem);
    const outcome = typeof text === 'string' ? parseWithdrawal(text, file) : { problem: `cannot be read (${text.code ?? text.message})` };
    if ('withdrawal' in outcome) withdrawals.push({ file, withdrawal: outcome.withdrawal });
    else problems.push(error(file.path, outcome.problem));
  }
  const { unmatched } = applyWithdrawals(posts, withdrawals.map((entry) => entry.withdrawal));
  for (const { file, withdrawal } of withdrawals) {
    if (unmatched.includes(withdrawal)) {
      problems.push(error(file.path, `withdraws ${file.platform}/${file.id}, which is not a valid post in the archive`));
    }
  }
  return problems;
}

/** One withdrawal file's text checked as JSON, against the schema, and against its own name. */
export function parseWithdrawal(text: string, file: WithdrawalFile): { withdrawal: Withdrawal } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (problem) {
    return { problem: `not valid JSON (${(problem as Error).message})` };
  }
  const result = withdrawalSchema.safeParse(value);
  if (!result.success) return { problem: `does not match the withdrawal schema: ${describeIssues(result.error.issues, '(file)')}` };
  const withdrawal = result.data;
  if (withdrawal.platform !== file.platform || withdrawal.id !== file.id) {
    return { problem: `names ${withdrawal.platform}/${withdrawal.id}, but its path says ${file.platform}/${file.id}: the file must be named for the post it withdraws` };
  }
  return { withdrawal };
}
