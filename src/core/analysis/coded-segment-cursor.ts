import type { CodingTable } from '../coding/coding-table.js';

/**
 * The segments a coder reviewed, document by document in corpus order, from
 * a CodingTable: what a pass over the corpus asks as each document comes
 * (does it have any, which, with which codes).
 */
export class CodedSegmentCursor {
  private r = 0;

  /** `from`: the first segment asked about (a pass over a slice of the corpus starts at its first document's). */
  constructor(
    private readonly codings: CodingTable,
    from = 0,
  ) {
    // Rows are in segment order: the first row at or after `from`.
    let hi = codings.length;
    while (this.r < hi) {
      const mid = (this.r + hi) >>> 1;
      if (codings.segment(mid) < from) this.r = mid + 1;
      else hi = mid;
    }
  }

  /** Whether every reviewed segment has been taken. */
  get done(): boolean {
    return this.r >= this.codings.length;
  }

  /** Whether document d has a reviewed segment (asked in corpus order). */
  hasRows(d: number): boolean {
    return !this.done && this.codings.segment(this.r) < this.codings.segments.segmentsOf(d).to;
  }

  /**
   * The reviewed segments of document d, each with the code ids applied
   * (empty for "reviewed, none"). One object and one set serve every
   * segment (a million reviewed segments are a million sets less): use
   * them before the next, copy what you keep.
   */
  *segmentsOf(d: number): Generator<{ readonly n: number; readonly codes: ReadonlySet<string> }> {
    const { codings } = this;
    const { to } = codings.segments.segmentsOf(d);
    const codes = new Set<string>();
    const segment = { n: 0, codes };
    while (this.r < codings.length && codings.segment(this.r) < to) {
      segment.n = codings.segment(this.r);
      const end = codings.segmentEnd(this.r);
      codes.clear();
      for (let r = this.r; r < end; r++) if (codings.code(r) !== 0) codes.add(codings.codeId(r));
      this.r = end;
      yield segment;
    }
  }
}
