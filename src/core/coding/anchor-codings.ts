import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
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

/** What the anchor check asks of the current segmentation: an AnchorIndex over Segment objects, or a compact table's lookup. */
export interface AnchorLookup {
  /** Whether segment `id` exists and its text has this fingerprint now. */
  isAt(id: string, sha: string): boolean;
  /** The ids of a document's segments whose text has this fingerprint now, in document order. */
  idsWithSha(docId: string, sha: string): readonly string[];
}

/**
 * Fingerprints of the current segments, computed only where a check asks:
 * a file whose every coding is where it was costs one hash per coded segment.
 */
export class AnchorIndex implements AnchorLookup {
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

  isAt(id: string, sha: string): boolean {
    return this.shaOf(id) === sha;
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
export function anchorCoding(row: AnchoredRow, index: AnchorLookup): Anchor {
  if (!row.text_sha) return { status: 'unchecked' };
  if (index.isAt(row.segment_id, row.text_sha)) return { status: 'kept' };
  const to = index.idsWithSha(docOfRow(row), row.text_sha);
  return to.length > 0 ? { status: 'moved', to } : { status: 'orphaned' };
}

/** A row as the tally needs it: its segment id and where that id stands (asked only of the first row of a kind). */
export interface TalliedRow {
  segment_id: string;
  at: () => SourceLocation;
}

interface Kind {
  rows: number;
  segments: Set<string>;
  first?: { segment_id: string; at: SourceLocation; to: readonly string[] };
}

/**
 * Codings whose text is no longer at their segment, counted for one report
 * per file: how many rows and segments, and the first of each kind (never
 * the rows themselves, so a streamed file costs no memory per row here).
 */
export class AnchorTally {
  private readonly moved: Kind = { rows: 0, segments: new Set() };
  private readonly orphaned: Kind = { rows: 0, segments: new Set() };

  /** Adds a row's anchor; true when the row may be attached to its segment. */
  add(row: LocatedCoding | TalliedRow, anchor: Anchor): boolean {
    const kind = anchor.status === 'moved' ? this.moved : anchor.status === 'orphaned' ? this.orphaned : undefined;
    if (!kind) return true;
    const ref = 'coding' in row ? { segment_id: row.coding.segment_id, at: () => row.at.segment_id ?? row.at.row } : row;
    kind.rows++;
    kind.segments.add(ref.segment_id);
    kind.first ??= { segment_id: ref.segment_id, at: ref.at(), to: anchor.status === 'moved' ? anchor.to : [] };
    return false;
  }

  /**
   * One error for the moved codings and one for the orphaned, each saying
   * how many, giving an example, and the fix. Never attached to the new text.
   */
  diagnostics(file: string, fix: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const count = (k: Kind) => `${plural(k.rows, 'coding')} on ${plural(k.segments.size, 'segment')}`;
    const are = (k: Kind) => (k.rows === 1 ? 'is' : 'are');
    const moved = this.moved.first;
    if (moved) {
      out.push(
        diag('QC420', `${count(this.moved)} of ${file} ${are(this.moved)} on text that has moved within its document (e.g. the text of '${moved.segment_id}' is now '${moved.to.join("', '")}'); they are not attached to the segments' new text`, {
          at: moved.at,
          hint: fix,
        }),
      );
    }
    const orphan = this.orphaned.first;
    if (orphan) {
      out.push(
        diag('QC421', `${count(this.orphaned)} of ${file} ${are(this.orphaned)} on text that was edited or deleted (e.g. '${orphan.segment_id}'): no segment of its document has that text now`, {
          at: orphan.at,
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
