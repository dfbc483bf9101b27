import { parentPort } from 'node:worker_threads';
import { deflateEntry } from './deflate-thread.js';

// Worker thread entry (bundled as dist/deflate-worker.js): deflates batches of
// whole zip entries (deflateEntry), handing the bytes back.
parentPort!.on('message', (batch: { id: number; entries: Uint8Array[] }) => {
  const done = batch.entries.map(deflateEntry);
  const moved = done.map((d) => d.compressed.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: batch.id, done }, moved);
});
