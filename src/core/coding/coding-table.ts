import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { SHOWN_PER_KIND } from '../diagnostics/diagnostic-bounds.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { ChunkedUint16, ChunkedUint32 } from '../util/chunked-uint32.js';
import { AnchorTally, anchorCoding, rebaseHint, type AnchorLookup } from './anchor-codings.js';
import type { CodingColumn, CodingRowFields } from './parse-coding-file.js';
import { PlainCodingRows } from './plain-coding-rows.js';
import { codingProblem, near } from './validate-codings.js';

/**
 * One coder's codings without an object or string per row: row r is segment
 * `segment(r)` (a SegmentTable number) and code `code(r)` (1-based in
 * codebook order, listCodes; 0 for a "reviewed, none" row). Rows are in the
 * canonical order of sortCodings: corpus order of segments, then the none
 * row, then codebook order of codes. Memos are kept only where not empty.
 * 6 bytes a row.
 */
export class CodingTable {
  /** @internal built by CodingTableBuilder */
  constructor(
    readonly coder: string,
    readonly segments: SegmentTable,
    /** Code ids in codebook order: code number k is codeIds[k - 1]. */
    readonly codeIds: readonly string[],
    /** Category id of each code number (index 0: ''). */
    private readonly categoryOf: readonly string[],
    private readonly rowSegment: ChunkedUint32,
    private readonly rowCode: ChunkedUint16,
    private readonly memos: ReadonlyMap<number, string>,
    /** Distinct segments with a row: the segments the coder reviewed. */
    readonly reviewed: number,
  ) {}

  /** Rows. */
  get length(): number {
    return this.rowSegment.length;
  }

  /** Segment number (in `segments`) of row r. */
  segment(r: number): number {
    return this.rowSegment.get(r);
  }

  /** Code number of row r: 0 for "reviewed, none". */
  code(r: number): number {
    return this.rowCode.get(r);
  }

  /** Code id of row r ('' for "reviewed, none"). */
  codeId(r: number): string {
    const k = this.rowCode.get(r);
    return k === 0 ? '' : this.codeIds[k - 1]!;
  }

  /** Category id of row r ('' for "reviewed, none"). */
  categoryId(r: number): string {
    return this.categoryOf[this.rowCode.get(r)]!;
  }

  memo(r: number): string {
    return this.memos.get(r) ?? '';
  }

  /** Row r as a Coding object, for code not yet ported to the table (one object: do not call it per row of a large file). */
  coding(r: number): Coding {
    const n = this.rowSegment.get(r);
    return { segment_id: this.segments.segmentId(n), doc_id: this.segments.docId(n), coder: this.coder, category: this.categoryId(r), code: this.codeId(r), memo: this.memo(r) };
  }

  /**
   * Calls back once per reviewed segment, in corpus order, with its segment
   * number and its code numbers (none for a "reviewed, none" row). The array
   * is reused: copy what you keep.
   */
  forEachSegment(visit: (segment: number, codes: readonly number[]) => void): void {
    const codes: number[] = [];
    const rows = this.rowSegment.length;
    for (let r = 0; r < rows; ) {
      const n = this.rowSegment.get(r);
      codes.length = 0;
      for (; r < rows && this.rowSegment.get(r) === n; r++) {
        const k = this.rowCode.get(r);
        if (k !== 0) codes.push(k);
      }
      visit(n, codes);
    }
  }

  /** What a worker thread needs to walk the rows over `segments` shared (SegmentTable.shared): the columns' views on shared memory (moved there now), not copies; no memos. */
  shared(): SharedCodingTable {
    return { coder: this.coder, codeIds: this.codeIds, categoryOf: this.categoryOf, segment: this.rowSegment.sharedViews(), code: this.rowCode.sharedViews(), length: this.length, reviewed: this.reviewed };
  }

  /** The table another thread shared(), over the segments it shared. */
  static fromShared(t: SharedCodingTable, segments: SegmentTable): CodingTable {
    return new CodingTable(t.coder, segments, t.codeIds, t.categoryOf, ChunkedUint32.of(t.segment, t.length), ChunkedUint16.of(t.code, t.length), new Map(), t.reviewed);
  }

