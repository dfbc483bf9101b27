import { formatRecordsCsv, formatRecordsCsvHeader, formatRecordsCsvRows, formatRecordsJsonl } from '../format/format-records.js';
import type { Segment } from '../model/segment.js';
import { computeTextSha } from '../util/hash.js';

/** `text_sha` is the text's fingerprint, which coding files carry to stay anchored to the text (see core/coding/anchor-codings.ts). */
export const SEGMENT_COLUMNS = ['segment_id', 'doc_id', 'unit', 'index', 'start', 'end', 'text_sha', 'text'] as const;

const withSha = (segments: readonly Segment[]) => segments.map((s) => ({ ...s, text_sha: computeTextSha(s.text) }));

export function formatSegmentsCsv(segments: readonly Segment[]): string {
  return formatRecordsCsv(SEGMENT_COLUMNS, withSha(segments));
}

export function formatSegmentsJsonl(segments: readonly Segment[]): string {
  return formatRecordsJsonl(SEGMENT_COLUMNS, withSha(segments));
}

/** The segments file in pieces, for a writer streaming it a document at a time: the header ('' for JSONL), then each document's rows. */
export function formatSegmentsHeader(format: 'csv' | 'jsonl'): string {
  return format === 'csv' ? formatRecordsCsvHeader(SEGMENT_COLUMNS) : '';
}

/** One document's segments as rows of the segments file (the same bytes as the whole-file functions). */
export function formatSegmentsRows(segments: readonly Segment[], format: 'csv' | 'jsonl'): string {
  return format === 'csv' ? formatRecordsCsvRows(SEGMENT_COLUMNS, withSha(segments)) : formatRecordsJsonl(SEGMENT_COLUMNS, withSha(segments));
}

/** Segments per document, in corpus order, for the summary on stderr. */
export function countSegmentsByDocument(segments: readonly Segment[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.doc_id, (counts.get(s.doc_id) ?? 0) + 1);
  return [...counts.entries()];
}
