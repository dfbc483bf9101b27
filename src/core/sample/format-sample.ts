import { formatRecordsCsv, formatRecordsCsvHeader, formatRecordsCsvRows } from '../format/format-records.js';
import type { SampleCounts, SampleRow } from './compute-sample.js';
import { maxOf } from '../util/bulk-array.js';

export const SAMPLE_COLUMNS = ['segment_id', 'doc_id', 'stratum', 'text'] as const;

/** The sample file: CSV with a header (format/format-csv.ts). */
export function formatSampleCsv(rows: readonly SampleRow[]): string {
  return formatRecordsCsv(SAMPLE_COLUMNS, rows);
}

/** The sample file in pieces, for a writer streaming it: the header, then rows (the same bytes as formatSampleCsv). */
export function formatSampleHeader(): string {
  return formatRecordsCsvHeader(SAMPLE_COLUMNS);
}

export function formatSampleRows(rows: readonly SampleRow[]): string {
  return formatRecordsCsvRows(SAMPLE_COLUMNS, rows);
}

/** A short table of strata for the terminal: name, segments, sampled. */
export function formatSampleSummary(sample: SampleCounts): string {
  const name = (s: string) => (s === '' ? '(none)' : s);
  const width = maxOf(7, sample.strata.map((s) => name(s.stratum).length));
  const lines = [`${'stratum'.padEnd(width)}  segments  sampled`];
  for (const s of sample.strata) {
    lines.push(`${name(s.stratum).padEnd(width)}  ${String(s.population).padStart(8)}  ${String(s.allocated).padStart(7)}`);
  }
  lines.push(`${'total'.padEnd(width)}  ${String(sample.population).padStart(8)}  ${String(sample.rows.length).padStart(7)}`);
  return `${lines.join('\n')}\n`;
}