  /** The rows of the segment at row r: [r, end) share segment(r). */
  segmentEnd(r: number): number {
    const n = this.rowSegment.get(r);
    let e = r + 1;
    while (e < this.rowSegment.length && this.rowSegment.get(e) === n) e++;
    return e;
  }
}

/** A CodingTable as sent to a worker thread (CodingTable.shared). */
export interface SharedCodingTable {
  coder: string;
  codeIds: readonly string[];
  categoryOf: readonly string[];
  segment: Uint32Array[];
  code: Uint16Array[];
  length: number;
  reviewed: number;
}

/** The AnchorLookup of a SegmentTable: fingerprints compared as numbers, a document's fingerprints indexed for the last document asked. */
export function tableAnchors(table: SegmentTable): AnchorLookup {
  let lastDoc = -1;
  let bySha = new Map<string, string[]>();
  return {
    isAt(id, sha) {
      const n = table.segmentNumber(id);
      return n >= 0 && table.hasTextSha(n, sha);
    },
    idsWithSha(docId, sha) {
      const d = table.documentNumber(docId);
      if (d < 0) return [];
      if (d !== lastDoc) {
        lastDoc = d;
        bySha = new Map();
        const { from, to } = table.segmentsOf(d);
        for (let n = from; n < to; n++) {
          const k = table.textSha(n);
          const list = bySha.get(k);
          if (list) list.push(table.segmentId(n));
          else bySha.set(k, [table.segmentId(n)]);
        }
      }
      return bySha.get(sha) ?? [];
    },
  };
}

/** One segment's rows in file order: what the checks over a whole file (duplicates, none and codes, exclusive categories) look at. Arrays reused from segment to segment. */
class SegmentRows {
  length = 0;
  readonly code: number[] = [];
  readonly line: number[] = [];
  /** Where the code cell is (a multi-line record puts it on a later line than the row's). */
  readonly codeLine: number[] = [];
  readonly codeCol: number[] = [];
  readonly memo: string[] = [];
  /** The row's place among the accepted rows of the file. */
  readonly order: number[] = [];

  push(code: number, line: number, codeLine: number, codeCol: number, memo: string, order: number): void {
    const j = this.length++;
    this.code[j] = code;
    this.line[j] = line;
    this.codeLine[j] = codeLine;
    this.codeCol[j] = codeCol;
    this.memo[j] = memo;
    this.order[j] = order;
  }
}

/**
 * Checks one coder's rows as they stream in, against the codebook and a
 * SegmentTable, with every check of validateCodings (the same wording,
 * codingProblem): text anchoring (QC420/QC421, moved and orphaned counted),
 * unknown segment (QC401, did-you-mean), wrong document (QC407), wrong coder
 * (QC409), unknown code or category (QC402/QC403), then per segment:
 * duplicates (QC405), "no code applies" and codes (QC408), exclusive
 * categories (QC404). Rows with a problem are left out, as there.
 *
 * A file whose rows come a segment at a time in corpus order (as qcode
 * writes them) is settled a segment at a time as it streams: memory is the
 * finished table's 6 bytes a row. When a row goes back to an earlier
 * segment, `outOfOrder` is set and the builder takes no more rows: the
 * reader then reads the file again with `grouped: false`, which keeps 16
 * bytes a row and sorts the rows by segment at the end.
 */
