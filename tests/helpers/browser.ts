/**
 * Headless Chromium driven by playwright-core, for the browser tests: the one findChromium finds
 * (WARTA_CHROMIUM, else Debian's /usr/bin/chromium or another Chrome on PATH, else Playwright's own; see
 * scripts/test-requirements.ts, which `npm test` runs first). Each launch gets a fresh temporary profile
 * (Playwright creates a new user-data-dir for every `chromium.launch()` and removes it on close), and
 * Chromium's own background traffic is switched off so that every request a test sees comes from the page.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
  type WebSocket,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { findChromium } from '#scripts/test-requirements.ts';

// Nothing found: Playwright's error then names Debian's path (`npm test` has already said what to install).
export const CHROMIUM_PATH = (await findChromium()) ?? process.env.WARTA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserHandle {
  readonly browser: Browser;
  /** A new isolated context (closed by afterAll with the browser). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new page in a new context. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Connects to the Chromium every browser test file shares (started once by the site project's global
 * setup, tests/helpers/global-servers.ts) before the file's tests; afterAll closes the file's contexts
 * and disconnects, leaving the browser to the next file.
 */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  const current = () => {
    if (!browser) throw new Error('Chromium is not running (used outside a test?).');
    return browser;
  };
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserEndpoint'), { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await current().newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    return context;
  };
  return {
    get browser() {
      return current();
    },
    newContext,
    newPage: async (options?: BrowserContextOptions) => (await newContext(options)).newPage(),
  };
}

export interface RequestLog {
  /** Every URL requested so far, in order (HTTP requests, WebSocket connections, including redirects). */
  readonly urls: string[];
  /** URLs that went to a network host other than `allowedHost` (host:port); data: and blob: are local. */
  offenders(allowedHost: string): string[];
  /** Stops recording. */
  stop(): void;
}

/**
 * Records every request URL made by a page or by every page of a context (use the context to also see
 * popups and workers' requests).
 */
export function recordRequests(target: Page | BrowserContext): RequestLog {
  const urls: string[] = [];
  const onRequest = (request: Request) => void urls.push(request.url());
  const onWebSocket = (socket: WebSocket) => void urls.push(socket.url());
  const watchPage = (page: Page) => void page.on('websocket', onWebSocket);
  const isContext = (value: Page | BrowserContext): value is BrowserContext => 'pages' in value;
  if (isContext(target)) {
    target.on('request', onRequest);
    target.pages().forEach(watchPage);
    target.on('page', watchPage);
  } else {
    target.on('request', onRequest);
    watchPage(target);
  }
  return {
    urls,
    offenders(allowedHost: string) {
      return urls.filter((raw) => {
        const url = new URL(raw);
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
        return url.host !== allowedHost;
      });
    },
    stop() {
      if (isContext(target)) {
        target.off('request', onRequest);
        target.off('page', watchPage);
        target.pages().forEach((page) => page.off('websocket', onWebSocket));
      } else {
        target.off('request', onRequest);
        target.off('websocket', onWebSocket);
      }
    },
  };
}
