import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotations, commitMessage, commitSubject, isSyncSummary, markdownSummary, SUBJECT_MAX } from '#scripts/commit-message.ts';
import { emptyPlatformSummary, emptySummary, type PlatformSummary, type SyncSummary } from '#scripts/shared/sync-summary.ts';

const STARTED = '2026-11-27T03:00:00Z';

function summary(overrides: Partial<SyncSummary> = {}): SyncSummary {
  return { ...emptySummary(STARTED, 'incremental', false), finishedAt: '2026-11-27T03:00:09Z', ...overrides };
}

function platform(name: PlatformSummary['platform'], counts: Partial<PlatformSummary> = {}): PlatformSummary {
  return { ...emptyPlatformSummary(name), ...counts };
}

const subjectOf = (message: string) => message.split('\n', 1)[0]!;

describe('commitSubject', () => {
  it('says "no changes" when nothing was added, edited, removed, restored or updated', () => {
    const quiet = summary({ platforms: [platform('youtube', { unchanged: 120 }), platform('instagram', { unchanged: 80 })] });
    expect(commitSubject(quiet)).toBe('sync: no changes');
    expect(commitSubject(summary())).toBe('sync: no changes');
  });

  it('counts every change in total and per platform', () => {
    const busy = summary({
      platforms: [
        platform('youtube', { new: 2, unchanged: 50 }),
        platform('instagram', { new: 1, edited: 1, removed: 1, unchanged: 30 }),
      ],
    });
    // The whole form is too long for a subject, so the per-platform part shrinks to the platform names.
    expect('sync: 3 new, 1 edited, 1 removed (youtube: 2 new; instagram: 1 new, 1 edited, 1 removed)'.length).toBeGreaterThan(SUBJECT_MAX);
    expect(commitSubject(busy)).toBe('sync: 3 new, 1 edited, 1 removed (youtube, instagram)');
  });

  it('keeps the per-platform counts when they fit', () => {
    const small = summary({ platforms: [platform('youtube', { new: 2 }), platform('instagram', { new: 1, edited: 1 })] });
    expect(commitSubject(small)).toBe('sync: 3 new, 1 edited (youtube: 2 new; instagram: 1 new, 1 edited)');
  });

  it('names restored and updated posts, and leaves out platforms without changes', () => {
    const mixed = summary({
      platforms: [platform('youtube', { restored: 1, updated: 2, unchanged: 9 }), platform('instagram', { unchanged: 4 })],
    });
    expect(commitSubject(mixed)).toBe('sync: 1 restored, 2 updated (youtube: 1 restored, 2 updated)');
  });

  it(`never exceeds ${SUBJECT_MAX} characters, dropping detail in steps`, () => {
    const huge = summary({
      platforms: [
        platform('youtube', { new: 1200, edited: 340, removed: 12, restored: 3, updated: 45 }),
        platform('instagram', { new: 3100, edited: 210, removed: 40, restored: 1, updated: 600 }),
      ],
    });
    const subject = commitSubject(huge);
    expect(subject).toBe('sync: 4300 new, 550 edited, 52 removed, 4 restored, 645 updated');
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);

    const absurd = summary({
      fatal: { reason: 'unavailable', platform: null, message: 'x', action: 'y' },
      platforms: [platform('instagram', { new: 1e12, edited: 1e12, removed: 1e12, restored: 1e12, updated: 1e12 })],
    });
    expect(commitSubject(absurd).length).toBe(SUBJECT_MAX);
    expect(commitSubject(absurd).endsWith('…')).toBe(true);
  });

  it('marks a run that stopped, and a dry run', () => {
    const stopped = summary({
      platforms: [platform('youtube', { new: 2 })],
      fatal: { reason: 'token-expired', platform: 'instagram', message: 'Instagram: the access token has expired (Session expired).', action: 'Generate a new token.' },
    });
    expect(commitSubject(stopped)).toBe('sync (stopped): 2 new (youtube: 2 new)');
    expect(commitSubject(summary({ dryRun: true, platforms: [platform('instagram', { new: 1 })] }))).toBe('sync (dry run): 1 new (instagram: 1 new)');
  });
});

