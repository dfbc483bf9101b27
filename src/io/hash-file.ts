import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 hex of a file's bytes, read in chunks so a gigabyte file costs no memory. */
export async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