export class CodingTableBuilder {
  private readonly anchors: AnchorLookup;
  private readonly tally = new AnchorTally();
  private readonly codes = new Map<string, { number: number; category: string }>();
  private readonly codeIds: string[] = [];
  private readonly categoryOf: string[] = [''];
  private readonly exclusive: boolean[] = [false];
  private readonly rowProblems: Diagnostic[] = [];
  private unknownSegments = 0;
  private file: string | undefined;
  private accepted = 0;
  /** Grouped: the segment whose rows are in `rows`. */
  private current = -1;
  private readonly rows = new SegmentRows();
  /** Not grouped: per accepted row, its segment, code, line, and the code cell's column. */
  private readonly seg = new ChunkedUint32();
  private readonly code = new ChunkedUint32();
  private readonly line = new ChunkedUint32();
  private readonly codeCol = new ChunkedUint32();
  /** Rows whose code cell is on another line than the row starts (a multi-line record). */
  private readonly codeLine = new Map<number, number>();
  private readonly memos = new Map<number, string>();
  /** The table as segments are settled. */
  private readonly outSegment: ChunkedUint32;
  private readonly outCode: ChunkedUint16;
  private readonly outMemos = new Map<number, string>();
  private reviewed = 0;
  private readonly twice: Diagnostic[] = [];
  private readonly groups: { first: number; problems: Diagnostic[] }[] = [];
  private readonly grouped: boolean;
  /** Grouped only: a row came for a segment before the current one; read the file again with `grouped: false`. */
  outOfOrder = false;

  constructor(
    codebook: Codebook,
    private readonly table: SegmentTable,
    private readonly coder: string,
    private readonly fix: string = rebaseHint(coder),
    /** `shared`: the table goes to worker threads (CodingTable.shared), so its columns lie in shared memory from the start. */
    options: { grouped?: boolean; shared?: boolean } = {},
  ) {
    this.grouped = options.grouped ?? true;
    this.outSegment = new ChunkedUint32(options.shared);
    this.outCode = new ChunkedUint16(options.shared);
    this.anchors = tableAnchors(table);
    for (const r of listCodes(codebook)) {
      this.codes.set(r.code.id, { number: r.order + 1, category: r.category.id });
      this.codeIds.push(r.code.id);
      this.categoryOf.push(r.category.id);
      this.exclusive.push(r.category.exclusive === true);
    }
  }

  /** Checks a row; keeps it when it passes. */
  add(row: CodingRowFields): void {
    if (this.outOfOrder) return;
    this.file ??= row.at('row').file;
    const anchor = anchorCoding(row, this.anchors);
    if (!this.tally.add({ segment_id: row.segment_id, at: () => row.at('segment_id') }, anchor)) return;
    const problems = this.rowProblems;
    const before = problems.length;
    const table = this.table;
    const n = table.segmentNumber(row.segment_id);
    if (n < 0) {
      // As validateCodings: suggest among the same document's segments, else all (only for the diagnostics that will be shown).
      let hint: string | undefined;
      if (this.unknownSegments++ < SHOWN_PER_KIND) {
        const d = table.documentNumber(row.segment_id.split(':')[0] ?? '');
        const own = d < 0 ? { from: 0, to: 0 } : table.segmentsOf(d);
        hint = near(row.segment_id, own.to > own.from ? table.segmentIds(own.from, own.to) : table.segmentIds());
      }
      problems.push(codingProblem.unknownSegment(row.segment_id, row.at('segment_id'), hint));
    } else if (row.doc_id && row.doc_id !== table.docId(n)) {
      problems.push(codingProblem.wrongDocument(row.segment_id, table.docId(n), row.doc_id, row.at('doc_id')));
    }
    if (row.coder !== this.coder) problems.push(codingProblem.wrongCoder(row.coder, this.coder, row.at('coder')));
    let k = 0;
    if (row.code) {
      const ref = this.codes.get(row.code);
      if (!ref) problems.push(codingProblem.unknownCode(row.code, row.at('code'), near(row.code, this.codes.keys())));
      else if (row.category && row.category !== ref.category) problems.push(codingProblem.wrongCategory(row.code, ref.category, row.category, row.at('category')));
      else k = ref.number;
    } else if (row.category) problems.push(codingProblem.categoryWithoutCode(row.category, row.at('code')));
    if (problems.length > before) return;
    const codeAt = row.at('code');
    this.accept(n, k, row.line, codeAt.line ?? row.line, codeAt.col ?? 1, row.memo);
  }

