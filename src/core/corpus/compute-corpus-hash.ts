import { createHash, hash } from 'node:crypto';
import type { Document } from '../model/document.js';

/**
 * The corpus hash: sha256 over the sha256 digests (32 raw bytes each) of the
 * documents in corpus order, where a document's digest is over its canonical
 * line, `{"id":…,"metadata":{…keys sorted…},"text":…}` + LF, written by
 * JSON.stringify over the normalised document. Where the documents came from
 * (folder, CSV, JSONL, stdin) does not change it. Hashing digests rather than
 * the lines themselves lets a reader that splits the corpus over threads or
 * shards hash each document where it is read and combine the digests in
 * corpus order afterwards.
 */
export class CorpusHasher {
  private readonly hash = createHash('sha256');
  count = 0;

  /** Adds one document's digest (documentDigest or documentDigestOfParts). */
  addDigest(digest: Uint8Array): void {
    this.hash.update(digest);
    this.count++;
  }

  /** Adds the digests of documents in a row, 32 bytes each: one update for many (a slice's, in stream-code). */
  addDigests(digests: Uint8Array): void {
    this.hash.update(digests);
    this.count += digests.length / 32;
  }

  add(doc: Pick<Document, 'id' | 'metadata' | 'text'>): void {
    this.addDigest(documentDigest(doc));
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The canonical line of a document up to its text's opening quote: what documentDigestOfParts needs before the text. */
export function canonicalHead(id: string, metadata: Record<string, string>): string {
  const sorted = keysInOrder(metadata) ? metadata : Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `{"id":${JSON.stringify(id)},"metadata":${JSON.stringify(sorted)},"text":"`;
}

/** True when the keys already come in sorted order (most corpora write them so): no sorted copy is needed, as it would list them alike. */
function keysInOrder(metadata: Record<string, string>): boolean {
  let previous: string | null = null;
  for (const key in metadata) {
    if (!Object.hasOwn(metadata, key)) return false;
    if (previous !== null && previous >= key) return false;
    previous = key;
  }
  return true;
}

/** What follows the text in the canonical line. */
export const CANONICAL_TAIL = '"}\n';

/** The digest of one document's canonical line. */
export function documentDigest(doc: Pick<Document, 'id' | 'metadata' | 'text'>, pieceChars = DIGEST_PIECE): Uint8Array {
  const text = doc.text;
  if (text.length <= pieceChars) return createHash('sha256').update(canonicalHead(doc.id, doc.metadata) + JSON.stringify(text).slice(1, -1) + CANONICAL_TAIL).digest();
  const h = createHash('sha256').update(canonicalHead(doc.id, doc.metadata));
  for (let from = 0; from < text.length; ) {
    let to = Math.min(from + pieceChars, text.length);
    // Never between the halves of a surrogate pair: JSON.stringify writes a lone half as an escape.
    if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to = to - 1 > from ? to - 1 : to + 1;
    h.update(JSON.stringify(text.slice(from, to)).slice(1, -1));
    from = to;
  }
  return h.update(CANONICAL_TAIL).digest();
}

/**
 * A text longer than this is written and hashed a piece at a time: its
 * JSON form and the line around it, made whole, were three more copies of a
 * 200 MB document (1.2 GB) at once. `pieceChars` of documentDigest: for tests.
 */
const DIGEST_PIECE = 1 << 20;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The same digest from the canonical line in pieces: the head, the text as
 * JSON.stringify writes it between the quotes (as UTF-8 bytes), the tail. The
 * byte path hashes a JSONL text field in place this way when its escapes are
 * the ones JSON.stringify writes.
 */
export function documentDigestOfParts(head: string, text: Uint8Array): Uint8Array {
  // A long text is hashed where it lies: copied into the scratch buffer, a 200 MB document was 200 MB more, kept.
  if (text.length > DIGEST_PIECE) return createHash('sha256').update(head).update(text).update(CANONICAL_TAIL).digest();
  // One contiguous buffer and the one-shot hash: per-call overhead, not hashing, dominates for a document of a few kB.
  const need = head.length * 3 + text.length + CANONICAL_TAIL.length;
  if (scratch.length < need) scratch = Buffer.allocUnsafe(Math.max(need, scratch.length * 2));
  let at = scratch.write(head, 0, 'utf8');
  scratch.set(text, at);
  at += text.length;
  at += scratch.write(CANONICAL_TAIL, at, 'latin1');
  return hash('sha256', scratch.subarray(0, at), 'buffer');
}

let scratch = Buffer.allocUnsafe(1 << 16);

export function computeCorpusHash(documents: Iterable<Pick<Document, 'id' | 'metadata' | 'text'>>): string {
  const h = new CorpusHasher();
  for (const d of documents) h.add(d);
  return h.digest();
}
