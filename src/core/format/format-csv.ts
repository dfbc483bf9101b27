import { stringify } from 'csv-stringify/sync';
import type { Cell } from './table.js';
import { neutraliseSpreadsheetCell } from './neutralise-spreadsheet-cell.js';

export interface CsvOptions {
  /** For spreadsheets: a UTF-8 byte-order mark and formula-looking text cells neutralised. */
  excel?: boolean;
}

/**
 * RFC 4180 CSV with LF line ends, quoted only where needed, a header row,
 * numbers unrounded (shortest round-trip form) and null as an empty cell.
 * Without `excel` text is written exactly as it is.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const text = (v: string) => (options.excel ? neutraliseSpreadsheetCell(v) : v);
  const records = [
    header.map(text),
    ...rows.map((row) => row.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : text(v)))),
  ];
  const body = stringify(records, { record_delimiter: '\n', eof: true });
  return options.excel ? `\uFEFF${body}` : body;
}
