import type { CodingTable } from './coding-table.js';

/** A segment two coders both reviewed: its number and each coder's rows, [a, aEnd) and [b, bEnd). */
export interface CommonSegment {
  n: number;
  a: number;
  aEnd: number;
  b: number;
  bEnd: number;
}

/** The segments both of two CodingTables (of one SegmentTable) hold rows for, in corpus order: the two walked together. */
export function* commonSegments(ta: CodingTable, tb: CodingTable): Generator<CommonSegment> {
  let i = 0;
  let j = 0;
  while (i < ta.length && j < tb.length) {
    const n = ta.segment(i);
    const m = tb.segment(j);
    if (n < m) i = ta.segmentEnd(i);
    else if (m < n) j = tb.segmentEnd(j);
    else {
      const s = { n, a: i, aEnd: ta.segmentEnd(i), b: j, bEnd: tb.segmentEnd(j) };
      yield s;
      i = s.aEnd;
      j = s.bEnd;
    }
  }
}

/**
 * Each code number either coder applied to a common segment, rising (codebook
 * order), with whether each applied it: the rows of a segment hold rising
 * code numbers, "reviewed, none" (0) first, so this merges two sorted lists.
 */
export function compareCodes(ta: CodingTable, tb: CodingTable, s: CommonSegment, fn: (code: number, inA: boolean, inB: boolean) => void): void {
  let x = s.a;
  let y = s.b;
  while (x < s.aEnd || y < s.bEnd) {
    const ka = x < s.aEnd ? ta.code(x) : Infinity;
    const kb = y < s.bEnd ? tb.code(y) : Infinity;
    if (ka === 0) x++;
    else if (kb === 0) y++;
    else {
      fn(Math.min(ka, kb), ka <= kb, kb <= ka);
      if (ka <= kb) x++;
      if (kb <= ka) y++;
    }
  }
}
