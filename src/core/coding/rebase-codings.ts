import type { Coding, CodingRow } from '../model/coding.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { docOfRow, type AnchorLookup } from './anchor-codings.js';
import { tableAnchors } from './coding-table.js';

/** Why `rebase` could not place a coding. */
export type OrphanReason = 'text edited or deleted' | 'text repeats in the document' | 'no such segment, no fingerprint';

/** A coding rebase could not place: kept with its old segment id, fingerprint and (where found) old text. */
export interface OrphanRow extends CodingRow {
  reason: OrphanReason;
  text: string;
}

export const ORPHAN_COLUMNS = ['segment_id', 'doc_id', 'text_sha', 'coder', 'category', 'code', 'memo', 'reason', 'text'] as const;

export interface RebaseCounts {
  /** Segments whose codings stay on the same id and text (or, without a fingerprint, on the same id). */
  kept: number;
  moved: number;
  orphaned: number;
  /** Of the kept, those the file gave no fingerprint for: placed by id alone. */
  unchecked: number;
}

export interface RebaseResult {
  /** The codings on the current segmentation: segment ids where their text is now. */
  codings: Coding[];
  orphans: OrphanRow[];
  /** Counted in segments (a segment's codings move together). */
  segments: RebaseCounts;
  /** Counted in coding rows. */
  rows: RebaseCounts;
  /** Each moved segment: old id → new id. */
  moves: { from: string; to: string }[];
}

/** What rebase asks of the current segmentation: segments by number, and a document's segments with a text. */
export interface RebaseLookup extends Pick<AnchorLookup, 'idsWithSha'> {
  /** Segments now: numbers 0..count-1. */
  readonly count: number;
  /** The number of segment `id` now, -1 when there is none. */
  numberOf(id: string): number;
  /** Whether segment n's text now has this fingerprint. */
  hasSha(n: number, sha: string): boolean;
}

/** The RebaseLookup of a SegmentTable. */
export function tableRebaseLookup(table: SegmentTable): RebaseLookup {
  const anchors = tableAnchors(table);
  return { count: table.length, numberOf: (id) => table.segmentNumber(id), hasSha: (n, sha) => table.hasTextSha(n, sha), idsWithSha: (doc, sha) => anchors.idsWithSha(doc, sha) };
}

interface Group {
  segment_id: string;
  doc_id: string;
  sha: string;
  rows: CodingRow[];
}

