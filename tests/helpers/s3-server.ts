/**
 * A local S3 service for the deploy tests: s3rver on 127.0.0.1 (a free port), storing in a temp folder,
 * and a record of what the server itself saw: every object created or removed, in order. Reads go
 * through plain HTTP (ListObjectsV2 and GET), not through rclone, so the tests check rclone's work
 * with other means than rclone's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

interface S3rverEvent {
  Records: { eventName: string; s3: { object: { key: string } } }[];
}
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3rverEvent) => void): void;
}
// s3rver is CommonJS and ships no types; this is the part of it the tests use.
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

/** s3rver's built-in account, the one key pair it accepts. */
export const S3RVER_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface ServerEvent {
  kind: 'created' | 'removed';
  key: string;
}

export interface StoredObject {
  body: Buffer;
  contentType: string | null;
  cacheControl: string | null;
}

export interface LocalS3 {
  endpoint: string;
  /** Objects created and removed, in the order the server stored them. */
  events: ServerEvent[];
  /** Every key under `prefix` (without it), sorted. */
  keys(bucket: string, prefix: string): Promise<string[]>;
  get(bucket: string, key: string): Promise<StoredObject>;
  /** Whether the bucket exists (GET of the bucket answers 200, not 404). */
  hasBucket(bucket: string): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startLocalS3(buckets: string[]): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'warta-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const events: ServerEvent[] = [];
  server.on('event', (event) => {
    for (const record of event.Records) {
      events.push({ kind: record.eventName.startsWith('ObjectCreated') ? 'created' : 'removed', key: record.s3.object.key });
    }
  });
  const xml = new XMLParser({ isArray: (name) => name === 'Contents' });

  return {
    endpoint,
    events,
    async keys(bucket, prefix) {
      const found: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ 'list-type': '2', prefix, ...(token ? { 'continuation-token': token } : {}) });
        const response = await fetch(`${endpoint}/${bucket}?${query}`);
        if (!response.ok) throw new Error(`listing ${bucket} answered ${response.status}`);
        const result = xml.parse(await response.text()).ListBucketResult as { Contents?: { Key: string }[]; NextContinuationToken?: string };
        found.push(...(result.Contents ?? []).map((entry) => String(entry.Key).slice(prefix.length)));
        token = result.NextContinuationToken;
      } while (token);
      return found.sort();
    },
    async get(bucket, key) {
      const response = await fetch(`${endpoint}/${bucket}/${key}`);
      if (!response.ok) throw new Error(`GET ${bucket}/${key} answered ${response.status}`);
      return {
        body: Buffer.from(await response.arrayBuffer()),
        contentType: response.headers.get('content-type'),
        cacheControl: response.headers.get('cache-control'),
      };
    },
    async hasBucket(bucket) {
      const response = await fetch(`${endpoint}/${bucket}?list-type=2&max-keys=1`);
      await response.arrayBuffer();
      return response.status === 200;
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