describe('commitMessage', () => {
  it('has the subject, a blank line, then a body with the mode and per-platform counts', () => {
    const message = commitMessage(
      summary({
        mode: 'full',
        platforms: [platform('youtube', { new: 1, unchanged: 10 }), platform('instagram', { removed: 1, unchanged: 5 })],
        requests: { 'youtube.playlistItems': 1, 'youtube.videos': 1, 'instagram.media': 1 },
        media: { files: 2, bytes: 3 * 1024 * 1024, pending: 1 },
      }),
    );
    const [subject, blank, ...body] = message.split('\n');
    expect(subject).toBe('sync: 1 new, 1 removed (youtube: 1 new; instagram: 1 removed)');
    expect(blank).toBe('');
    const text = body.join('\n');
    expect(text).toContain('Mode: full reconcile');
    expect(text).toContain(`Started ${STARTED}, finished 2026-11-27T03:00:09Z.`);
    expect(text).toContain('youtube: 1 new, 0 edited, 0 removed, 0 restored, 0 updated, 10 unchanged, 0 skipped');
    expect(text).toContain('instagram: 0 new, 0 edited, 1 removed, 0 restored, 0 updated, 5 unchanged, 0 skipped');
    expect(text).toContain('API requests: instagram.media 1, youtube.playlistItems 1, youtube.videos 1.');
    expect(text).toContain('Media: 2 file(s) downloaded (3.0 MB), 1 still pending.');
    expect(message.endsWith('\n')).toBe(true);
  });

  it('lists skipped items with their reasons, on one line each, and the warnings', () => {
    const message = commitMessage(
      summary({
        platforms: [
          platform('instagram', {
            new: 1,
            skipped: [
              { id: '1789', reason: 'does not fit the archive schema (publishedAt: impossible date)' },
              { id: 'evil\nid', reason: 'line one\nline two\u0007' },
            ],
            warnings: ['instagram: the listing was incomplete, so no post was marked removed in this run.'],
          }),
        ],
        warnings: ['The Instagram token expires in 4 day(s), on 2026-12-01T00:00:00Z. Run `npm run sync -- --refresh-token` (or the workflow\'s refresh) soon.'],
      }),
    );
    expect(message).toContain('  skipped 1789: does not fit the archive schema (publishedAt: impossible date)');
    expect(message).toContain('  skipped evil id: line one line two');
    expect(message).toContain('Warnings:\n- The Instagram token expires in 4 day(s)');
    expect(message).toContain('- instagram: the listing was incomplete');
    expect(message).toContain('0 unchanged, 2 skipped');
  });

  it('explains a commit without counted changes', () => {
    const message = commitMessage(summary({ mode: 'full', platforms: [platform('youtube', { unchanged: 300 })] }));
    expect(subjectOf(message)).toBe('sync: no changes');
    expect(message).toContain('No post was added, edited, removed, restored or updated.');
    expect(message).toContain('Mode: full reconcile');
  });

  it('names text read in images: in the subject when nothing else changed, in the body with what could not be read', () => {
    const ocr = { read: 12, reused: 1, failed: [{ post: 'instagram/18000000000000001', file: '2.jpg', reason: 'not a readable image\nat all' }], remaining: 40, absent: 0, seconds: 9.5 };
    const message = commitMessage(summary({ platforms: [platform('instagram', { unchanged: 3 })], ocr }));
    expect(subjectOf(message)).toBe('sync: text read in 12 image(s)');
    expect(message).toContain('Text in images: 12 image(s) read, 1 with the same bytes as one read before, 1 could not be read, 40 left for the next run (9.5 s).');
    expect(message).toContain('  could not read instagram/18000000000000001/2.jpg: not a readable image at all');
    expect(markdownSummary(summary({ ocr }))).toContain('Text in images: 12 image\\(s\\) read');
    // A run that had nothing to read says nothing about images.
    const idle = commitMessage(summary({ ocr: { read: 0, reused: 0, failed: [], remaining: 0, absent: 0, seconds: 0 } }));
    expect(idle).not.toContain('Text in images');
    expect(subjectOf(idle)).toBe('sync: no changes');
  });

  it('says where a run stopped and what to do, and names platforms that were not synced', () => {
    const message = commitMessage(
      summary({
        platforms: [platform('youtube', { new: 3 })],
        notSynced: ['Instagram: skipped, INSTAGRAM_ACCESS_TOKEN is not set.'],
        invalidFiles: [{ file: 'content/posts/youtube/abc/post.json', message: 'not JSON' }],
        fatal: { reason: 'quota-exceeded', platform: 'youtube', message: 'YouTube: the daily API quota is spent.', action: 'Nothing: the quota resets at midnight Pacific time.' },
      }),
    );
    expect(subjectOf(message)).toBe('sync (stopped): 3 new (youtube: 3 new)');
    expect(message).toContain('Not synced: Instagram: skipped, INSTAGRAM_ACCESS_TOKEN is not set.');
    expect(message).toContain('The run stopped (quota-exceeded): YouTube: the daily API quota is spent.');
    expect(message).toContain('What to do: Nothing: the quota resets at midnight Pacific time.');
    expect(message).toContain('- content/posts/youtube/abc/post.json: not JSON');
  });
});

