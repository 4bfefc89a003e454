/**
 * The idle sync of the benchmark: the real `npm run sync` over the whole synthetic archive against the
 * fake APIs showing exactly what the archive holds, so nothing is new. What it costs is reading and
 * checking the archive and about one request per account.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildChannel, buildMedia, buildVideo, startFakeApi, type FakeData } from '#fake-api/server.ts';
import { FIXTURE_ACCESS_TOKEN, FIXTURE_API_KEY } from '#fake-api/fixtures.ts';
import { syncEnvironment } from '#fake-api/sync-environment.ts';
import type { Post } from '#archive/post.ts';
import type { SyncSummary } from '#scripts/shared/sync-summary.ts';
import { INSTAGRAM_ACCOUNT, YOUTUBE_ACCOUNT } from './synthetic-archive.ts';

/** What the fake APIs show for an archive of `posts`: every post as archived, removed ones gone. */
export function idleWorld(origin: string, posts: readonly Post[]): FakeData {
  const files: FakeData['files'] = {};
  const videos = [];
  const media = [];
  // Removed posts are gone upstream; the listing shows the rest, newest first.
  for (const post of posts.filter((candidate) => !candidate.provenance.removed)) {
    // A post with media still pending keeps answering 404 for it, as when the archive recorded the failure:
    // the sync retries it (it is due), fails again and notes the attempt, but finds nothing new to mirror.
    const filesMissing = post.media.some((item) => item.status === 'pending');
    if (post.platform === 'youtube') {
      const built = buildVideo(origin, {
        id: post.id,
        title: post.title,
        description: post.text,
        publishedAt: post.publishedAt,
        durationSeconds: post.durationSeconds,
        channelId: YOUTUBE_ACCOUNT.id,
        channelTitle: YOUTUBE_ACCOUNT.name,
        vertical: post.kind === 'short',
        filesMissing,
        ...(post.kind === 'live' ? { live: { state: 'completed' as const, actualStartTime: post.live?.actualStartAt, actualEndTime: post.live?.actualEndAt } } : {}),
      });
      videos.push(built.video);
      Object.assign(files, built.files);
    } else {
      const built = buildMedia(origin, {
        id: post.id,
        shortcode: post.permalink.split('/').at(-2)!,
        kind: post.kind as 'image' | 'reel' | 'carousel',
        publishedAt: post.publishedAt,
        caption: post.text,
        username: INSTAGRAM_ACCOUNT.handle,
        childCount: post.media.length,
        filesMissing,
      });
      media.push(built.media);
      Object.assign(files, built.files);
    }
  }
  const channel = buildChannel(origin, { id: YOUTUBE_ACCOUNT.id, title: YOUTUBE_ACCOUNT.name, description: 'Kanal resmi.', customUrl: YOUTUBE_ACCOUNT.handle, publishedAt: '2019-03-11T02:14:37Z', videoCount: videos.length });
  Object.assign(files, channel.files);
  return {
    youtube: { apiKey: FIXTURE_API_KEY, channel: channel.channel, videos },
    instagram: { accessToken: FIXTURE_ACCESS_TOKEN, userId: INSTAGRAM_ACCOUNT.id, username: INSTAGRAM_ACCOUNT.handle, media },
    files,
  };
}

export interface IdleSyncMeasure {
  seconds: number;
  exitCode: number | null;
  requests: Record<string, number>;
  unchanged: number;
  newPosts: number;
  /** Posts rewritten without a change of content (pending media retried, for one). */
  updated: number;
}

export interface IdleSyncOptions {
  /** Given to the sync's Node before the script, e.g. `--cpu-prof` to profile it. */
  nodeArgs?: readonly string[];
  /** A fixed clock for the sync (WARTA_SYNC_NOW), e.g. to compare the files two versions write. */
  now?: string;
}

export async function idleSync(repoRoot: string, contentDir: string, posts: readonly Post[], workDir: string, options: IdleSyncOptions = {}): Promise<IdleSyncMeasure> {
  const fake = await startFakeApi((origin) => idleWorld(origin, posts));
  const summaryFile = join(workDir, 'idle-sync-summary.json');
  try {
    const started = process.hrtime.bigint();
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(repoRoot, 'scripts/sync.ts'), '--content', contentDir, '--summary', summaryFile], {
        cwd: repoRoot,
        stdio: 'ignore',
        env: syncEnvironment(fake, { WARTA_SYNC_NOW: options.now }),
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = JSON.parse(await readFile(summaryFile, 'utf8')) as SyncSummary;
    return {
      seconds,
      exitCode,
      requests: summary.requests,
      unchanged: summary.platforms.reduce((sum, platform) => sum + platform.unchanged, 0),
      newPosts: summary.platforms.reduce((sum, platform) => sum + platform.new, 0),
      updated: summary.platforms.reduce((sum, platform) => sum + platform.updated, 0),
    };
  } finally {
    await fake.close();
  }
}
