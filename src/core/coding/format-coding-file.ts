import { formatRecordsCsv, formatRecordsJsonl } from '../format/format-records.js';
import type { Codebook } from '../model/codebook.js';
import { CODING_COLUMNS, type Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import { sortCodings } from './sort-codings.js';

/** The canonical coding CSV: header, LF line ends, quoted only where needed. Sort first. */
export function formatCodingCsv(codings: readonly Coding[]): string {
  return formatRecordsCsv(CODING_COLUMNS, codings);
}

export function formatCodingJsonl(codings: readonly Coding[]): string {
  return formatRecordsJsonl(CODING_COLUMNS, codings);
}

/** A canonical coding file's content, sorted: JSON Lines for a `.jsonl` file name, else CSV. */
export function formatCodingFile(fileName: string, codings: readonly Coding[], codebook: Codebook, segments: readonly Segment[]): string {
  const sorted = sortCodings(codings, codebook, segments);
  return fileName.toLowerCase().endsWith('.jsonl') ? formatCodingJsonl(sorted) : formatCodingCsv(sorted);
}
