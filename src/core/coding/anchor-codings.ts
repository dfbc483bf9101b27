import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { docIdOfSegment, type Segment } from '../model/segment.js';
import { computeTextSha } from '../util/hash.js';
import type { LocatedCoding } from './parse-coding-file.js';

/**
 * What the anchor check needs of the current segmentation. A command holding
 * the segments builds it with indexSegmentTexts; a streaming reader can give
 * its own.
 */
export interface SegmentTexts {
  /** The text of the segment with this id now; undefined when there is none. */
  textOf(segmentId: string): string | undefined;
  /** A document's segments now, in document order. */
  segmentsOf(docId: string): Iterable<{ segment_id: string; text: string }>;
}

export function indexSegmentTexts(segments: readonly Segment[]): SegmentTexts {
  const byId = new Map(segments.map((s) => [s.segment_id, s]));
  let byDoc: Map<string, Segment[]> | undefined;
  return {
    textOf: (id) => byId.get(id)?.text,
    segmentsOf(docId) {
      if (!byDoc) {
        byDoc = new Map();
        for (const s of segments) {
          const list = byDoc.get(s.doc_id) ?? [];
          list.push(s);
          byDoc.set(s.doc_id, list);
        }
      }
      return byDoc.get(docId) ?? [];
    },
  };
}

/**
 * Fingerprints of the current segments, computed only where a check asks:
 * a file whose every coding is where it was costs one hash per coded segment.
 */
export class AnchorIndex {
  private readonly sha = new Map<string, string>();
  private readonly docs = new Map<string, Map<string, string[]>>();

  constructor(readonly texts: SegmentTexts) {}

  /** The fingerprint of segment `id`'s text now; undefined when there is no such segment. */
  shaOf(id: string): string | undefined {
    let v = this.sha.get(id);
    if (v === undefined) {
      const text = this.texts.textOf(id);
      if (text === undefined) return undefined;
      v = computeTextSha(text);
      this.sha.set(id, v);
    }
    return v;
  }

  /** The ids of a document's segments whose text has this fingerprint now, in document order. */
  idsWithSha(docId: string, sha: string): readonly string[] {
    let bySha = this.docs.get(docId);
    if (!bySha) {
      bySha = new Map();
      for (const s of this.texts.segmentsOf(docId)) {
        const k = computeTextSha(s.text);
        const list = bySha.get(k) ?? [];
        list.push(s.segment_id);
        bySha.set(k, list);
      }
      this.docs.set(docId, bySha);
    }
    return bySha.get(sha) ?? [];
  }
}

/** Where a coding's text is now, judged by its fingerprint. */
export type Anchor =
  /** Same id, same text. */
  | { status: 'kept' }
  /** No fingerprint in the file: the id alone places it. */
  | { status: 'unchecked' }
  /** Its text is now at these other segments of its document (one, or several if the text repeats). */
  | { status: 'moved'; to: readonly string[] }
  /** No segment of its document has its text now: edited, split, merged or deleted. */
  | { status: 'orphaned' };

export interface AnchoredRow {
  segment_id: string;
  doc_id: string;
  text_sha?: string | undefined;
}

/** The document a row belongs to: its doc_id, else the one its segment id names. */
export function docOfRow(row: AnchoredRow): string {
  return row.doc_id || docIdOfSegment(row.segment_id);
}

/** Where one coding row's text is now. Pure and per row, so a streaming reader can call it too. */
export function anchorCoding(row: AnchoredRow, index: AnchorIndex): Anchor {
  if (!row.text_sha) return { status: 'unchecked' };
  if (index.shaOf(row.segment_id) === row.text_sha) return { status: 'kept' };
  const to = index.idsWithSha(docOfRow(row), row.text_sha);
  return to.length > 0 ? { status: 'moved', to } : { status: 'orphaned' };
}

/** Codings whose text is no longer at their segment, gathered for one report per file. */
export class AnchorTally {
  readonly moved: { row: LocatedCoding; to: readonly string[] }[] = [];
  readonly orphaned: LocatedCoding[] = [];

  /** Adds a row's anchor; true when the row may be attached to its segment. */
  add(row: LocatedCoding, anchor: Anchor): boolean {
    if (anchor.status === 'moved') this.moved.push({ row, to: anchor.to });
    else if (anchor.status === 'orphaned') this.orphaned.push(row);
    else return true;
    return false;
  }

  /**
   * One error for the moved codings and one for the orphaned, each saying
   * how many, giving an example, and the fix. Never attached to the new text.
   */
  diagnostics(file: string, fix: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    const segmentsOf = (rows: readonly LocatedCoding[]) => new Set(rows.map((r) => r.coding.segment_id)).size;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const count = (rows: readonly LocatedCoding[]) => `${plural(rows.length, 'coding')} on ${plural(segmentsOf(rows), 'segment')}`;
    const are = (rows: readonly unknown[]) => (rows.length === 1 ? 'is' : 'are');
    if (this.moved.length > 0) {
      const first = this.moved[0]!;
      const rows = this.moved.map((m) => m.row);
      out.push(
        diag('QC420', `${count(rows)} of ${file} ${are(rows)} on text that has moved within its document (e.g. the text of '${first.row.coding.segment_id}' is now '${first.to.join("', '")}'); they are not attached to the segments' new text`, {
          at: first.row.at.segment_id ?? first.row.at.row,
          hint: fix,
        }),
      );
    }
    if (this.orphaned.length > 0) {
      const first = this.orphaned[0]!;
      out.push(
        diag('QC421', `${count(this.orphaned)} of ${file} ${are(this.orphaned)} on text that was edited or deleted (e.g. '${first.coding.segment_id}'): no segment of its document has that text now`, {
          at: first.at.segment_id ?? first.at.row,
          hint: fix,
        }),
      );
    }
    return out;
  }
}

/** The fix a diagnostic names for a coder's file (`orphans`: where rebase would keep what it cannot place). */
export function rebaseHint(coder: string | undefined, orphans?: string): string {
  const who = coder ?? '<coder>';
  return `run \`qcode rebase ${who}\`: it moves each coding onto the segment that has its text now, and keeps the ones it cannot place, with their old text, in ${orphans ?? `codings/${who}.orphans.csv`}`;
}

/** The anchor check alone, over rows validated elsewhere (an annotation journal's): the moved and orphaned rows reported. */
export function checkAnchors(rows: readonly LocatedCoding[], index: AnchorIndex, file: string, fix: string): Diagnostic[] {
  const tally = new AnchorTally();
  for (const row of rows) tally.add(row, anchorCoding({ segment_id: row.coding.segment_id, doc_id: row.coding.doc_id, text_sha: row.text_sha }, index));
  return tally.diagnostics(file, fix);
}
