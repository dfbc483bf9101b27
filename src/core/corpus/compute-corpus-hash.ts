import { createHash } from 'node:crypto';
import type { Document } from '../model/document.js';

/**
 * sha256 over the normalised documents in corpus order: one JSON line per
 * document with id, metadata (keys sorted) and text. Where the documents came
 * from (folder, CSV, JSONL) does not change it.
 */
export function computeCorpusHash(documents: Iterable<Document>): string {
  const h = createHash('sha256');
  for (const d of documents) {
    const metadata = Object.fromEntries(Object.entries(d.metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    h.update(`${JSON.stringify({ id: d.id, metadata, text: d.text })}\n`);
  }
  return h.digest('hex');
}
