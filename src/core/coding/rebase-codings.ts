import type { Coding, CodingRow } from '../model/coding.js';
import { AnchorIndex, docOfRow } from './anchor-codings.js';
import type { LocatedCoding } from './parse-coding-file.js';

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

interface Group {
  segment_id: string;
  doc_id: string;
  sha: string;
  rows: LocatedCoding[];
}

/** A segment id's position in its document, for pairing repeated texts in order (unparseable ids last). */
function positionOf(id: string): number {
  const m = /:[dps](\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * Puts a coder's codings onto the current segmentation by their text: a
 * segment's codings stay where their fingerprint still is, move to the one
 * segment of the same document that now has their text, and become orphans
 * where no segment has it (an edited, split, merged or deleted sentence).
 * A text that occurs several times in a document moves when its coded
 * occurrences and its current free occurrences are as many (paired in
 * order); otherwise its codings are orphans too, never guessed. Nothing is
 * dropped: each row is in `codings` or in `orphans`. `oldText` gives the old
 * text of a fingerprint where one is known (an earlier segments or sample
 * file), for the orphans file.
 */
export function rebaseCodings(rows: readonly LocatedCoding[], index: AnchorIndex, oldText: (sha: string) => string | undefined): RebaseResult {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const sha = row.text_sha ?? '';
    const key = `${row.coding.segment_id}\u0000${sha}`;
    const g = groups.get(key) ?? { segment_id: row.coding.segment_id, doc_id: docOfRow(row.coding), sha, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  const result: RebaseResult = {
    codings: [],
    orphans: [],
    segments: { kept: 0, moved: 0, orphaned: 0, unchecked: 0 },
    rows: { kept: 0, moved: 0, orphaned: 0, unchecked: 0 },
    moves: [],
  };
  const claimed = new Set<string>();
  const place = (g: Group, to: string, how: 'kept' | 'moved' | 'unchecked') => {
    claimed.add(to);
    for (const r of g.rows) result.codings.push({ ...r.coding, segment_id: to, doc_id: g.doc_id });
    const counts = how === 'moved' ? (['moved'] as const) : how === 'kept' ? (['kept'] as const) : (['kept', 'unchecked'] as const);
    for (const k of counts) {
      result.segments[k]++;
      result.rows[k] += g.rows.length;
    }
    if (how === 'moved') result.moves.push({ from: g.segment_id, to });
  };
  const orphan = (g: Group, reason: OrphanReason) => {
    const text = oldText(g.sha) ?? '';
    for (const r of g.rows) result.orphans.push({ ...r.coding, doc_id: g.doc_id, text_sha: g.sha, reason, text });
    result.segments.orphaned++;
    result.rows.orphaned += g.rows.length;
  };
  const pending = new Map<string, Group[]>();
  for (const g of groups.values()) {
    const now = index.shaOf(g.segment_id);
    if (!g.sha) {
      if (now === undefined) orphan(g, 'no such segment, no fingerprint');
      else place(g, g.segment_id, 'unchecked');
    } else if (now === g.sha) place(g, g.segment_id, 'kept');
    else {
      const key = `${g.doc_id}\u0000${g.sha}`;
      pending.set(key, [...(pending.get(key) ?? []), g]);
    }
  }
  for (const list of pending.values()) {
    const { doc_id, sha } = list[0]!;
    const free = index.idsWithSha(doc_id, sha).filter((id) => !claimed.has(id));
    if (free.length === 0) list.forEach((g) => orphan(g, index.idsWithSha(doc_id, sha).length > 0 ? 'text repeats in the document' : 'text edited or deleted'));
    else if (free.length !== list.length) list.forEach((g) => orphan(g, 'text repeats in the document'));
    else {
      const ordered = [...list].sort((a, b) => positionOf(a.segment_id) - positionOf(b.segment_id));
      ordered.forEach((g, k) => place(g, free[k]!, 'moved'));
    }
  }
  return result;
}
