import { formatCsvField } from '../format/format-csv-field.js';
import type { Matcher } from './compile-matcher.js';
import { selectCodes } from './compute-auto-codings.js';
import type { MatchRun } from './match-run.js';

/** A segment as the row formatter needs it: id and code point span in the document. */
export interface RowSegment {
  segment_id: string;
  start: number;
  end: number;
}

/** CSV text waiting to be written: coding rows and evidence rows. */
export interface RowText {
  codings: string;
  evidence: string;
}

/**
 * The streamed coder's output for one document, written straight from a
 * run's match arrays as CSV text: the same rows, in the same order, as
 * collectEvidence + computeAutoCodings + the CSV formatters give, without an
 * object per match. Only for codebooks without regex patterns (those need
 * each segment's text and take the general path).
 */
export class DocumentRowFormatter {
  /** Per code: `,<coder>,<category>,<code>,` + LF, the tail of its coding row. */
  private readonly codingTail: string[];
  private readonly noneTail: string;
  /** Per pattern: `,<code>,<pattern>,`, the middle of its evidence row. */
  private readonly evidenceMiddle: string[];
  private readonly counts: Int32Array;
  private order = new Int32Array(64);

  constructor(
    private readonly m: Matcher,
    coder: string,
  ) {
    const c = formatCsvField(coder);
    this.codingTail = m.codes.map((code) => `,${c},${formatCsvField(code.category)},${formatCsvField(code.id)},\n`);
    this.noneTail = `,${c},,,\n`;
    this.evidenceMiddle = m.patterns.map((p) => `,${formatCsvField(p.code)},${formatCsvField(p.pattern)},`);
    this.counts = new Int32Array(m.codes.length);
  }

  /** Match indices sorted by start, end, codebook order, pattern: insertion sort, as runs come nearly sorted. */
  private sortedMatches(run: MatchRun): Int32Array {
    const n = run.count;
    if (this.order.length < n) this.order = new Int32Array(n * 2);
    const order = this.order;
    const { startCp, endCp, pattern } = run;
    const patterns = this.m.patterns;
    const before = (a: number, b: number): boolean =>
      startCp[a]! !== startCp[b]!
        ? startCp[a]! < startCp[b]!
        : endCp[a]! !== endCp[b]!
          ? endCp[a]! < endCp[b]!
          : patterns[pattern[a]!]!.codeOrder !== patterns[pattern[b]!]!.codeOrder
            ? patterns[pattern[a]!]!.codeOrder < patterns[pattern[b]!]!.codeOrder
            : pattern[a]! < pattern[b]!;
    for (let k = 0; k < n; k++) order[k] = k;
    if (n > 256) {
      order.subarray(0, n).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      return order;
    }
    for (let k = 1; k < n; k++) {
      const v = order[k]!;
      let j = k - 1;
      while (j >= 0 && before(v, order[j]!)) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
    return order;
  }

  /**
   * Appends the coding rows and evidence rows of one document. Matches that
   * no segment holds whole are dropped, as in collectEvidence.
   */
  format(
    run: MatchRun,
    docId: string,
    segments: readonly RowSegment[],
    slice: (startUnit: number, endUnit: number) => string,
    out: RowText,
  ): number {
    const m = this.m;
    const order = this.sortedMatches(run);
    const n = run.count;
    const counts = this.counts;
    const docQ = formatCsvField(docId);
    let codings = '';
    let evidence = '';
    let k = 0;
    let written = 0;
    for (const seg of segments) {
      const segQ = formatCsvField(seg.segment_id);
      const present: number[] = [];
      // Skip matches before this segment or straddling its start.
      while (k < n && run.startCp[order[k]!]! < seg.start) k++;
      for (; k < n && run.startCp[order[k]!]! < seg.end; k++) {
        const i = order[k]!;
        if (run.endCp[i]! > seg.end) continue;
        const p = run.pattern[i]!;
        const codeOrder = m.patterns[p]!.codeOrder;
        if (counts[codeOrder] === 0) present.push(codeOrder);
        counts[codeOrder]!++;
        written++;
        evidence += `${segQ}${this.evidenceMiddle[p]!}${formatCsvField(slice(run.startUnit[i]!, run.endUnit[i]!))},${run.startCp[i]!},${run.endCp[i]!}\n`;
      }
      if (present.length === 0) {
        codings += `${segQ},${docQ}${this.noneTail}`;
        continue;
      }
      present.sort((a, b) => a - b);
      for (const code of selectCodes(m, present, counts)) codings += `${segQ},${docQ}${this.codingTail[code]!}`;
      for (const code of present) counts[code] = 0;
    }
    out.codings += codings;
    out.evidence += evidence;
    return written;
  }
}
