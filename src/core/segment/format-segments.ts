import { formatRecordsCsv, formatRecordsJsonl } from '../format/format-records.js';
import type { Segment } from '../model/segment.js';

export const SEGMENT_COLUMNS = ['segment_id', 'doc_id', 'unit', 'index', 'start', 'end', 'text'] as const;

export function formatSegmentsCsv(segments: readonly Segment[]): string {
  return formatRecordsCsv(SEGMENT_COLUMNS, segments);
}

export function formatSegmentsJsonl(segments: readonly Segment[]): string {
  return formatRecordsJsonl(SEGMENT_COLUMNS, segments);
}

/** Segments per document, in corpus order, for the summary on stderr. */
export function countSegmentsByDocument(segments: readonly Segment[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.doc_id, (counts.get(s.doc_id) ?? 0) + 1);
  return [...counts.entries()];
}
