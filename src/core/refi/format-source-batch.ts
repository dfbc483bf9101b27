import type { DocumentHead } from '../segment/segment-table.js';
import type { ByteRows } from '../util/byte-rows.js';
import { codePointCursor, hasSurrogate } from '../util/code-point-cursor.js';
import { formatExcerptInto, formatTextSource, SelectionGatherer, type SourceFrame } from './format-project-qde.js';

/**
 * Documents of a project.qde in corpus order, each with its text and its
 * coders' rows (a span or unit coding each, in the order gathered), packed in
 * a few arrays so that another thread is handed them cheaply (one object per
 * row was most of the cost of sending them).
 */
export interface SourceBatch {
  heads: DocumentHead[];
  texts: string[];
  /** Per document, 1 when its text is ASCII (its code points are its UTF-16 units). */
  ascii: Uint8Array;
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
  private texts: string[] = [];
  private ascii: number[] = [];
  private rowCounts: number[] = [];
  private rows = new Int32Array(3 << 12);
  private codes: string[] = [];
  private memos: string[] = [];
  /** UTF-16 units of text held. */
  chars = 0;

  get documents(): number {
    return this.heads.length;
  }

  get rowCount(): number {
    return this.codes.length;
  }

  /** A document; its rows are those added after it (and before the next). */
  document(head: DocumentHead, text: string, ascii: boolean): void {
    this.heads.push(head);
    this.texts.push(text);
    this.ascii.push(ascii ? 1 : 0);
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
      ascii: Uint8Array.from(this.ascii),
      rowCounts: Int32Array.from(this.rowCounts),
      rows: this.rows.slice(0, 3 * this.codes.length),
      codes: this.codes,
      memos: this.memos,
    };
    this.heads = [];
    this.texts = [];
    this.ascii = [];
    this.rowCounts = [];
    this.codes = [];
    this.memos = [];
    this.chars = 0;
    return batch;
  }
}

/**
 * The TextSource elements of a batch's documents, each after a line end, as
 * UTF-8 into `out`, yielding whenever it holds `pieceBytes` or more (see
 * formatTextSource): the same bytes whether the batch was formatted on this
 * thread or another.
 */
export function* formatSourceBatch(batch: SourceBatch, frame: SourceFrame, coders: readonly string[], out: ByteRows, pieceBytes?: number): Generator<void> {
  const gather = new SelectionGatherer();
  let r = 0;
  for (let d = 0; d < batch.heads.length; d++) {
    for (const last = r + batch.rowCounts[d]!; r < last; r++) {
      gather.add(coders[batch.rows[3 * r + 2]!]!, batch.rows[3 * r]!, batch.rows[3 * r + 1]!, batch.codes[r]!, batch.memos[r]!);
    }
    const text = batch.texts[d]!;
    // Searched once for the two cursors (each would search the whole text for a surrogate otherwise).
    const codePoints = batch.ascii[d] || !hasSurrogate(text) ? text.length : undefined;
    const from = codePointCursor(text, codePoints);
    const upTo = codePointCursor(text, codePoints);
    out.byte(0x0a);
    yield* formatTextSource(batch.heads[d]!, gather.take(), frame, (into, start, end) => formatExcerptInto(into, text, from(start), upTo(end)), out, pieceBytes);
  }
}
