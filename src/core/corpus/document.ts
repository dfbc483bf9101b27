/**
 * A Document after reading and normalisation (BOM stripped, LF line ends,
 * Unicode NFC). Offsets anywhere in qcode count Unicode code points in `text`.
 */
export interface Document {
  id: string;
  text: string;
  /** Front matter or extra columns, minus `id` and `text`; values as read. */
  metadata: Record<string, unknown>;
  /** Where it came from, for diagnostics: a file, or a file and line. */
  source: { file: string; line?: number };
}

export interface Corpus {
  documents: Document[];
}

/** Metadata value as a string for grouping and tables ('' when absent). */
export function metadataString(doc: Document, key: string): string {
  const v = doc.metadata[key];
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === 'string' ? v : JSON.stringify(v);
}
