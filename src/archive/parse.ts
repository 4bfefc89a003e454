/**
 * How validation problems read for people: one line per zod issue, naming the field; and one helper
 * that parses a value at a boundary (a file, the config, the environment) and throws those lines.
 */
import type { z } from 'astro/zod';

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

/** A value that failed its schema: `message` says what it is, `lines` what is wrong with it. */
export class FriendlyValidationError extends Error {
  override name = 'FriendlyValidationError';
  readonly lines: string[];

  constructor(message: string, lines: string[]) {
    super(`${message}\n${lines.map((line) => `  - ${line}`).join('\n')}`);
    this.lines = lines;
  }
}

export interface FriendlyParseOptions {
  /** What names the whole value when it is at fault as a whole (default "(root)"). */
  rootLabel?: string;
  /** The error class to throw (a subclass, so callers can tell configuration errors apart). */
  as?: new (message: string, lines: string[]) => FriendlyValidationError;
}

/** Parses `input` with `schema`, or throws a `FriendlyValidationError` that starts with `message`, a line per problem. */
export function parseWithFriendlyErrors<S extends z.ZodType>(schema: S, input: unknown, message: string, options: FriendlyParseOptions = {}): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const ErrorClass = options.as ?? FriendlyValidationError;
  throw new ErrorClass(message, issueLines(result.error.issues, options.rootLabel));
}

/**
 * A file's text checked as JSON and against its schema, as data: the value, or one line saying what is
 * wrong ("not valid JSON (…)", "does not match the <what> schema: field: problem; …").
 */
export function parseJsonText<S extends z.ZodType>(
  schema: S,
  text: string,
  what: string,
  rootLabel = '(file)',
): { value: z.output<S> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(value);
  if (!result.success) return { problem: `does not match the ${what} schema: ${describeIssues(result.error.issues, rootLabel)}` };
  return { value: result.data };
}
