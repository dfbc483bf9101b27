import { formatRecordsCsv, formatRecordsJsonl } from '../format/format-records.js';
import { CODING_COLUMNS, type Coding } from '../model/coding.js';

/** The canonical coding CSV: header, LF line ends, quoted only where needed. Sort first. */
export function formatCodingCsv(codings: readonly Coding[]): string {
  return formatRecordsCsv(CODING_COLUMNS, codings);
}

export function formatCodingJsonl(codings: readonly Coding[]): string {
  return formatRecordsJsonl(CODING_COLUMNS, codings);
}