  /**
   * Keeps a row that passed every check of add: segment n, code number k,
   * the line it starts on and where its code cell is, its memo. How a reader
   * that has made those checks itself (PlainCodingRows) hands a row over.
   */
  accept(n: number, k: number, line: number, codeLine: number, codeCol: number, memo: string): void {
    const i = this.accepted++;
    if (this.grouped) {
      if (n !== this.current) {
        if (n < this.current) {
          this.outOfOrder = true;
          return;
        }
        this.settleRows(this.current);
        this.current = n;
      }
      this.rows.push(k, line, codeLine, codeCol, memo, i);
      return;
    }
    this.seg.push(n);
    this.code.push(k);
    this.line.push(line);
    this.codeCol.push(codeCol);
    if (codeLine !== line) this.codeLine.set(i, codeLine);
    if (memo !== '') this.memos.set(i, memo);
  }

  /** The rows of `file` that can be taken from their bytes (PlainCodingRows), laid out as `columns` says, handed to this builder. */
  plainRows(file: string, columns: ReadonlyMap<CodingColumn, number>, fields: number): PlainCodingRows {
    this.file ??= file;
    return new PlainCodingRows(this.table, this.codes, this.coder, columns, fields, this);
  }

  /** The table, and every problem in the order validateCodings gives them. */
  finish(): { codings: CodingTable; diagnostics: Diagnostic[] } {
    if (this.outOfOrder) throw new Error('CodingTableBuilder: rows out of segment order; read the file again with grouped: false');
    const table = this.table;
    if (this.grouped) this.settleRows(this.current);
    else {
      // Rows by segment (a counting sort, stable: file order within a segment).
      const rows = this.seg.length;
      const start = new Uint32Array(table.length + 1);
      for (let i = 0; i < rows; i++) start[this.seg.get(i) + 1]!++;
      for (let n = 0; n < table.length; n++) start[n + 1]! += start[n]!;
      const bySegment = new Uint32Array(rows);
      const fill = start.slice(0, table.length);
      for (let i = 0; i < rows; i++) bySegment[fill[this.seg.get(i)]!++] = i;
      for (let n = 0; n < table.length; n++) {
        for (let j = start[n]!; j < start[n + 1]!; j++) {
          const i = bySegment[j]!;
          const line = this.line.get(i);
          this.rows.push(this.code.get(i), line, this.codeLine.get(i) ?? line, this.codeCol.get(i), this.memos.get(i) ?? '', i);
        }
        this.settleRows(n);
      }
    }
    // QC404 lists a category's codes in file order; validateCodings orders its segments by their first row.
    this.groups.sort((a, b) => a.first - b.first);
    const diagnostics = [
      ...mergeByLine(this.rowProblems, this.twice),
      ...this.groups.flatMap((g) => g.problems),
      ...this.tally.diagnostics(this.file ?? 'the codings', this.fix),
    ];
    return { codings: new CodingTable(this.coder, table, this.codeIds, this.categoryOf, this.outSegment, this.outCode, this.outMemos, this.reviewed), diagnostics };
  }

  /** Settles segment n's rows (in `rows`, file order): the checks over its rows, then the kept ones appended in the canonical order (none first, then codebook order). */
  private settleRows(n: number): void {
    const g = this.rows;
    if (g.length === 0) return;
    this.reviewed++;
    if (g.length === 1) {
      // Most segments have one row: nothing to check between rows.
      if (g.memo[0] !== '') this.outMemos.set(this.outSegment.length, g.memo[0]!);
      this.outSegment.push(n);
      this.outCode.push(g.code[0]!);
      g.length = 0;
      return;
    }
    if (!this.settleClean(n)) this.settleSeveral(n);
  }

  /** Row numbers of a segment in the canonical order (settleClean's scratch). */
  private readonly order: number[] = [];

