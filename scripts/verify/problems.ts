/**
 * What `npm run verify` finds, as data: one `Problem` per damaged or unexpected file, and the report the
 * command prints. Errors fail CI; warnings are printed and let the build go on.
 */
import { isAbsolute, relative, sep } from 'node:path';

/** `error`: the archive is damaged or holds something it must not. `warning`: correct, but worth knowing. */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** The file or folder at fault, relative to `content/`, with "/". */
  file: string;
  /** What is wrong, and where useful what to do about it. */
  message: string;
  severity: Severity;
}

export interface VerifyReport {
  problems: Problem[];
  /** Valid posts read. */
  posts: number;
  /** Mirrored media files checked against their post.json (present, same bytes, same size). */
  mediaFiles: number;
  /** Mirrored media files a sparse checkout left out: tracked by git at their paths, bytes not checked. */
  mediaOutsideCheckout: number;
}

/** The archive cannot be verified at all (no such folder, a bad flag): nothing to list, one message. */
export class VerifyError extends Error {
  override name = 'VerifyError';
}

export function error(file: string, message: string): Problem {
  return { file, message, severity: 'error' };
}

export function warning(file: string, message: string): Problem {
  return { file, message, severity: 'warning' };
}

/** Sorted by path, then message: the same archive always prints the same list, easy to diff in CI logs. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...problems].sort((a, b) => byText(a.file, b.file) || byText(a.message, b.message));
}

export { describeIssues } from '#archive/parse.ts';

/** The first 12 hex digits: enough to tell two hashes apart in a log line. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/**
 * How to print the content folder: relative to the working directory when inside it (`content`), else
 * absolute, so that every problem line is a path one can open.
 */
export function displayFolder(contentDir: string, cwd: string): string {
  const path = relative(cwd, contentDir);
  if (path === '') return '.';
  if (path.startsWith('..') || isAbsolute(path)) return contentDir;
  return path.split(sep).join('/');
}

/** The lines the command prints and its exit code: 1 when any error was found, else 0. */
export function formatReport(report: VerifyReport, folder: string): { lines: string[]; exitCode: 0 | 1 } {
  const problems = sortProblems(report.problems);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = problems.map((problem) => formatProblem(problem, folder));
  if (report.mediaOutsideCheckout) {
    lines.push(
      `not checked: ${count(report.mediaOutsideCheckout, 'media file')} left out of this sparse checkout; git tracks each at the path post.json names, ` +
        'but its sha256 and dimensions need its bytes (a full checkout checks them)',
    );
  }
  const warningNote = warnings ? ` (${count(warnings, 'warning')})` : '';
  if (errors) {
    lines.push(`${count(errors, 'problem')} in ${folder}${warningNote}`);
    return { lines, exitCode: 1 };
  }
  lines.push(`verified ${count(report.posts, 'post')}, ${count(report.mediaFiles, 'media file')}${warningNote}`);
  return { lines, exitCode: 0 };
}

export function formatProblem(problem: Problem, folder: string): string {
  return `${folder}/${problem.file}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
