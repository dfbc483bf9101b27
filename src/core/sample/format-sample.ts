import { stringify } from 'csv-stringify/sync';
import type { SampleRow } from './compute-sample.js';

export const SAMPLE_COLUMNS = ['segment_id', 'doc_id', 'stratum', 'text'] as const;

/** The sample file: RFC 4180 CSV, LF line ends, a header, quoted only where needed. */
export function formatSampleCsv(rows: readonly SampleRow[]): string {
  return stringify(
    rows.map((r) => SAMPLE_COLUMNS.map((c) => r[c])),
    { header: true, columns: [...SAMPLE_COLUMNS], record_delimiter: 'unix' },
  );
}