describe('an import still under way', () => {
  it('is named in the commit body and the run summary, in the words of the transparency page', () => {
    const run = summary({ platforms: [platform('youtube', { new: 300, history: { complete: false, archived: 300 } }), platform('instagram', { history: { complete: true, archived: 41 } })] });
    const incomplete = 'youtube: history incomplete, 300 posts archived so far; the next sync continues (riwayat belum lengkap: 300 unggahan diarsipkan, dilanjutkan pada sinkronisasi berikutnya).';
    expect(commitMessage(run).split('\n')).toContain(incomplete);
    expect(commitMessage(run)).not.toMatch(/instagram: history incomplete/);
    expect(markdownSummary(run)).toContain('riwayat belum lengkap: 300 unggahan diarsipkan');
  });
});

describe('markdownSummary', () => {
  it('renders a table per platform and escapes text that came from an API', () => {
    const markdown = markdownSummary(
      summary({
        platforms: [
          platform('youtube', { new: 2, unchanged: 5 }),
          platform('instagram', { edited: 1, skipped: [{ id: 'a`b', reason: '<img src=x onerror=alert(1)> *bold* | pipe' }] }),
        ],
        warnings: ['The Instagram token expired on 2026-11-20T00:00:00Z.'],
      }),
    );
    expect(markdown).toContain('## Sync: 2 new, 1 edited');
    expect(markdown).toContain('| youtube | 2 | 0 | 0 | 0 | 0 | 5 | 0 |');
    expect(markdown).toContain('| instagram | 0 | 1 | 0 | 0 | 0 | 0 | 1 |');
    expect(markdown).toContain("- instagram `a'b`: \\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\| pipe");
    expect(markdown).not.toMatch(/(^|[^\\])<img/m);
    expect(markdown).toContain('### Warnings');
  });

  it('leads with the stop and what to do', () => {
    const markdown = markdownSummary(
      summary({ fatal: { reason: 'invalid-credentials', platform: 'youtube', message: 'YouTube: the API key was refused.', action: 'Create a new key.' } }),
    );
    expect(markdown.startsWith('## Sync stopped: no changes')).toBe(true);
    expect(markdown).toContain('> **YouTube: the API key was refused.**');
    expect(markdown).toContain('> What to do: Create a new key.');
  });
});

describe('annotations', () => {
  it('marks the run with the stop as an error and warnings and skipped items as warnings', () => {
    const lines = annotations(
      summary({
        platforms: [platform('youtube', { skipped: [{ id: 'abc', reason: 'no title' }], warnings: ['youtube: listing incomplete'] })],
        warnings: ['The Instagram token expired on 2026-11-20T00:00:00Z.'],
        fatal: { reason: 'token-expired', platform: 'instagram', message: 'Instagram: the access token has expired.', action: 'Generate a new token.' },
      }),
    );
    expect(lines).toEqual([
      '::error title=Sync stopped::Instagram: the access token has expired. What to do: Generate a new token.',
      '::warning title=Sync warning::The Instagram token expired on 2026-11-20T00:00:00Z.',
      '::warning title=Sync warning::youtube: listing incomplete',
      '::warning title=Skipped youtube item::abc: no title',
    ]);
    expect(annotations(summary())).toEqual([]);
  });

  it('keeps text from an API inside its own command', () => {
    const [line] = annotations(
      summary({ platforms: [platform('instagram', { skipped: [{ id: '1', reason: '100% bad\n::error::forged\r' }] })] }),
    );
    expect(line).toBe('::warning title=Skipped instagram item::1: 100%25 bad%0A::error::forged%0D');
    expect(line!.split('\n')).toHaveLength(1);
  });
});

describe('the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warta-commit-message-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(import.meta.dirname, '../../scripts/commit-message.ts');

  it('prints the commit message of a summary file, or its Markdown', () => {
    const file = join(dir, 'summary.json');
    writeFileSync(file, JSON.stringify(summary({ platforms: [platform('youtube', { new: 1 })] })));
    expect(isSyncSummary(JSON.parse(JSON.stringify(summary())))).toBe(true);
    const message = execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
    expect(subjectOf(message)).toBe('sync: 1 new (youtube: 1 new)');
    const markdown = execFileSync(process.execPath, [script, '--markdown', file], { encoding: 'utf8' });
    expect(markdown.startsWith('## Sync: 1 new')).toBe(true);
    expect(execFileSync(process.execPath, [script, '--annotations', file], { encoding: 'utf8' })).toBe('');
  });

  it('fails with a message on a missing or foreign file', () => {
    const missing = spawnSync(process.execPath, [script, join(dir, 'nope.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
    const wrong = spawnSync(process.execPath, [script, foreign], { encoding: 'utf8' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('is not a sync summary');
  });
});
