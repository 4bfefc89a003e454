import { describe, expect, it } from 'vitest';
import { hostLimitProblem } from '#site/utils/host-limit.ts';

const folders = [
  { folder: 'pos', bytes: 210e6, files: 10_000 },
  { folder: 'media', bytes: 640e6, files: 24_000 },
  { folder: 'tagar', bytes: 120e6, files: 3_000 },
  { folder: '(top level)', bytes: 1e6, files: 40 },
  { folder: 'pagefind', bytes: 42e6, files: 900 },
  { folder: 'akun', bytes: 30e6, files: 300 },
  { folder: 'arsip', bytes: 20e6, files: 200 },
];

describe('hostLimitProblem', () => {
  it('says nothing while the site fits, up to the limit exactly', () => {
    expect(hostLimitProblem(folders, 1063, 'hostLimitMB')).toBeUndefined();
    expect(hostLimitProblem(folders, null, 'hostLimitMB')).toBeUndefined();
  });

  it('past the limit, names the total, the limit and its setting, the five biggest folders, and the options', () => {
    const message = hostLimitProblem(folders, 1000, 'hostLimitMB in src/site.config.ts')!;
    expect(message).toContain('The built site is 1,063 MB, more than the host limit of 1,000 MB (hostLimitMB in src/site.config.ts).');
    expect(message).toContain('Biggest folders of dist/: media/ 640 MB (24,000 files), pos/ 210 MB (10,000 files), tagar/ 120 MB (3,000 files), pagefind/ 42 MB (900 files), akun/ 30 MB (300 files).');
    expect(message).not.toContain('arsip/');
    expect(message).toMatch(/S3-compatible bucket/);
    expect(message).toMatch(/media-variants\.ts/);
  });

  it('shows small sizes with a decimal, so a small limit does not read "0 MB"', () => {
    expect(hostLimitProblem([{ folder: 'pos', bytes: 420_000, files: 3 }], 0.1, 'x')).toContain('The built site is 0.4 MB, more than the host limit of 0.1 MB (x).');
  });
});
