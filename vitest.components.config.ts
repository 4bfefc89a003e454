/**
 * The `components` test project: Astro components rendered one at a time through Astro's container API
 * (tests/components), in milliseconds, without a build. `getViteConfig` gives Vitest the project's
 * Astro settings, so `.astro` files compile as they do in `astro build`.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
    environment: 'node',
  },
});