/** A segment id's position in its document, for pairing repeated texts in order (unparseable ids last). */
function positionOf(id: string): number {
  const m = /:[dps](\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

const KEPT = 1;
const UNCHECKED = 2;

/**
 * Puts a coder's codings onto the current segmentation by their text: a
 * segment's codings stay where their fingerprint still is, move to the one
 * segment of the same document that now has their text, and become orphans
 * where no segment has it (an edited, split, merged or deleted sentence).
 * A text that occurs several times in a document moves when its coded
 * occurrences and its current free occurrences are as many (paired in
 * order); otherwise its codings are orphans too, never guessed. Nothing is
 * dropped: each row is placed or in `orphans`.
 *
 * Rows stream in (`add`): a row that stays where it is, the most of any
 * file, is handed to `place` at once, its segment marked in a byte a
 * segment; only the rows that may move or be orphaned are held, until
 * `finish` (the current places must all be known before any moves). The
 * groups held are their fingerprints' (`heldShas`): the old texts to look
 * for, for the orphans file.
 */
export class Rebaser {
  private readonly placed: Uint8Array;
  private readonly held = new Map<string, Group>();
  private readonly segments: RebaseCounts = { kept: 0, moved: 0, orphaned: 0, unchecked: 0 };
  private readonly rows: RebaseCounts = { kept: 0, moved: 0, orphaned: 0, unchecked: 0 };

  constructor(
    private readonly lookup: RebaseLookup,
    /** Hears each coding placed: `coding` with its segment id the one it goes to (the row itself where it stays: copy what you keep), and its document. */
    private readonly place: (coding: Coding, docId: string) => void,
  ) {
    this.placed = new Uint8Array(lookup.count);
  }

  add(row: CodingRow): void {
    const sha = row.text_sha;
    const n = this.lookup.numberOf(row.segment_id);
    const how = n < 0 ? 0 : !sha ? UNCHECKED : this.lookup.hasSha(n, sha) ? KEPT : 0;
    if (how === 0) {
      const key = `${row.segment_id}\u0000${sha}`;
      const g = this.held.get(key);
      const coding = { segment_id: row.segment_id, doc_id: row.doc_id, coder: row.coder, category: row.category, code: row.code, memo: row.memo, text_sha: sha };
      if (g) g.rows.push(coding);
      else this.held.set(key, { segment_id: row.segment_id, doc_id: docOfRow(row), sha, rows: [coding] });
      return;
    }
    if ((this.placed[n]! & how) === 0) {
      this.placed[n]! |= how;
      this.segments.kept++;
      if (how === UNCHECKED) this.segments.unchecked++;
    }
    this.rows.kept++;
    if (how === UNCHECKED) this.rows.unchecked++;
    this.place(row, docOfRow(row));
  }

  /** The fingerprints of the rows held: the old texts `finish` may ask for. */
  heldShas(): Set<string> {
    const out = new Set<string>();
    for (const g of this.held.values()) if (g.sha) out.add(g.sha);
    return out;
  }

  /** Moves the held rows that can move (to `place`), orphans the rest; `oldText` gives the old text of a fingerprint where one is known. */
  finish(oldText: (sha: string) => string | undefined): Omit<RebaseResult, 'codings'> {
    const result = { orphans: [] as OrphanRow[], segments: this.segments, rows: this.rows, moves: [] as { from: string; to: string }[] };
    const claimed = new Set<string>();
    const place = (g: Group, to: string) => {
      claimed.add(to);
      for (const r of g.rows) this.place({ ...r, segment_id: to }, g.doc_id);
      result.segments.moved++;
      result.rows.moved += g.rows.length;
      result.moves.push({ from: g.segment_id, to });
    };
    const orphan = (g: Group, reason: OrphanReason) => {
      const text = oldText(g.sha) ?? '';
      for (const r of g.rows) result.orphans.push({ ...r, doc_id: g.doc_id, text_sha: g.sha, reason, text });
      result.segments.orphaned++;
      result.rows.orphaned += g.rows.length;
    };
    const pending = new Map<string, Group[]>();
    for (const g of this.held.values()) {
      if (!g.sha) orphan(g, 'no such segment, no fingerprint');
      else {
        const key = `${g.doc_id}\u0000${g.sha}`;
        pending.set(key, [...(pending.get(key) ?? []), g]);
      }
    }
    const free = (id: string) => {
      const n = this.lookup.numberOf(id);
      return !claimed.has(id) && (n < 0 || this.placed[n] === 0);
    };
    for (const list of pending.values()) {
      const { doc_id, sha } = list[0]!;
      const now = this.lookup.idsWithSha(doc_id, sha);
      const open = now.filter(free);
      if (open.length === 0) list.forEach((g) => orphan(g, now.length > 0 ? 'text repeats in the document' : 'text edited or deleted'));
      else if (open.length !== list.length) list.forEach((g) => orphan(g, 'text repeats in the document'));
      else {
        const ordered = [...list].sort((a, b) => positionOf(a.segment_id) - positionOf(b.segment_id));
        ordered.forEach((g, k) => place(g, open[k]!));
      }
    }
    this.held.clear();
    return result;
  }
}

/** Rebaser over rows at hand: every coding placed, in `codings`. */
export function rebaseCodings(rows: readonly CodingRow[], lookup: RebaseLookup, oldText: (sha: string) => string | undefined): RebaseResult {
  const codings: Coding[] = [];
  const rebaser = new Rebaser(lookup, (c, docId) => codings.push({ segment_id: c.segment_id, doc_id: docId, coder: c.coder, category: c.category, code: c.code, memo: c.memo }));
  for (const row of rows) rebaser.add(row);
  return { codings, ...rebaser.finish(oldText) };
}
