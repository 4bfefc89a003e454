/**
 * `node scripts/bench/first-search.ts [--dist dist] [--query vaksinasi] [--runs 5] [--slow]`: the bench's
 * first search alone, against any built `dist/` (the sample's, or a bench archive's), with the bytes split
 * by what they are. Each run is a new browser context, so every run is cold. `--slow`: over a slow mobile
 * connection (150 ms round trip, 1.6 Mbit/s down, as Lighthouse's mobile runs) instead of the loopback.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '#site/site.config.ts';
import { firstSearch, SLOW_MOBILE } from './search.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, query: { type: 'string', default: 'vaksinasi' }, runs: { type: 'string', default: '5' }, slow: { type: 'boolean', default: false } },
});

/** What a file is, by its path: Pagefind's parts, our script, styles, images, the page. */
function kindOf(path: string): string {
  if (path.includes('/pagefind/')) {
    if (path.includes('/fragment/')) return 'pagefind fragments';
    if (path.includes('/index/')) return 'pagefind index chunks';
    if (path.includes('/filter/')) return 'pagefind filter chunks';
    if (path.endsWith('.pf_meta')) return 'pagefind meta';
    if (path.includes('/wasm.')) return 'pagefind wasm';
    if (path.endsWith('pagefind-worker.js')) return 'pagefind worker';
    if (path.endsWith('pagefind.js')) return 'pagefind.js';
    if (path.endsWith('.css')) return 'pagefind UI css';
    if (path.endsWith('.js')) return 'pagefind UI js';
    return 'pagefind other';
  }
  if (/\.(webp|avif|jpe?g|png)$/.test(path)) return 'images';
  if (path.endsWith('.js')) return 'our script';
  if (path.endsWith('.css')) return 'css';
  return 'page';
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const last = await firstSearch(resolve(values.dist), new URL(siteConfig.baseUrl).pathname, values.query, {
  runs: Number(values.runs),
  network: values.slow ? SLOW_MOBILE : undefined,
});
const byKind = new Map<string, { bytes: number; files: number }>();
for (const file of last.files) {
  const entry = byKind.get(kindOf(file.path)) ?? { bytes: 0, files: 0 };
  byKind.set(kindOf(file.path), { bytes: entry.bytes + file.bytes, files: entry.files + 1 });
}
console.log(`first search for "${last.query}" in ${resolve(values.dist)}${values.slow ? ' over a slow mobile connection' : ''}: ${last.results} result links`);
console.log(`  total ${kb(last.gzipBytes)} gzip (${kb(last.rawBytes)} raw) in ${last.requests} requests; Pagefind ${kb(last.pagefindGzipBytes)}; images ${kb(last.imageBytes)}`);
for (const [kind, entry] of [...byKind].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${kind.padEnd(24)} ${kb(entry.bytes).padStart(9)}  (${entry.files} files)`);
console.log(`  first result after ${last.runSeconds.map((value) => value.toFixed(2)).join(', ')} s (median ${last.secondsToFirstResult.toFixed(2)} s)`);
