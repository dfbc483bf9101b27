import { formatCsv } from './format-csv.js';

/** Records with a fixed column order as CSV (header = column names). */
export function formatRecordsCsv<K extends string>(columns: readonly K[], records: readonly Record<K, string | number>[]): string {
  return formatCsv(columns, records.map((r) => columns.map((k) => r[k])));
}

/** Records as JSON Lines, keys in column order. */
export function formatRecordsJsonl<K extends string>(columns: readonly K[], records: readonly Record<K, string | number>[]): string {
  return records.map((r) => `${JSON.stringify(Object.fromEntries(columns.map((k) => [k, r[k]])))}\n`).join('');
}
