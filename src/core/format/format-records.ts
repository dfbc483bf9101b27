import { formatCsv, formatCsvHeader, formatCsvRows } from './format-csv.js';

/** Records with a fixed column order as CSV (header = column names). */
export function formatRecordsCsv<K extends string>(columns: readonly K[], records: readonly Record<K, string | number>[]): string {
  return formatCsv(columns, records.map((r) => columns.map((k) => r[k])));
}

/** Records as JSON Lines, keys in column order. */
export function formatRecordsJsonl<K extends string>(columns: readonly K[], records: readonly Record<K, string | number>[]): string {
  return records.map((r) => `${JSON.stringify(Object.fromEntries(columns.map((k) => [k, r[k]])))}\n`).join('');
}

/** The header of formatRecordsCsv, for a writer that streams the records. */
export function formatRecordsCsvHeader<K extends string>(columns: readonly K[]): string {
  return formatCsvHeader(columns);
}

/** Records as formatRecordsCsv writes them after its header: a streamed file is the same bytes. */
export function formatRecordsCsvRows<K extends string>(columns: readonly K[], records: readonly Record<K, string | number>[]): string {
  return formatCsvRows(records.map((r) => columns.map((k) => r[k])));
}
