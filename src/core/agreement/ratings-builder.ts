import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { QcodeError, diag, throwErrors, warn } from '../diagnostics/qcode-error.js';
import { DiagnosticCollector } from '../diagnostics/diagnostic-bounds.js';
import { ByteInterner } from '../util/byte-interner.js';
import { categoryValues, MISSING, type Level, type RatingsTable } from './ratings-table.js';

export interface ParsedRatings {
  table: RatingsTable;
  /** The id of the unit in row u (decoded on demand: a million ids are not kept as strings). */
  unitId: (u: number) => string;
  /** Warnings (errors are thrown as a QcodeError carrying all of them). */
  diagnostics: Diagnostic[];
}

export interface ParseRatingsOptions {
  /** Path as shown in messages. */
  file: string;
  /** About how many units to expect (a reader can guess from the file size): saves regrowing. */
  expectedUnits?: number;
  level: Level;
  /** Declared categories in order; default: the values seen, numeric order when all are numbers. */
  categories?: readonly string[];
}

/**
 * One CSV record as bytes: field i is bytes[starts[i], ends[i]) (UTF-8,
 * unquoted), the record starting on 1-based `line`. Readers reuse it; the
 * builder copies what it keeps. Diagnostics name the CSV column (field
 * number), as a spreadsheet shows it.
 */
export interface RatingsRecord {
  count: number;
  line: number;
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** An Int32Array that grows by doubling. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Builds a RatingsTable from the records of a ratings CSV, one record at a
 * time, straight into typed arrays (no object per row), as ReCal and R's irr
 * read such files:
 *   wide — `unit,<coder>,<coder>…`, one row per unit, an empty cell missing;
 *   long — `unit,coder,value`, one row per rating (an empty value missing).
 * Values are interned: each distinct value string is kept once and cells hold
 * its index. Every problem is collected (file:line:col) and thrown together
 * by `finish`. The reader that feeds it (a string parser in core, a streaming
 * byte reader in io) decides nothing about the layout.
 */
export class RatingsBuilder {
  /** Bounded: a file with a problem on every row keeps 50 of each kind and stops the reading after 1,000 (QC009). */
  private readonly problems = new DiagnosticCollector();
  private long = false;
  private started = false;
  private coders: string[] = [];
  private readonly coderIndex = new Map<string, number>();
  private readonly units: ByteInterner;
  private readonly unitLine: IntList;
  /** Interned values; with --categories, each value's declared index (−2: not declared). */
  private readonly values = new ByteInterner();
  private readonly declaredIndex = new IntList();
  private readonly declared: Map<string, number> | null;
  /** The field being read, trimmed of ASCII blanks. */
  private from = 0;
  private to = 0;
  /** Wide: cells row-major. Long: triples unit, coder, value and the line of each. */
  private readonly cells: IntList;
  private readonly lines = new IntList();
  /** Interned ids of one-byte values by byte (most ratings are one character). */
  private readonly single = new Int32Array(256).fill(-1);

  constructor(private readonly options: ParseRatingsOptions) {
    this.declared = options.categories ? new Map(options.categories.map((c, i) => [c, i])) : null;
    const expected = Math.min(options.expectedUnits ?? 1024, 1 << 21);
    this.units = new ByteInterner(expected);
    this.unitLine = new IntList(expected);
    this.cells = new IntList(expected * 2);
  }

  private at(line: number, col?: number) {
    return { at: { file: this.options.file, line, ...(col ? { col } : {}) } };
  }

  /** Sets from/to to field i without surrounding spaces and tabs; true when it is empty. */
  private field(r: RatingsRecord, i: number): boolean {
    let a = r.starts[i]!;
    let b = r.ends[i]!;
    while (a < b && (r.bytes[a] === 0x20 || r.bytes[a] === 0x09)) a++;
    while (b > a && (r.bytes[b - 1] === 0x20 || r.bytes[b - 1] === 0x09)) b--;
    this.from = a;
    this.to = b;
    return a === b;
  }

