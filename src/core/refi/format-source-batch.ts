import type { DocumentHead } from '../segment/segment-table.js';
import { ByteRows } from '../util/byte-rows.js';
import { codePointCursor, hasSurrogate } from '../util/code-point-cursor.js';
import { formatExcerptInto, formatTextSource, type ProjectSelection, type SourceFrame } from './format-project-qde.js';

/**
 * Documents of a project.qde in corpus order, each with its text and its
 * coders' rows (a span or unit coding each, in the order gathered), packed in
 * a few arrays so that another thread is handed them cheaply (one object per
 * row was most of the cost of sending them).
 */
export interface SourceBatch {
  heads: DocumentHead[];
  /** Per document, its text, or null when the text is its UTF-8 in `utf8` (most are: the reading thread makes no string of them). */
  texts: (string | null)[];
  /** The UTF-8 of the texts given as bytes, one after another; document d's ends at utf8Ends[d] (and starts where the one before ends). */
  utf8: Uint8Array;
  utf8Ends: Int32Array;
  /** Per document, 1 when its code points are its UTF-16 units (ASCII, or no character beyond U+FFFF), as the sender found. */
  unitsAreCodePoints: Uint8Array;
  /** Per document, how many of the rows are its own. */
  rowCounts: Int32Array;
  /** Three numbers a row: start and end (code points), the coder's index. */
  rows: Int32Array;
  codes: string[];
  memos: string[];
}

/** A SourceBatch filled a document and a row at a time. */
export class SourceBatchBuilder {
  private heads: DocumentHead[] = [];
  private texts: (string | null)[] = [];
  private utf8 = new ByteRows();
  private utf8Ends: number[] = [];
  private unitsAreCodePoints: number[] = [];
  private rowCounts: number[] = [];
  private rows = new Int32Array(3 << 12);
  private codes: string[] = [];
  private memos: string[] = [];
  /** UTF-16 units or UTF-8 bytes of text held (as each text was given). */
  chars = 0;

  get documents(): number {
    return this.heads.length;
  }

  get rowCount(): number {
    return this.codes.length;
  }

  /** A document, its text given as a string or as its UTF-8 (copied); its rows are those added after it (and before the next). */
  document(head: DocumentHead, text: string | Uint8Array, unitsAreCodePoints: boolean): void {
    this.heads.push(head);
    if (typeof text === 'string') this.texts.push(text);
    else {
      this.texts.push(null);
      this.utf8.copy(text, 0, text.length);
    }
    this.utf8Ends.push(this.utf8.length);
    this.unitsAreCodePoints.push(unitsAreCodePoints ? 1 : 0);
    this.rowCounts.push(0);
    this.chars += text.length;
  }

  row(start: number, end: number, coder: number, code: string, memo: string): void {
    const n = this.codes.length;
    if (3 * n + 3 > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[3 * n] = start;
    this.rows[3 * n + 1] = end;
    this.rows[3 * n + 2] = coder;
    this.codes.push(code);
    this.memos.push(memo);
    this.rowCounts[this.rowCounts.length - 1]!++;
  }

  /** The batch so far; the builder starts again, empty. */
  take(): SourceBatch {
    const batch: SourceBatch = {
      heads: this.heads,
      texts: this.texts,
      utf8: this.utf8.bytes.slice(0, this.utf8.length),
      utf8Ends: Int32Array.from(this.utf8Ends),
      unitsAreCodePoints: Uint8Array.from(this.unitsAreCodePoints),
      rowCounts: Int32Array.from(this.rowCounts),
      rows: this.rows.slice(0, 3 * this.codes.length),
      codes: this.codes,
      memos: this.memos,
    };
    this.heads = [];
    this.texts = [];
    this.utf8.clear();
    this.utf8Ends = [];
    this.unitsAreCodePoints = [];
    this.rowCounts = [];
    this.codes = [];
    this.memos = [];
    this.chars = 0;
    return batch;
  }
}

/** A text's UTF-8 as it stands: a U+FEFF at its start is kept, as in the string. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The TextSource elements of a batch's documents, each after a line end, as
 * UTF-8 into `out`, yielding whenever it holds `pieceBytes` or more (see
 * formatTextSource): the same bytes whether the batch was formatted on this
 * thread or another.
 */
export function* formatSourceBatch(batch: SourceBatch, frame: SourceFrame, coders: readonly string[], out: ByteRows, pieceBytes?: number): Generator<void> {
  let r = 0;
  for (let d = 0; d < batch.heads.length; d++) {
    const first = r;
    r += batch.rowCounts[d]!;
    const text = batch.texts[d] ?? utf8.decode(batch.utf8.subarray(d > 0 ? batch.utf8Ends[d - 1] : 0, batch.utf8Ends[d]));
    // Searched once for the two cursors (each would search the whole text for a surrogate otherwise).
    const codePoints = batch.unitsAreCodePoints[d] || !hasSurrogate(text) ? text.length : undefined;
    const from = codePointCursor(text, codePoints);
    const upTo = codePointCursor(text, codePoints);
    out.byte(0x0a);
    const sels = documentSelections(batch, first, r, coders);
    yield* formatTextSource(batch.heads[d]!, sels, frame, (into, start, end) => formatExcerptInto(into, text, from(start), upTo(end)), out, pieceBytes);
  }
}

/**
 * A document's selections from its rows `first` to `last` of the batch: one
 * per coder, range and memo, holding each code of those rows in the order
 * the rows came ("" none), in document order (start, end, coder by name
 * as `coders` are sorted, memo). Rows come in that order as a rule (a
 * coder's unit codings follow the segments); otherwise their numbers are
 * sorted, ties kept in the order they came. One object is given for each
 * selection in turn: no Map of keys or object per selection (1.8 million
 * for one 200 MB document).
 */
export function* documentSelections(batch: SourceBatch, first: number, last: number, coders: readonly string[]): Generator<ProjectSelection> {
  const rows = batch.rows;
  const memos = batch.memos;
  const compare = (a: number, b: number) =>
    rows[3 * a]! - rows[3 * b]! || rows[3 * a + 1]! - rows[3 * b + 1]! || rows[3 * a + 2]! - rows[3 * b + 2]! || (memos[a]! < memos[b]! ? -1 : memos[a]! > memos[b]! ? 1 : 0);
  let order: Int32Array | null = null;
  for (let i = first + 1; i < last; i++) {
    if (compare(i - 1, i) > 0) {
      order = Int32Array.from({ length: last - first }, (_, k) => first + k);
      order.sort((a, b) => compare(a, b) || a - b);
      break;
    }
  }
  const sel: ProjectSelection = { start: 0, end: 0, coder: '', memo: '', codes: [] };
  for (let k = first; k < last; ) {
    const r = order ? order[k - first]! : k;
    sel.start = rows[3 * r]!;
    sel.end = rows[3 * r + 1]!;
    sel.coder = coders[rows[3 * r + 2]!]!;
    sel.memo = memos[r]!;
    sel.codes = [];
    for (; k < last; k++) {
      const same = order ? order[k - first]! : k;
      if (same !== r && compare(r, same) !== 0) break;
      const code = batch.codes[same]!;
      if (code !== '' && !sel.codes.includes(code)) sel.codes.push(code);
    }
    yield sel;
  }
}