  /**
   * settleRows of several rows no check between rows can fault (distinct
   * codes, no "none", no two codes of an exclusive category: a multi-coded
   * segment as qcode writes it): appended in code order, nothing made but
   * the table's entries. False, and nothing done, for any other.
   */
  private settleClean(n: number): boolean {
    const g = this.rows;
    const order = this.order;
    order.length = 0;
    for (let j = 0; j < g.length; j++) {
      const k = g.code[j]!;
      if (k === 0) return false;
      let at = order.length;
      for (let i = 0; i < order.length; i++) {
        const o = g.code[order[i]!]!;
        if (o === k || (this.exclusive[k] && this.categoryOf[o] === this.categoryOf[k])) return false;
        if (o > k && at === order.length) at = i;
      }
      order.splice(at, 0, j);
    }
    for (const j of order) {
      if (g.memo[j] !== '') this.outMemos.set(this.outSegment.length, g.memo[j]!);
      this.outSegment.push(n);
      this.outCode.push(g.code[j]!);
    }
    g.length = 0;
    return true;
  }

  /** settleRows of a segment with several rows, apart so that the one-row case stays small enough for V8 to inline. */
  private settleSeveral(n: number): void {
    const g = this.rows;
    const file = this.file ?? 'the codings';
    // Line 0: rows made by qcode (rebase's placed codings) stand for the whole file.
    const rowAt = (j: number): SourceLocation => (g.line[j] ? { file, line: g.line[j]!, col: 1 } : { file });
    const codeAt = (j: number): SourceLocation => (g.codeLine[j] ? { file, line: g.codeLine[j]!, col: g.codeCol[j]! } : { file });
    const keep = new Array<boolean>(g.length).fill(true);
    // Duplicates first: the later rows of a code already seen (QC405, reported with the rows).
    const codes: number[] = [];
    const coded: number[] = [];
    let none = -1;
    for (let j = 0; j < g.length; j++) {
      const k = g.code[j]!;
      if (codes.includes(k)) {
        this.twice.push(codingProblem.twice(this.table.segmentId(n), this.codeIds[k - 1] ?? '', this.coder, rowAt(j)));
        keep[j] = false;
        continue;
      }
      codes.push(k);
      if (k === 0) none = j;
      else coded.push(j);
    }
    if (coded.length >= 2 || (none >= 0 && coded.length > 0)) {
      const id = this.table.segmentId(n);
      const problems: Diagnostic[] = [];
      if (none >= 0 && coded.length > 0) {
        problems.push(codingProblem.noneAndCodes(id, rowAt(none)));
        keep[none] = false;
      }
      // An exclusive category's codes in file order, categories in the order they first appear (as validateCodings groups them).
      const byCategory = new Map<string, number[]>();
      for (const j of coded) {
        const k = g.code[j]!;
        if (!this.exclusive[k]) continue;
        const list = byCategory.get(this.categoryOf[k]!);
        if (list) list.push(j);
        else byCategory.set(this.categoryOf[k]!, [j]);
      }
      for (const [category, list] of byCategory) {
        const first = this.codeIds[g.code[list[0]!]! - 1]!;
        for (const j of list.slice(1)) {
          problems.push(codingProblem.exclusive(id, first, this.codeIds[g.code[j]! - 1]!, category, codeAt(j)));
          keep[j] = false;
        }
      }
      if (problems.length > 0) this.groups.push({ first: g.order[0]!, problems });
    }
    // The canonical order: code number (none first); a stable sort, so equal codes (none left) keep file order.
    const kept: number[] = [];
    for (let j = 0; j < g.length; j++) if (keep[j]) kept.push(j);
    kept.sort((a, b) => g.code[a]! - g.code[b]!);
    for (const j of kept) {
      if (g.memo[j] !== '') this.outMemos.set(this.outSegment.length, g.memo[j]!);
      this.outSegment.push(n);
      this.outCode.push(g.code[j]!);
    }
    g.length = 0;
  }
}

/** Two lists each in line order, merged (the first list's first on a tie): the rows' problems as one pass would find them. */
function mergeByLine(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  if (b.length === 0) return [...a];
  const line = (d: Diagnostic) => d.location?.line ?? 0;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && line(a[i]!) <= line(b[j]!))) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