  private text(r: RatingsRecord, i: number): string {
    this.field(r, i);
    return new TextDecoder().decode(r.bytes.subarray(this.from, this.to));
  }

  /** Field i's value: the declared category's index, or the interned value's (QC602 for an undeclared one). */
  private value(r: RatingsRecord, i: number, col: number): number {
    if (this.field(r, i)) return MISSING;
    const one = this.to - this.from === 1 ? r.bytes[this.from]! : -1;
    let id = one >= 0 ? this.single[one]! : -1;
    if (id < 0) {
      id = this.values.intern(r.bytes, this.from, this.to);
      if (one >= 0) this.single[one] = id;
    } else {
      this.values.added = false;
    }
    if (!this.declared) return id;
    if (this.values.added) this.declaredIndex.push(this.declared.get(this.values.text(id)) ?? -2);
    const d = this.declaredIndex.data[id]!;
    if (d === -2) {
      this.problems.push(diag('QC602', `'${this.values.text(id)}' is not among --categories`, this.at(r.line, col)));
      return MISSING;
    }
    return d;
  }

  /** Takes one record; false when the reader should stop, the file clearly being no ratings table. */
  add(r: RatingsRecord): boolean {
    this.addRecord(r);
    if (!this.problems.full) return true;
    this.problems.push(
      diag('QC009', `stopped reading after ${this.problems.errors} errors: this does not look like a ratings table`, {
        ...this.at(r.line),
        hint: 'A ratings table is unit,<coder>,<coder>,… (one row per unit) or unit,coder,value (one row per rating), comma-separated.',
      }),
    );
    return false;
  }

  private addRecord(r: RatingsRecord): void {
    if (!this.started) {
      this.started = true;
      this.header(r);
      return;
    }
    if (this.long) {
      if (r.count !== 3) {
        this.problems.push(diag('QC601', `expected 3 fields (unit,coder,value), found ${r.count}`, this.at(r.line)));
        return;
      }
      const coder = this.text(r, 1);
      if (this.field(r, 0) || coder === '') {
        this.problems.push(diag('QC601', 'unit and coder must not be empty', this.at(r.line, 1)));
        return;
      }
      const u = this.units.intern(r.bytes, this.from, this.to);
      let c = this.coderIndex.get(coder);
      if (c === undefined) {
        c = this.coders.length;
        this.coders.push(coder);
        this.coderIndex.set(coder, c);
      }
      this.cells.push(u);
      this.cells.push(c);
      this.cells.push(this.value(r, 2, 3));
      this.lines.push(r.line);
      return;
    }
    const width = this.coders.length + 1;
    if (r.count !== width) {
      this.problems.push(diag('QC601', `expected ${width} fields as in the header, found ${r.count}`, this.at(r.line)));
      return;
    }
    if (this.field(r, 0)) {
      this.problems.push(diag('QC601', 'the unit must not be empty', this.at(r.line, 1)));
      return;
    }
    const u = this.units.intern(r.bytes, this.from, this.to);
    if (!this.units.added) {
      const first = this.unitLine.data[u];
      this.problems.push(diag('QC603', `unit '${this.units.text(u)}' appears twice (first on line ${first})`, this.at(r.line)));
      return;
    }
    this.unitLine.push(r.line);
    for (let i = 1; i < width; i++) this.cells.push(this.value(r, i, i + 1));
  }

