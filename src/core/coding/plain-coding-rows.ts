import type { SegmentTable } from '../segment/segment-table.js';
import { ByteInterner } from '../util/byte-interner.js';
import { TEXT_SHA_LENGTH } from '../util/hash.js';
import type { CodingColumn } from './parse-coding-file.js';
import { sameBytes } from '../util/same-bytes.js';

/** A CSV record as bytes (the byte reader's): field i is bytes[starts[i], ends[i]), starting rawStarts[i] bytes into its line. */
export interface PlainRecord {
  count: number;
  line: number;
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  rawStarts: Int32Array;
  /** True when every byte of the record is ASCII (its cells' columns need no counting of UTF-8 beyond UTF-16); false when unknown. */
  ascii?: boolean;
}

/** What a row is handed to: CodingTableBuilder.accept. */
export interface RowTaker {
  accept(n: number, k: number, line: number, codeLine: number, codeCol: number, memo: string): void;
}

const COLON = 0x3a;
const utf8 = new TextDecoder();

/** Whether bytes[from, to) is a cell trim() leaves alone: empty, or neither end whitespace nor outside ASCII (some Unicode spaces are). */
function untrimmed(bytes: Uint8Array, from: number, to: number): boolean {
  if (from === to) return true;
  const a = bytes[from]!;
  const z = bytes[to - 1]!;
  return a > 0x20 && a < 0x80 && z > 0x20 && z < 0x80;
}

/** Bytes of UTF-8 beyond the UTF-16 units they decode to, in bytes[from, to) (a cell's column counts UTF-16 units). */
export function utf8Extra(bytes: Uint8Array, from: number, to: number): number {
  let extra = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if ((b & 0xc0) === 0x80) extra++;
    else if (b >= 0xf0) extra--; // four bytes make two UTF-16 units
  }
  return extra;
}

/**
 * The common row of a coding file, taken straight from its bytes: a row
 * whose segment is in the table with the text it was coded on (or no
 * text_sha), of its document, of this coder, with a known code of the
 * category given (or none), no cell that trimming would change. Such a row
 * passes every per-row check of CodingTableBuilder.add, so it is handed to
 * `accept` as add would, with no string made but a memo's (a million rows
 * are a million fewer ids, fingerprints and codes decoded). Any other row is
 * declined (`take` is false) and goes the way of every row: parsed, then add.
 */
export class PlainCodingRows {
  private readonly codes = new ByteInterner(64);
  /** Number and category (as bytes) of each code, by its id in `codes`. */
  private readonly numbers: number[] = [];
  private readonly categories: Uint8Array[] = [];
  private readonly coderBytes: Uint8Array;
  private readonly segmentAt: number;
  private readonly docAt: number;
  private readonly shaAt: number;
  private readonly coderAt: number;
  private readonly categoryAt: number;
  private readonly codeAt: number;
  private readonly memoAt: number;
  /** The document of the last row taken, and its id's bytes. */
  private lastDoc = -1;
  private lastDocId = new Uint8Array(64);
  private lastDocLength = -1;

  constructor(
    private readonly table: SegmentTable,
    /** Each code's number and category, by id (CodingTableBuilder's). */
    codes: ReadonlyMap<string, { number: number; category: string }>,
    /** The coder the rows must name (an empty coder cell is this coder too). */
    coder: string,
    /** Where each column is in a record, and how many fields a record has (the header's). */
    columns: ReadonlyMap<CodingColumn, number>,
    private readonly fields: number,
    private readonly taker: RowTaker,
  ) {
    const encoder = new TextEncoder();
    for (const [id, ref] of codes) {
      const bytes = encoder.encode(id);
      const k = this.codes.intern(bytes, 0, bytes.length);
      this.numbers[k] = ref.number;
      this.categories[k] = encoder.encode(ref.category);
    }
    this.coderBytes = encoder.encode(coder);
    const at = (k: CodingColumn) => columns.get(k) ?? -1;
    this.segmentAt = at('segment_id');
    this.docAt = at('doc_id');
    this.shaAt = at('text_sha');
    this.coderAt = at('coder');
    this.categoryAt = at('category');
    this.codeAt = at('code');
    this.memoAt = at('memo');
  }

