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

