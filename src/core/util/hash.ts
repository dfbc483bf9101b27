import * as crypto from 'node:crypto';

/** sha256 hex of a string (as UTF-8) or bytes. Deterministic, so it belongs to the pure core. */
export function computeSha256(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** One-shot hashing (Node ≥ 20.12) is several times faster than createHash for short strings. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array) => string }).hash;

/** Hex digits of a text fingerprint: 64 bits, so two sentences of one document share one by chance about once in 10^19 pairs. */
export const TEXT_SHA_LENGTH = 16;

/**
 * The fingerprint of a segment's text (`text_sha` in segment, sample and
 * coding files): the first 16 hex digits of the sha-256 of the text as
 * UTF-8. The text is a segment's as qcode cuts it (NFC, LF line ends,
 * trimmed), so the fingerprint depends on nothing but the text: the same on
 * every platform and qcode version, and anyone can recompute it (Python:
 * `hashlib.sha256(text.encode()).hexdigest()[:16]`). sha-256 rather than a
 * faster non-cryptographic hash for that reason; one-shot hashing costs
 * about 0.4 µs per sentence.
 */
export function computeTextSha(text: string): string {
  return (oneShot ? oneShot('sha256', text) : computeSha256(text)).slice(0, TEXT_SHA_LENGTH);
}

/** computeTextSha of a text given as its UTF-8 bytes: the same fingerprint without a string (the byte coder's segments). */
export function computeTextShaOfBytes(bytes: Uint8Array): string {
  return (oneShot ? oneShot('sha256', bytes) : computeSha256(bytes)).slice(0, TEXT_SHA_LENGTH);
}
