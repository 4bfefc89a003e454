/** A worker thread of the benchmark's archive generator: draws one photo per message and writes it. */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { photoJpeg, type PhotoSpec } from './photo.ts';

parentPort!.on('message', async (task: PhotoSpec & { path: string; folder: string; file: string }) => {
  const bytes = await photoJpeg(task);
  await writeFile(task.path, bytes);
  parentPort!.postMessage({ key: task.seed, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
});
