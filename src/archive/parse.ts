/** How validation problems read for people: one line per zod issue, naming the field. */

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** `field.path: message` for each issue (`rootLabel` when the whole value is at fault). */
export function issueLines(issues: readonly Issue[], rootLabel = '(root)'): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || rootLabel}: ${issue.message}`);
}

/** The same on one line, separated by "; ". */
export function describeIssues(issues: readonly Issue[], rootLabel = '(root)'): string {
  return issueLines(issues, rootLabel).join('; ');
}
