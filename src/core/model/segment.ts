import type { Unit } from './codebook.js';

/**
 * A Segment is a unit of coding: a slice [start, end) of a document's
 * normalised text, offsets in Unicode code points, trimmed of whitespace.
 * Its id `<doc_id>:<d|p|s><n>` is stable as long as the document is.
 */
export interface Segment {
  segment_id: string;
  doc_id: string;
  unit: Unit;
  /** 1-based position within the document. */
  index: number;
  start: number;
  end: number;
  text: string;
}

export const UNIT_LETTER: Record<Unit, string> = { document: 'd', paragraph: 'p', sentence: 's' };

export function segmentId(docId: string, unit: Unit, index: number): string {
  return `${docId}:${UNIT_LETTER[unit]}${index}`;
}

/** The document of a segment id (`<doc_id>:<d|p|s><n>`; a document id may itself hold colons). */
export function docIdOfSegment(segmentId: string): string {
  const k = segmentId.lastIndexOf(':');
  return k < 0 ? segmentId : segmentId.slice(0, k);
}

/** A span of a text in code points, before it becomes a Segment. */
export interface Span {
  start: number;
  end: number;
}
