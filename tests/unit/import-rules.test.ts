/**
 * Imports run one way (sync → content → site, and the tests look at all of it), kept by a test that reads
 * every source file rather than by a note in a README:
 *
 * - `src/` (the site and the archive format) never imports `scripts/` or `tests/`;
 * - `scripts/` never imports `tests/`;
 * - verify and the publish scripts never import the sync's internals (`scripts/sync/`);
 * - a module of `src/` that needs Node built-ins says so in its name (`*-fs.ts`) or is a build hook
 *   (`src/integrations/`), so nothing the site bundles pulls in `node:fs` by accident;
 * - imports read as names (`#archive/…`, `package.json` "imports"), never `../../`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';

const aliases = Object.entries(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).imports as Record<string, string>).map(
  ([pattern, target]) => ({ prefix: pattern.replace(/\*$/, ''), target: target.replace(/^\.\//, '').replace(/\*$/, '') }),
);

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const FILES = [...sourceFiles('src'), ...sourceFiles('scripts'), ...sourceFiles('tests'), 'astro.config.mjs', 'vitest.config.ts', 'vitest.components.config.ts'];

// Static imports and re-exports (`import … from '…'`, `export … from '…'`, `import '…'`) and `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

interface Import {
  file: string;
  specifier: string;
  /** The repository path it resolves to, or undefined for a package or a Node built-in. */
  target: string | undefined;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map(([, specifier]) => ({ file, specifier: specifier!, target: resolveSpecifier(file, specifier!) }));
}

function resolveSpecifier(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const alias = aliases.find(({ prefix }) => specifier.startsWith(prefix));
  if (alias) return alias.target + specifier.slice(alias.prefix.length);
  if (specifier.startsWith('/')) return specifier.slice(1); // Vite's project-root paths (import.meta.glob)
  return undefined;
}

const IMPORTS = FILES.flatMap(importsOf);
const inside = (folder: string) => (target: string | undefined) => target !== undefined && target.startsWith(folder);
const offenders = (from: (file: string) => boolean, to: (target: string | undefined) => boolean) =>
  IMPORTS.filter((entry) => from(entry.file) && to(entry.target)).map((entry) => `${entry.file} imports ${entry.specifier}`);

describe('imports', () => {
  it('are found at all (the scan reads the tree)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(IMPORTS.filter((entry) => entry.specifier === '#archive/post.ts').length).toBeGreaterThan(20);
    expect(aliases.map((alias) => alias.prefix)).toContain('#archive/');
  });

  it('every alias and relative import names a file that exists', () => {
    const missing = IMPORTS.filter((entry) => entry.target !== undefined && !entry.specifier.startsWith('/') && !FILES.includes(entry.target) && !/\.(css|svg|json)$/.test(entry.target));
    expect(missing.map((entry) => `${entry.file} imports ${entry.specifier}`)).toEqual([]);
  });

  it('src/ never imports scripts/ or tests/', () => {
    expect(offenders((file) => file.startsWith('src/'), (target) => inside('scripts/')(target) || inside('tests/')(target))).toEqual([]);
  });

  it('scripts/ never imports tests/', () => {
    expect(offenders((file) => file.startsWith('scripts/'), inside('tests/'))).toEqual([]);
  });

  it('verify and the publish scripts never import the sync’s internals', () => {
    const isPublishing = (file: string) =>
      file.startsWith('scripts/verify') || file.startsWith('scripts/publish/') || file === 'scripts/commit-message.ts';
    expect(offenders(isPublishing, inside('scripts/sync/'))).toEqual([]);
  });

  it('a module of src/ that needs Node says so in its name, or is a build hook', () => {
    const nodeOnly = (file: string) => file.endsWith('-fs.ts') || file.startsWith('src/integrations/');
    const needsNode = (entry: Import) => entry.specifier.startsWith('node:') || (entry.target?.endsWith('-fs.ts') ?? false);
    const wrong = IMPORTS.filter((entry) => entry.file.startsWith('src/') && needsNode(entry) && !nodeOnly(entry.file));
    expect(wrong.map((entry) => `${entry.file} imports ${entry.specifier}`)).toEqual([]);
  });

  it('read as names, never ../../', () => {
    expect(IMPORTS.filter((entry) => entry.specifier.startsWith('../../')).map((entry) => `${entry.file} imports ${entry.specifier}`)).toEqual([]);
  });
});
