/**
 * Global setup of the `site` test project, after the build: ONE preview server and ONE Chromium for
 * every browser test file. Each file connects to the browser and opens its own isolated contexts
 * (useBrowser), and reads the server's address (usePreviewServer); starting a server and a browser
 * per file cost seconds each on two cores.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { startPreviewServer } from './preview.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234, the shared `astro preview`. */
    previewOrigin: string;
    /** The shared Chromium's Playwright endpoint (ws://…). */
    browserEndpoint: string;
  }
}

export default async function startServers(project: TestProject): Promise<() => Promise<void>> {
  const preview = await startPreviewServer();
  const browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 }).catch(async (error: unknown) => {
    await preview.stop();
    throw error;
  });
  project.provide('previewOrigin', preview.origin);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await preview.stop();
  };
}
