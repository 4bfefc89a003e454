/**
 * The environment a real `scripts/sync.ts` run needs to talk to a fake API server: the fixture key and
 * token, the fake's roots, plain CI output and short retry pauses. Used by `npm run sample`, the bench's
 * idle sync and the sync's integration tests, which add their own settings on top.
 */
import { FIXTURE_ACCESS_TOKEN, FIXTURE_API_KEY } from './fixtures.ts';
import type { FakeApi } from './types.ts';

export function syncEnvironment(fake: Pick<FakeApi, 'youtubeRoot' | 'instagramRoot'>, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    YOUTUBE_API_KEY: FIXTURE_API_KEY,
    INSTAGRAM_ACCESS_TOKEN: FIXTURE_ACCESS_TOKEN,
    YOUTUBE_API_ROOT: fake.youtubeRoot,
    INSTAGRAM_API_ROOT: fake.instagramRoot,
    WARTA_RETRY_BASE_MS: '20',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
