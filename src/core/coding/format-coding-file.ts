import { stringify } from 'csv-stringify/sync';
import { CODING_COLUMNS, type Coding } from './coding.js';

/** The canonical coding CSV: header, LF line ends, quoted only where needed. Sort first. */
export function formatCodingCsv(codings: readonly Coding[]): string {
  return stringify(
    codings.map((c) => CODING_COLUMNS.map((k) => c[k])),
    { header: true, columns: [...CODING_COLUMNS], record_delimiter: '\n' },
  );
}

export function formatCodingJsonl(codings: readonly Coding[]): string {
  return codings.map((c) => `${JSON.stringify(Object.fromEntries(CODING_COLUMNS.map((k) => [k, c[k]])))}\n`).join('');
}
