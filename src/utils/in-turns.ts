/**
 * Runs `run` over `items` with at most `limit` at once, in order of start. For file work over tens of
 * thousands of files: one at a time waits on every stat and link in turn; all at once opens more files
 * than a process may.
 */
export async function inTurns<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** How many file operations the build keeps in flight. */
export const FILES_AT_ONCE = 64;
