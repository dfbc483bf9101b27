import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 hex of a file's bytes, read in chunks so a gigabyte file costs no memory. */
export async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  await updateHashFromFile(h, file);
  return h.digest('hex');
}

/** Feeds a file's bytes from `start` to its end into `hash`, in chunks (a pass that hashed the bytes before `start` itself). */
export async function updateHashFromFile(hash: Hash, file: string, start = 0): Promise<void> {
  for await (const chunk of createReadStream(file, { start, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
}
