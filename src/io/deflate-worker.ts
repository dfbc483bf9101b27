import { parentPort } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { deflateWhole, type DeflatedEntry } from './zip-writer.js';

// Worker thread entry (bundled as dist/deflate-worker.js): deflates batches of
// whole zip entries as ZipWriter.add would, handing the bytes back.
parentPort!.on('message', (batch: { id: number; entries: Uint8Array[] }) => {
  const done: DeflatedEntry[] = batch.entries.map((data) => ({ size: data.length, crc: crc32(data), compressed: deflateWhole(data) }));
  // A deflated entry of nothing is the one shared buffer: it is copied, not handed over.
  const moved = done.filter((d) => d.size > 0).map((d) => d.compressed.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: batch.id, done }, moved);
});
