/**
 * A Coding is one code a coder applied to a segment. A row with an empty
 * `code` means the coder reviewed the segment and no code applies; a segment
 * with no row at all was not reviewed.
 */
export interface Coding {
  segment_id: string;
  doc_id: string;
  coder: string;
  /** Category id ('' for a "reviewed, none" row). */
  category: string;
  /** Code id ('' for a "reviewed, none" row). */
  code: string;
  memo: string;
}

export const CODING_COLUMNS = ['segment_id', 'doc_id', 'coder', 'category', 'code', 'memo'] as const;

/**
 * The columns of a coding file: a Coding, with `text_sha` after the
 * document id, the fingerprint of the segment's text as the coder saw it
 * (empty or absent in files from before qcode wrote it). It anchors the
 * coding to the text, not only to the positional segment id.
 */
export const CODING_FILE_COLUMNS = ['segment_id', 'doc_id', 'text_sha', 'coder', 'category', 'code', 'memo'] as const;

/** A row of a coding file: a coding and the fingerprint of its segment's text. */
export type CodingRow = Coding & { text_sha: string };

/** A coding file row's fields in column order, for writers that format rows one at a time. */
export function codingFileFields(c: Coding, textSha: string): string[] {
  return [c.segment_id, c.doc_id, textSha, c.coder, c.category, c.code, c.memo];
}

