/**
 * A Document after reading and normalisation (BOM stripped, LF line ends,
 * Unicode NFC). Offsets anywhere in qcode count Unicode code points in `text`.
 */
export interface Document {
  id: string;
  text: string;
  /**
   * Front matter keys or extra columns, minus `id` and `text`. Values are
   * strings (numbers and dates as written) so every corpus format loads alike.
   */
  metadata: Record<string, string>;
  /** Where it came from, for diagnostics: a file, or a file and line. */
  source: { file: string; line?: number };
}

export interface Corpus {
  documents: Document[];
}

/** Metadata value for grouping and tables ('' when absent). */
export function metadataString(doc: Document, key: string): string {
  return doc.metadata[key] ?? '';
}

/** Keys that front matter and corpus tables conventionally carry. */
export const STANDARD_METADATA = ['title', 'date', 'source', 'type', 'actor', 'url', 'language'] as const;
