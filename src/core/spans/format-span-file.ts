import { formatRecordsCsv } from '../format/format-records.js';
import { SPAN_COLUMNS, type SpanCoding } from '../model/span-coding.js';

/** The canonical span file: header, LF line ends, text exactly as in the document. Sort first. */
export function formatSpanCsv(spans: readonly SpanCoding[]): string {
  return formatRecordsCsv(SPAN_COLUMNS, spans);
}