  /** Takes the record when it is a plain row (handed to the taker), else false and nothing is done. */
  take(r: PlainRecord): boolean {
    if (r.count !== this.fields || this.segmentAt < 0 || this.codeAt < 0) return false;
    const b = r.bytes;
    const starts = r.starts;
    const ends = r.ends;
    // The segment: its document (the last row's, mostly) and its index.
    const s0 = starts[this.segmentAt]!;
    const s1 = ends[this.segmentAt]!;
    if (s1 === s0 || !untrimmed(b, s0, s1)) return false;
    let colon = s1 - 1;
    while (colon >= s0 && b[colon] !== COLON) colon--;
    if (colon < s0) return false;
    const d = this.documentOf(b, s0, colon);
    if (d < 0) return false;
    const n = this.table.segmentNumberInDocument(d, b, colon, s1);
    if (n < 0) return false;
    if (this.docAt >= 0) {
      const from = starts[this.docAt]!;
      const to = ends[this.docAt]!;
      if (to > from && !(untrimmed(b, from, to) && sameBytes(b, from, to, b, s0, colon))) return false;
    }
    if (this.shaAt >= 0) {
      const from = starts[this.shaAt]!;
      const to = ends[this.shaAt]!;
      if (to > from && (to - from !== TEXT_SHA_LENGTH || !this.table.hasTextShaBytes(n, b, from))) return false;
    }
    if (this.coderAt >= 0) {
      const from = starts[this.coderAt]!;
      const to = ends[this.coderAt]!;
      if (to > from && !(untrimmed(b, from, to) && sameBytes(b, from, to, this.coderBytes, 0, this.coderBytes.length))) return false;
    }
    const c0 = starts[this.codeAt]!;
    const c1 = ends[this.codeAt]!;
    const g0 = this.categoryAt >= 0 ? starts[this.categoryAt]! : 0;
    const g1 = this.categoryAt >= 0 ? ends[this.categoryAt]! : 0;
    let k = 0;
    if (c1 > c0) {
      const code = untrimmed(b, c0, c1) ? this.codes.find(b, c0, c1) : -1;
      if (code < 0) return false;
      const category = this.categories[code]!;
      if (g1 > g0 && !(untrimmed(b, g0, g1) && sameBytes(b, g0, g1, category, 0, category.length))) return false;
      k = this.numbers[code]!;
    } else if (g1 > g0) return false;
    const memo = this.memoAt >= 0 && ends[this.memoAt]! > starts[this.memoAt]! ? utf8.decode(b.subarray(starts[this.memoAt]!, ends[this.memoAt]!)) : '';
    // The code cell's column as the in-memory parser counts it (UTF-16 units; quotes are ASCII, so only the cells before it differ).
    let extra = 0;
    if (!r.ascii) for (let j = 0; j < this.codeAt; j++) extra += utf8Extra(b, starts[j]!, ends[j]!);
    this.taker.accept(n, k, r.line, r.line, r.rawStarts[this.codeAt]! - extra + 1, memo);
    return true;
  }

  /** The number of the document whose id is bytes[from, to), or -1; the last one found is remembered. */
  private documentOf(b: Uint8Array, from: number, to: number): number {
    if (this.lastDoc >= 0 && sameBytes(b, from, to, this.lastDocId, 0, this.lastDocLength)) return this.lastDoc;
    const d = this.table.documentNumber(utf8.decode(b.subarray(from, to)));
    if (d < 0) return -1;
    if (to - from > this.lastDocId.length) this.lastDocId = new Uint8Array(2 * (to - from));
    this.lastDocId.set(b.subarray(from, to));
    this.lastDocLength = to - from;
    this.lastDoc = d;
    return d;
  }
}