  private header(r: RatingsRecord): void {
    const header = Array.from({ length: r.count }, (_, i) => this.text(r, i));
    const lower = header.map((h) => h.toLowerCase());
    if (lower[0] !== 'unit' || header.length < 2) {
      throw new QcodeError([diag('QC601', `the first column must be 'unit', found '${header[0] ?? ''}'`, this.at(r.line, 1))]);
    }
    this.long = header.length === 3 && lower[1] === 'coder' && lower[2] === 'value';
    if (this.long) return;
    this.coders = header.slice(1);
    this.coders.forEach((c, i) => {
      if (c === '') this.problems.push(diag('QC601', `column ${i + 2} has no coder name`, this.at(r.line, i + 2)));
      else if (this.coderIndex.has(c)) this.problems.push(diag('QC611', `coder '${c}' appears twice in the header`, this.at(r.line, i + 2)));
      this.coderIndex.set(c, i);
    });
  }

  /** The table, or a QcodeError with every problem. */
  finish(): ParsedRatings {
    const { file, level } = this.options;
    if (!this.started) throw new QcodeError([diag('QC601', "the first column must be 'unit', found ''", this.at(1, 1))]);
    if (this.units.size === 0 && this.problems.errors === 0) throw new QcodeError([diag('QC609', 'no ratings below the header', this.at(1))]);
    const m = this.coders.length;
    const n = this.units.size;
    let data: Int32Array;
    if (this.long) {
      data = new Int32Array(n * Math.max(m, 1)).fill(MISSING);
      const seen = new Int32Array(n * Math.max(m, 1));
      const cells = this.cells.data;
      for (let i = 0; i < this.lines.length; i++) {
        const [u, c, v] = [cells[3 * i]!, cells[3 * i + 1]!, cells[3 * i + 2]!];
        const line = this.lines.data[i]!;
        if (seen[u * m + c]) {
          this.problems.push(diag('QC603', `${this.coders[c]} rates unit '${this.units.text(u)}' twice (first on line ${seen[u * m + c]})`, this.at(line)));
          continue;
        }
        seen[u * m + c] = line;
        data[u * m + c] = v;
      }
    } else {
      data = this.cells.data.slice(0, n * m);
    }

    if (m < 2) this.problems.push(diag('QC604', `the file names ${m} coder(s); reliability needs two or more`, { at: { file } }));
    const diagnostics: Diagnostic[] = [];
    let categories: string[];
    if (this.options.categories) {
      categories = [...this.options.categories];
      const dup = categories.filter((c, i) => categories.indexOf(c) !== i);
      if (dup.length > 0) this.problems.push(diag('QC608', `declared twice in --categories: ${[...new Set(dup)].join(', ')}`));
    } else {
      // Interned values → categories in numeric order when all are numbers, else alphabetical; cells remapped once.
      const seen = Array.from({ length: this.values.size }, (_, i) => this.values.text(i));
      categories = [...seen];
      if (categoryValues(categories)) categories.sort((a, b) => Number(a) - Number(b));
      else {
        categories.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (level === 'ordinal') diagnostics.push(warn('QC610', `ordinal categories in alphabetical order: ${categories.join(', ')}`, { at: { file } }));
      }
      const rank = new Int32Array(seen.length);
      const position = new Map(categories.map((c, i) => [c, i]));
      seen.forEach((c, id) => (rank[id] = position.get(c)!));
      for (let i = 0; i < data.length; i++) if (data[i] !== MISSING) data[i] = rank[data[i]!]!;
    }
    const values = categoryValues(categories);
    if ((level === 'interval' || level === 'ratio') && categories.length > 0) {
      if (!values) {
        const bad = categories.filter((c) => !Number.isFinite(Number(c)) || c.trim() === '').slice(0, 5);
        this.problems.push(diag('QC605', `--level ${level} needs numeric categories, found ${bad.join(', ')}`, { at: { file } }));
      } else if (level === 'ratio' && values.some((v) => v < 0)) {
        this.problems.push(diag('QC605', '--level ratio needs categories that are not negative', { at: { file } }));
      }
    }
    throwErrors(this.problems.list());
    return {
      table: { coders: this.coders, categories, values, unitCount: n, data },
      unitId: (u) => this.units.text(u),
      diagnostics,
    };
  }
}
