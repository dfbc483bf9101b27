import { csvBytesNeedQuotes, formatCsvField } from '../format/format-csv-field.js';
import { computeTextSha } from '../util/hash.js';
import { ByteRows, type RowText } from './byte-rows.js';
import type { Matcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { selectCodes } from './compute-auto-codings.js';
import type { MatchRun } from './match-run.js';

/** A segment as the row formatter needs it: id, code point span in the document, and text (for its fingerprint). */
export interface RowSegment {
  segment_id: string;
  start: number;
  end: number;
  text: string;
}

export type { RowText } from './byte-rows.js';

const encoder = new TextEncoder();

/** Where a match's text is cut from, given its offsets in the scanner's units; appended as a CSV field. */
export interface MatchedTextSource {
  write(rows: ByteRows, startUnit: number, endUnit: number): void;
}

/** The document as a string (offsets in UTF-16 units). */
export class StringTextSource implements MatchedTextSource {
  text = '';
  write(rows: ByteRows, startUnit: number, endUnit: number): void {
    rows.text(formatCsvField(this.text.slice(startUnit, endUnit)));
  }
}

/**
 * The document's JSON string content in the corpus bytes (offsets in bytes).
 * A match without escapes or control bytes that the CSV rule would not quote
 * is its own CSV field, byte for byte (the byte scanner only takes valid UTF-8
 * text that NFC leaves alone), so it is copied; any other is decoded and
 * quoted as a string.
 */
export class JsonTextSource implements MatchedTextSource {
  buf: Uint8Array = new Uint8Array(0);
  write(rows: ByteRows, startUnit: number, endUnit: number): void {
    const buf = this.buf;
    for (let k = startUnit; k < endUnit; k++) {
      const b = buf[k]!;
      if (b === 0x5c || b < 0x20) {
        rows.text(formatCsvField(decodeJsonSlice(buf, startUnit, endUnit)));
        return;
      }
    }
    if (csvBytesNeedQuotes(buf, startUnit, endUnit)) rows.text(formatCsvField(decodeJsonSlice(buf, startUnit, endUnit)));
    else rows.copy(buf, startUnit, endUnit);
  }
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
  private readonly codingTail: Uint8Array[];
  private readonly noneTail: Uint8Array;
  /** Per pattern: `,<code>,<pattern>,`, the middle of its evidence row. */
  private readonly evidenceMiddle: Uint8Array[];
  private readonly counts: Int32Array;
  private order = new Int32Array(64);
  /** Codes present in the segment at hand, in codebook order once sorted. */
  private present: number[] = [];
  /** The document id and the segment id at hand as CSV fields, encoded once. */
  private readonly docQ = new ByteRows();
  private readonly segQ = new ByteRows();
  private readonly shaQ = new ByteRows();

  constructor(
    private readonly m: Matcher,
    coder: string,
  ) {
    const c = formatCsvField(coder);
    this.codingTail = m.codes.map((code) => encoder.encode(`,${c},${formatCsvField(code.category)},${formatCsvField(code.id)},\n`));
    this.noneTail = encoder.encode(`,${c},,,\n`);
    this.evidenceMiddle = m.patterns.map((p) => encoder.encode(`,${formatCsvField(p.code)},${formatCsvField(p.pattern)},`));
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
  format(run: MatchRun, docId: string, segments: readonly RowSegment[], source: MatchedTextSource, out: RowText): number {
    const m = this.m;
    const order = this.sortedMatches(run);
    const n = run.count;
    const counts = this.counts;
    const { codings, evidence } = out;
    const docQ = this.docQ;
    const segQ = this.segQ;
    docQ.clear();
    docQ.text(formatCsvField(docId));
    const present = this.present;
    let k = 0;
    let written = 0;
    for (const seg of segments) {
      segQ.clear();
      segQ.text(formatCsvField(seg.segment_id));
      // The segment's text fingerprint follows the document id in every coding row (hex: no quoting).
      this.shaQ.clear();
      this.shaQ.text(computeTextSha(seg.text));
      present.length = 0;
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
        evidence.copy(segQ.bytes, 0, segQ.length);
        evidence.piece(this.evidenceMiddle[p]!);
        source.write(evidence, run.startUnit[i]!, run.endUnit[i]!);
        evidence.byte(0x2c);
        evidence.int(run.startCp[i]!);
        evidence.byte(0x2c);
        evidence.int(run.endCp[i]!);
        evidence.byte(0x0a);
      }
      if (present.length === 0) {
        this.codingHead(codings);
        codings.piece(this.noneTail);
        continue;
      }
      // Insertion sort: a segment holds a handful of codes, and sort() with a comparator costs more than the rest of the row.
      for (let a = 1; a < present.length; a++) {
        const v = present[a]!;
        let b = a - 1;
        while (b >= 0 && present[b]! > v) {
          present[b + 1] = present[b]!;
          b--;
        }
        present[b + 1] = v;
      }
      for (const code of selectCodes(m, present, counts)) {
        this.codingHead(codings);
        codings.piece(this.codingTail[code]!);
      }
      for (const code of present) counts[code] = 0;
    }
    return written;
  }

  /** `<segment id>,<doc id>,<text sha>`, the head of a coding row. */
  private codingHead(codings: ByteRows): void {
    codings.copy(this.segQ.bytes, 0, this.segQ.length);
    codings.byte(0x2c);
    codings.copy(this.docQ.bytes, 0, this.docQ.length);
    codings.byte(0x2c);
    codings.copy(this.shaQ.bytes, 0, this.shaQ.length);
  }
}
