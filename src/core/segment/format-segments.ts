import { stringify } from 'csv-stringify/sync';
import type { Segment } from './segment.js';

export const SEGMENT_COLUMNS = ['segment_id', 'doc_id', 'unit', 'index', 'start', 'end', 'text'] as const;

export function formatSegmentsCsv(segments: readonly Segment[]): string {
  return stringify(
    segments.map((s) => SEGMENT_COLUMNS.map((k) => s[k])),
    { header: true, columns: [...SEGMENT_COLUMNS], record_delimiter: '\n' },
  );
}

export function formatSegmentsJsonl(segments: readonly Segment[]): string {
  return segments.map((s) => `${JSON.stringify(Object.fromEntries(SEGMENT_COLUMNS.map((k) => [k, s[k]])))}\n`).join('');
}

/** Segments per document, in corpus order, for the summary on stderr. */
export function countSegmentsByDocument(segments: readonly Segment[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.doc_id, (counts.get(s.doc_id) ?? 0) + 1);
  return [...counts.entries()];
}
