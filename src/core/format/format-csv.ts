import type { Cell } from './table.js';
import { formatCsvRow } from './format-csv-field.js';
import { neutraliseSpreadsheetCell } from './neutralise-spreadsheet-cell.js';

export interface CsvOptions {
  /** For spreadsheets: a UTF-8 byte-order mark and formula-looking text cells neutralised. */
  excel?: boolean;
}

/**
 * A CSV file: a header row, then the rows, LF line ends, fields quoted by the
 * one rule of format-csv-field.ts, numbers unrounded (shortest round-trip
 * form) and null as an empty cell. Without `excel` text is written exactly
 * as it is.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  return formatCsvHeader(header, options) + formatCsvRows(rows, options);
}

/** The start of a CSV file, for a writer that streams its rows: the BOM (with `excel`) and the header row. */
export function formatCsvHeader(header: readonly string[], options: CsvOptions = {}): string {
  const text = options.excel ? neutraliseSpreadsheetCell : (v: string) => v;
  return (options.excel ? '\uFEFF' : '') + formatCsvRow(header.map(text));
}

/** Rows of a CSV file after its header, as formatCsv writes them: a streamed file is the same bytes. */
export function formatCsvRows(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const text = options.excel ? neutraliseSpreadsheetCell : (v: string) => v;
  const parts: string[] = [];
  for (const row of rows) parts.push(formatCsvRow(row.map((v) => (v === null ? '' : typeof v === 'number' ? v : text(v)))));
  return parts.join('');
}
