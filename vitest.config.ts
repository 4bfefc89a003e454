/**
 * Four projects, run in this order:
 *
 * - `unit`: pure functions (tests/unit), fast, in parallel.
 * - `components`: Astro components through the container API (tests/components), with Astro's Vite
 *   setup; its own config file, vitest.components.config.ts.
 * - `sync`: the real sync as a child process against the fake API server (tests/integration), one file
 *   at a time.
 * - `site`: checks of the built site (tests/build, reading dist/) and browser tests (tests/e2e, Chromium
 *   against `astro preview`). Its global setup (tests/helpers/global-build.ts) runs the real
 *   `astro build` once before any site test file.
 *
 *   For fast local iteration on the site tests, skip that build and reuse an existing dist/:
 *
 *     WARTA_SKIP_BUILD=1 npx vitest run --project site
 *
 *   The skip is honoured only when dist/ exists; CI never sets it, so CI always tests a fresh build.
 *
 * The site project runs last (sequence.groupOrder) and one file at a time (fileParallelism: false):
 * the build, the preview server and Chromium share 2 CPU cores.
 */
import { defineConfig } from 'vitest/config';

const MINUTE = 60_000;

export default defineConfig({
  test: {
    // Time for the site tests' servers and browsers to close when Vitest shuts down.
    teardownTimeout: MINUTE,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      // Components through Astro's container API: a config file of its own, since it needs Astro's Vite setup.
      './vitest.components.config.ts',
      {
        test: {
          name: 'sync',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Each test runs the real sync as a child process against a fake API server.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          // The build first, then one preview server and one Chromium shared by every browser test file.
          globalSetup: ['tests/helpers/global-build.ts', 'tests/helpers/global-servers.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          // The build (global setup) and starting Chromium / the preview server (hooks) can take minutes on 2 cores.
          hookTimeout: 10 * MINUTE,
          testTimeout: 2 * MINUTE,
        },
      },
    ],
  },
});
