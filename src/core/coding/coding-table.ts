import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { SHOWN_PER_KIND } from '../diagnostics/diagnostic-bounds.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { ChunkedUint32 } from '../util/chunked-uint32.js';
import { AnchorTally, anchorCoding, rebaseHint, type AnchorLookup } from './anchor-codings.js';
import type { CodingRowFields } from './parse-coding-file.js';
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
    private readonly rowSegment: Uint32Array,
    private readonly rowCode: Uint16Array,
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
    return this.rowSegment[r]!;
  }

  /** Code number of row r: 0 for "reviewed, none". */
  code(r: number): number {
    return this.rowCode[r]!;
  }

  /** Code id of row r ('' for "reviewed, none"). */
  codeId(r: number): string {
    const k = this.rowCode[r]!;
    return k === 0 ? '' : this.codeIds[k - 1]!;
  }

  /** Category id of row r ('' for "reviewed, none"). */
  categoryId(r: number): string {
    return this.categoryOf[this.rowCode[r]!]!;
  }

  memo(r: number): string {
    return this.memos.get(r) ?? '';
  }

  /** Row r as a Coding object, for code not yet ported to the table (one object: do not call it per row of a large file). */
  coding(r: number): Coding {
    const n = this.rowSegment[r]!;
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
      const n = this.rowSegment[r]!;
      codes.length = 0;
      for (; r < rows && this.rowSegment[r] === n; r++) if (this.rowCode[r] !== 0) codes.push(this.rowCode[r]!);
      visit(n, codes);
    }
  }

  /** The rows of the segment at row r: [r, end) share segment(r). */
  segmentEnd(r: number): number {
    const n = this.rowSegment[r]!;
    let e = r + 1;
    while (e < this.rowSegment.length && this.rowSegment[e] === n) e++;
    return e;
  }
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

/**
 * Checks one coder's rows as they stream in, against the codebook and a
 * SegmentTable, with every check of validateCodings (the same wording,
 * codingProblem): text anchoring (QC420/QC421, moved and orphaned counted),
 * unknown segment (QC401, did-you-mean), wrong document (QC407), wrong coder
 * (QC409), unknown code or category (QC402/QC403), then over the whole file:
 * duplicates (QC405), "no code applies" and codes (QC408), exclusive
 * categories (QC404). Rows with a problem are left out, as there.
 * Memory: 16 bytes a row while reading, 6 in the finished table.
 */
export class CodingTableBuilder {
  private readonly anchors: AnchorLookup;
  private readonly tally = new AnchorTally();
  private readonly codes = new Map<string, { number: number; category: string }>();
  private readonly codeIds: string[] = [];
  private readonly categoryOf: string[] = [''];
  private readonly exclusive: boolean[] = [false];
  /** Per accepted row: segment, code, line, and the code cell's column. */
  private readonly seg = new ChunkedUint32();
  private readonly code = new ChunkedUint32();
  private readonly line = new ChunkedUint32();
  private readonly codeCol = new ChunkedUint32();
  /** Rows whose code cell is on another line than the row starts (a multi-line record). */
  private readonly codeLine = new Map<number, number>();
  private readonly memos = new Map<number, string>();
  private readonly rowProblems: Diagnostic[] = [];
  private unknownSegments = 0;
  private file: string | undefined;

  constructor(
    codebook: Codebook,
    private readonly table: SegmentTable,
    private readonly coder: string,
    private readonly fix: string = rebaseHint(coder),
  ) {
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
    const i = this.seg.length;
    this.seg.push(n);
    this.code.push(k);
    this.line.push(row.line);
    const codeAt = row.at('code');
    this.codeCol.push(codeAt.col ?? 1);
    if (codeAt.line !== row.line) this.codeLine.set(i, codeAt.line ?? row.line);
    if (row.memo !== '') this.memos.set(i, row.memo);
  }

