import { createHash } from 'node:crypto';

/** sha256 hex of a string (as UTF-8) or bytes. Deterministic, so it belongs to the pure core. */
export function computeSha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
