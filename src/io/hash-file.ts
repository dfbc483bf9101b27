import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** sha256 hex of a file's bytes, read in chunks so a gigabyte file costs no memory. */
export async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

// hashFile's loop as a worker's script (CommonJS: an eval'd worker is not a module).
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(workerData, { highWaterMark: 1 << 18 })) h.update(chunk);
  parentPort.postMessage(h.digest('hex'));
})().catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

/**
 * hashFile on another thread: the caller's thread is free meanwhile (a
 * gigabyte corpus is seconds of hashing, which a command can spend reading
 * its segment index). Rejects as hashFile would, with the message.
 */
export function hashFileOffThread(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: file });
    worker.once('message', (m: string | { error: string }) => (typeof m === 'string' ? resolve(m) : reject(new Error(m.error))));
    worker.once('error', reject);
  });
}
