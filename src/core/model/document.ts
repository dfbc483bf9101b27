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

/**
 * Why a document id cannot become a file name (`corpus/<id>.txt`, as a
 * project imported from a QDA tool is written), or undefined when it can: a
 * path separator, NUL or line break, a `.` or `..` name, or nothing at all
 * would put the file somewhere else or nowhere.
 */
export function documentIdPathProblem(id: string): string | undefined {
  if (id === '' || id === '.' || id === '..') return 'is empty, . or ..';
  if (/[/\\\0\r\n]/.test(id)) return 'holds a /, \\, NUL or line break';
  return undefined;
}

/** Metadata value for grouping and tables ('' when absent). */
export function metadataString(doc: Pick<Document, 'metadata'>, key: string): string {
  return doc.metadata[key] ?? '';
}

/** Keys that front matter and corpus tables conventionally carry. */
export const STANDARD_METADATA = ['title', 'date', 'source', 'type', 'actor', 'url', 'language'] as const;
