import type { Document } from '../model/document.js';
import { metadataString } from '../model/document.js';

/** The group a document falls in when frequencies are split `--by` a metadata key or `doc`. */
export const MISSING_GROUP = '(missing)';

export function documentGroup(doc: Pick<Document, 'id' | 'metadata'>, by: string): string {
  if (by === 'doc') return doc.id;
  return metadataString(doc, by) || MISSING_GROUP;
}

/** Metadata keys present in any document, in order of first appearance. */
export function listMetadataKeys(documents: readonly Pick<Document, 'metadata'>[]): string[] {
  const keys = new Set<string>();
  for (const d of documents) for (const k of Object.keys(d.metadata)) keys.add(k);
  return [...keys];
}