  /** The table, and every problem in the order validateCodings gives them. */
  finish(): { codings: CodingTable; diagnostics: Diagnostic[] } {
    const table = this.table;
    const rows = this.seg.length;
    const file = this.file ?? 'the codings';
    // Rows by segment (a counting sort, stable: file order within a segment).
    const start = new Uint32Array(table.length + 1);
    for (let i = 0; i < rows; i++) start[this.seg.get(i) + 1]!++;
    for (let n = 0; n < table.length; n++) start[n + 1]! += start[n]!;
    const bySegment = new Uint32Array(rows);
    const fill = start.slice(0, table.length);
    for (let i = 0; i < rows; i++) bySegment[fill[this.seg.get(i)]!++] = i;
    const keep = new Uint8Array(rows).fill(1);
    const twice: Diagnostic[] = [];
    const groups: { first: number; problems: Diagnostic[] }[] = [];
    const rowAt = (i: number): SourceLocation => ({ file, line: this.line.get(i), col: 1 });
    const codeAt = (i: number): SourceLocation => ({ file, line: this.codeLine.get(i) ?? this.line.get(i), col: this.codeCol.get(i) });
    const codes: number[] = [];
    const coded: number[] = [];
    for (let n = 0; n < table.length; n++) {
      const from = start[n]!;
      const to = start[n + 1]!;
      if (from === to) continue;
      // Duplicates first: the later rows of a code already seen (QC405, reported with the rows).
      codes.length = 0;
      coded.length = 0;
      let none = -1;
      for (let j = from; j < to; j++) {
        const i = bySegment[j]!;
        const k = this.code.get(i);
        if (codes.includes(k)) {
          twice.push(codingProblem.twice(table.segmentId(n), this.codeIds[k - 1] ?? '', this.coder, rowAt(i)));
          keep[i] = 0;
          continue;
        }
        codes.push(k);
        if (k === 0) none = i;
        else coded.push(i);
      }
      if (coded.length < 2 && !(none >= 0 && coded.length > 0)) continue;
      const id = table.segmentId(n);
      const problems: Diagnostic[] = [];
      if (none >= 0 && coded.length > 0) {
        problems.push(codingProblem.noneAndCodes(id, rowAt(none)));
        keep[none] = 0;
      }
      // An exclusive category's codes in file order, categories in the order they first appear (as validateCodings groups them).
      const byCategory = new Map<string, number[]>();
      for (const i of coded) {
        const k = this.code.get(i);
        if (!this.exclusive[k]) continue;
        const list = byCategory.get(this.categoryOf[k]!);
        if (list) list.push(i);
        else byCategory.set(this.categoryOf[k]!, [i]);
      }
      for (const [category, list] of byCategory) {
        const first = this.codeIds[this.code.get(list[0]!) - 1]!;
        for (const i of list.slice(1)) {
          problems.push(codingProblem.exclusive(id, first, this.codeIds[this.code.get(i) - 1]!, category, codeAt(i)));
          keep[i] = 0;
        }
      }
      if (problems.length > 0) groups.push({ first: bySegment[from]!, problems });
    }
    // QC404 lists a category's codes in file order; validateCodings orders its segments by their first row.
    groups.sort((a, b) => a.first - b.first);
    // The canonical order: segment, then code number (none first).
    const kept = keep.reduce((a, b) => a + b, 0);
    const outSegment = new Uint32Array(kept);
    const outCode = new Uint16Array(kept);
    const memos = new Map<number, string>();
    let r = 0;
    for (let n = 0; n < table.length; n++) {
      const from = r;
      for (let j = start[n]!; j < start[n + 1]!; j++) {
        const i = bySegment[j]!;
        if (!keep[i]) continue;
        // Insertion by code number: a segment has a few rows.
        const k = this.code.get(i);
        let at = r++;
        while (at > from && outCode[at - 1]! > k) {
          outCode[at] = outCode[at - 1]!;
          const moved = memos.get(at - 1);
          if (moved !== undefined) {
            memos.set(at, moved);
            memos.delete(at - 1);
          }
          at--;
        }
        outCode[at] = k;
        const memo = this.memos.get(i);
        if (memo !== undefined) memos.set(at, memo);
      }
      outSegment.fill(n, from, r);
    }
    const keptSegments = countDistinct(outSegment);
    const diagnostics = [
      ...mergeByLine(this.rowProblems, twice),
      ...groups.flatMap((g) => g.problems),
      ...this.tally.diagnostics(file, this.fix),
    ];
    return { codings: new CodingTable(this.coder, table, this.codeIds, this.categoryOf, outSegment, outCode, memos, keptSegments), diagnostics };
  }
}

function countDistinct(sorted: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
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
