/**
 * A reader's first search, measured in Chromium against the built site served from disk: the bytes the
 * browser fetches until the first result shows (Pagefind's own files included), raw and as gzip would
 * send the compressible ones, and the time from the query to the first result in the page, in a running
 * browser that has never visited the site (an empty cache). A single time varies by a few tenths of a
 * second on a 2-core machine, so it is taken several times, each cold, and the median is the figure.
 * The network is the loopback unless a slower one is asked for (`SLOW_MOBILE`).
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '#scripts/test-requirements.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
};
/** The result links of the search page (src/pages/cari.astro): one per result, its title. */
const RESULT_LINKS = '#search-results a[href]';
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm)|image\/svg)/;

/** A phone on a slow mobile connection, as Lighthouse throttles for its mobile runs. */
export const SLOW_MOBILE = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };
export type NetworkConditions = typeof SLOW_MOBILE;

/**
 * Serves `dist/` at `base` on 127.0.0.1, as a static host would: index.html for folders, and gzip for
 * the compressible types (Pagefind's data files are gzipped already and go as they are).
 */
async function serve(distDir: string, base: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void response.writeHead(404).end();
    let file = normalize(join(distDir, path.slice(base.length)));
    if (!file.startsWith(distDir)) return void response.writeHead(403).end();
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) return void response.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipSync(await readFile(file), { level: 6 }) : await readFile(file);
    response.writeHead(200, { 'content-type': type, 'content-length': body.length, ...(gzip && { 'content-encoding': 'gzip' }) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface SearchMeasure {
  query: string;
  requests: number;
  rawBytes: number;
  /** As a host that gzips compressible types would send them (Pagefind's index files are compressed already). */
  gzipBytes: number;
  /** Only the requests under pagefind/ (its script, WebAssembly, index chunks, fragments). */
  pagefindGzipBytes: number;
  /** Only the images (result thumbnails). */
  imageBytes: number;
  /** Every request with its size as sent, biggest first, to see where the bytes go. */
  files: { path: string; bytes: number }[];
  /** From opening the search page with the query (?q=) to the first result link on screen: the median. */
  secondsToFirstResult: number;
  /** Every run's time, fastest first. */
  runSeconds: number[];
  results: number;
}

export async function firstSearch(
  distDir: string,
  base: string,
  query: string,
  { runs = 5, network }: { runs?: number; network?: NetworkConditions } = {},
): Promise<SearchMeasure> {
  const { server, origin } = await serve(distDir, base);
  const browser = await chromium.launch({
    // The browser the tests use (WARTA_CHROMIUM, PATH, Playwright's own), found in one place.
    executablePath: (await findChromium()) ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const measures: Omit<SearchMeasure, 'runSeconds'>[] = [];
    for (let run = 0; run < runs; run++) measures.push(await searchOnce(browser, `${origin}${base}`, query, network));
    const seconds = measures.map((measure) => measure.secondsToFirstResult).sort((a, b) => a - b);
    // The bytes are the same in every run (one page, one query, an empty cache): the last run's are shown.
    // The median: the upper middle one of an even count.
    return { ...measures.at(-1)!, secondsToFirstResult: seconds[Math.floor(seconds.length / 2)]!, runSeconds: seconds };
  } finally {
    await browser.close();
    server.close();
  }
}

/** One cold first search, in a new context of a running browser. */
async function searchOnce(browser: Browser, site: string, query: string, network?: NetworkConditions): Promise<Omit<SearchMeasure, 'runSeconds'>> {
  // A reader's browser is running already: open one page of another context first, so the measured
  // one starts in a running browser (Chromium's own start-up is about half a second here) but with an
  // empty cache and no storage of this site (a new context has its own).
  const warmUp = await browser.newPage();
  await warmUp.goto(site);
  await warmUp.context().close();
  const page = await browser.newPage();
  if (network) {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: (network.downloadKbps * 1000) / 8,
      uploadThroughput: (network.uploadKbps * 1000) / 8,
    });
  }
  // Everything a reader's browser fetches, cold, from opening the search page with a query to the first
  // result: the page, the search UI, and Pagefind's script, WebAssembly, index chunks and fragments.
  const bodies: { url: string; bytes: Buffer; type: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (bytes) => void bodies.push({ url: response.url(), bytes, type: response.headers()['content-type'] ?? '' }),
        () => {},
      ),
    );
  });
  // The moment is taken in the page: Playwright's waitFor polls at growing intervals (up to 500 ms
  // apart), which made the time to the first result read as ~0.5, ~1.0 or ~1.5 s whatever it was.
  await page.addInitScript((selector) => {
    const mark = () => {
      if (!document.querySelector(selector)) return false;
      (window as unknown as { firstResultAt: number }).firstResultAt = performance.now();
      return true;
    };
    const observer = new MutationObserver(() => mark() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
  }, RESULT_LINKS);
  await page.goto(`${site}cari/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
  await page.locator(RESULT_LINKS).first().waitFor({ state: 'visible', timeout: 30_000 });
  // performance.now() counts from the start of the navigation.
  const secondsToFirstResult = (await page.evaluate(() => (window as unknown as { firstResultAt: number }).firstResultAt)) / 1000;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const results = await page.locator(RESULT_LINKS).count();
  await page.context().close();
  const size = (entry: { bytes: Buffer; type: string }) => (COMPRESSIBLE.test(entry.type) ? gzipSync(entry.bytes, { level: 6 }).length : entry.bytes.length);
  return {
    query,
    requests: bodies.length,
    rawBytes: bodies.reduce((sum, entry) => sum + entry.bytes.length, 0),
    gzipBytes: bodies.reduce((sum, entry) => sum + size(entry), 0),
    pagefindGzipBytes: bodies.filter((entry) => entry.url.includes('/pagefind/')).reduce((sum, entry) => sum + size(entry), 0),
    files: bodies
      .map((entry) => ({ path: new URL(entry.url).pathname, bytes: size(entry) }))
      .sort((a, b) => b.bytes - a.bytes),
    imageBytes: bodies.filter((entry) => entry.type.startsWith('image/') && !entry.type.includes('svg')).reduce((sum, entry) => sum + entry.bytes.length, 0),
    secondsToFirstResult,
    results,
  };
}
