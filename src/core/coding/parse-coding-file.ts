import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { DiagnosticCollector } from '../diagnostics/diagnostic-bounds.js';
import { parseCsvWithPositions, type CsvRow } from '../util/parse-csv-positions.js';
import { indexCsvHeader } from '../util/index-csv-header.js';
import { didYouMean } from '../util/suggest.js';
import { CODING_FILE_COLUMNS, type Coding, type CodingRow } from '../model/coding.js';
import { TEXT_SHA_LENGTH } from '../util/hash.js';
import { appendAll } from '../util/bulk-array.js';

/** A coding with where each of its fields stands in the file, for later diagnostics. */
export interface LocatedCoding {
  coding: Coding;
  at: Partial<Record<(typeof CODING_FILE_COLUMNS)[number], SourceLocation>> & { row: SourceLocation };
  /** The fingerprint of the segment's text the row was coded on; '' when the file has none (then only the id anchors it). */
  text_sha?: string;
}

const TEXT_SHA = new RegExp(`^[0-9a-f]{${TEXT_SHA_LENGTH}}$`);

/** A text_sha cell: '' or 16 lower-case hex digits; anything else is reported and read as ''. */
export function readTextSha(value: string, at: SourceLocation, diagnostics: Diagnostic[]): string {
  const v = value.trim().toLowerCase();
  if (v === '' || TEXT_SHA.test(v)) return v;
  diagnostics.push(diag('QC411', `text_sha '${value.slice(0, 40)}' is not a text fingerprint (${TEXT_SHA_LENGTH} hex digits)`, { at, hint: 'leave text_sha as qcode wrote it, or empty' }));
  return '';
}

const REQUIRED = ['segment_id', 'code'] as const;

/**
 * Reads a coding file in the canonical long layout (CSV, any column order;
 * doc_id, coder, category and memo may be absent). The coder column, when
 * absent or empty, takes `defaultCoder`.
 */
export function parseCodingCsv(text: string, file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const { rows, errors } = parseCsvWithPositions(text);
  const parsed = parseCodingTable(rows, file, defaultCoder);
  return { rows: parsed.rows, diagnostics: [...errors.map((e) => diag('QC411', e.message, { at: { file, line: e.line, col: e.col } })), ...parsed.diagnostics] };
}

/** The long layout from rows already split into fields (a CSV's, or a worksheet's), header first. */
export function parseCodingTable(rows: readonly CsvRow[], file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const parser = new CodingRecordParser(file, defaultCoder);
  const out: LocatedCoding[] = [];
  for (const row of rows) {
    const fields = parser.take(csvRowRecord(row));
    if (fields) out.push(locatedCoding(fields));
    if (parser.stopped) break;
  }
  return { rows: out, diagnostics: parser.finish() };
}

/** A CsvRow as a CodingRecord. */
export function csvRowRecord(row: CsvRow): CodingRecord {
  return { count: row.fields.length, line: row.line, field: (i) => row.fields[i]!, position: (i) => row.positions[i]! };
}

/** One record of a coding file as a reader hands it over: its fields, and where each starts (asked only for a diagnostic). */
export interface CodingRecord {
  readonly count: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  field(i: number): string;
  position(i: number): { line: number; col: number };
}

export type CodingColumn = (typeof CODING_FILE_COLUMNS)[number];

/** A row of a coding file: its fields (trimmed, the coder defaulted; the memo as written), and where each stands. */
export interface CodingRowFields {
  segment_id: string;
  doc_id: string;
  /** '' or 16 lower-case hex digits (readTextSha). */
  text_sha: string;
  coder: string;
  category: string;
  code: string;
  memo: string;
  line: number;
  /** Where a column's cell stands; the row's start when the file has no such column. Made when asked. */
  at(column: CodingColumn | 'row'): SourceLocation;
}

/** The object form of a row (what validateCodings takes): every position made. */
export function locatedCoding(f: CodingRowFields): LocatedCoding {
  const at: LocatedCoding['at'] = { row: f.at('row') };
  for (const k of CODING_FILE_COLUMNS) {
    const loc = f.at(k);
    if (loc !== at.row) at[k] = loc;
  }
  return {
    text_sha: f.text_sha,
    coding: { segment_id: f.segment_id, doc_id: f.doc_id, coder: f.coder, category: f.category, code: f.code, memo: f.memo },
    at,
  };
}

/** A row in object form as a file row (its text_sha '' where it has none). */
export function codingRowOf(row: LocatedCoding): CodingRow {
  return { ...row.coding, text_sha: row.text_sha ?? '' };
}

/** The fields form of a row (what CodingTableBuilder takes): the inverse of locatedCoding. */
export function codingRowFields(row: LocatedCoding): CodingRowFields {
  const at = row.at;
  return { ...codingRowOf(row), line: at.row.line ?? 0, at: (k) => (k === 'row' ? at.row : (at[k] ?? at.row)) };
}

/**
 * The long layout read a record at a time, header first: the one parser of
 * coding CSVs, for files read whole (parseCodingTable) and streamed
 * (read-coding-table.ts). Problems are kept in order: the header's and each
 * text_sha's, then the rows that do not fit the header (bounded: a file
 * broken on every row reports 50 rows and stops after 1,000, QC009).
 */
export class CodingRecordParser {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly broken = new DiagnosticCollector();
  private index: Map<CodingColumn, number> | undefined;
  private headerCount = 0;
  private seen = false;
  /** True when reading should stop: the header is wrong, or too many rows do not fit it. */
  stopped = false;

  constructor(
    private readonly file: string,
    private readonly defaultCoder: string,
  ) {}

  /** Takes the next record: the header, else a row, returned when it fits the header. */
  take(record: CodingRecord): CodingRowFields | null {
    const file = this.file;
    if (!this.seen) {
      this.seen = true;
      const fields: string[] = [];
      const positions: { line: number; col: number }[] = [];
      for (let i = 0; i < record.count; i++) {
        fields.push(record.field(i));
        positions.push(record.position(i));
      }
      const headerCheck = indexCsvHeader({ fields, line: record.line, positions }, { file, code: 'QC406', columns: CODING_FILE_COLUMNS, required: REQUIRED });
      appendAll(this.diagnostics, headerCheck.diagnostics);
      this.index = headerCheck.index;
      this.headerCount = record.count;
      if (headerCheck.diagnostics.length > 0) this.stopped = true;
      return null;
    }
    if (this.stopped) return null;
    if (record.count !== this.headerCount) {
      this.broken.push(diag('QC411', `row has ${record.count} fields, the header has ${this.headerCount}`, { at: { file, line: record.line, col: 1 } }));
      if (this.broken.full) {
        this.broken.push(diag('QC009', `stopped reading after ${this.broken.errors} rows that do not fit the header: this does not look like a coding file`, { at: { file, line: record.line } }));
        this.stopped = true;
      }
      return null;
    }
    const index = this.index!;
    const get = (k: CodingColumn) => {
      const i = index.get(k);
      return i === undefined ? '' : record.field(i).trim();
    };
    const line = record.line;
    const row = { file, line, col: 1 };
    const at = (k: CodingColumn | 'row'): SourceLocation => {
      const i = k === 'row' ? undefined : index.get(k);
      return i === undefined ? row : { file, ...record.position(i) };
    };
    const memoIndex = index.get('memo');
    const textSha = get('text_sha');
    return {
      text_sha: textSha === '' ? '' : readTextSha(textSha, at('text_sha'), this.diagnostics),
      segment_id: get('segment_id'),
      doc_id: get('doc_id'),
      coder: get('coder') || this.defaultCoder,
      category: get('category'),
      code: get('code'),
      memo: memoIndex === undefined ? '' : record.field(memoIndex),
      line,
      at,
    };
  }

  /** Once a header that fits is read: where each column is, and how many fields a row has. */
  get layout(): { columns: ReadonlyMap<CodingColumn, number>; fields: number } | null {
    return this.index && !this.stopped ? { columns: this.index, fields: this.headerCount } : null;
  }

  /** Every problem found, in order; an empty file (no header) is one. */
  finish(): Diagnostic[] {
    if (!this.seen) return [diag('QC406', 'the file is empty: no header row', { at: { file: this.file, line: 1, col: 1 } })];
    return [...this.diagnostics, ...this.broken.list()];
  }
}

/** The JSONL layout: one object per line with the canonical keys. */
export function parseCodingJsonl(text: string, file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows: LocatedCoding[] = [];
  text.split('\n').forEach((lineText, i) => {
    const row = parseCodingJsonlLine(lineText, { file, line: i + 1 }, defaultCoder, diagnostics);
    if (row) rows.push(locatedCoding(row));
  });
  return { rows, diagnostics };
}

/** One line of a JSONL coding file: its row, or null (a blank line, or a problem added to `diagnostics`). */
export function parseCodingJsonlLine(lineText: string, where: { file: string; line: number }, defaultCoder: string, diagnostics: Diagnostic[]): CodingRowFields | null {
  const { file, line } = where;
  if (!lineText.trim()) return null;
  let v: unknown;
  try {
    v = JSON.parse(lineText);
  } catch (e) {
    diagnostics.push(diag('QC411', `not valid JSON: ${(e as Error).message}`, { at: { file, line, col: 1 } }));
    return null;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    diagnostics.push(diag('QC411', 'the line is not a JSON object', { at: { file, line, col: 1 } }));
    return null;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!(CODING_FILE_COLUMNS as readonly string[]).includes(k)) {
      diagnostics.push(diag('QC406', `unknown key '${k}'${didYouMean(k, CODING_FILE_COLUMNS)}`, { at: { file, line, col: lineText.indexOf(`"${k}"`) + 1 } }));
    }
  }
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : o[k] == null ? '' : String(o[k]));
  const at = { file, line, col: 1 };
  return {
    text_sha: readTextSha(s('text_sha'), at, diagnostics),
    segment_id: s('segment_id').trim(),
    doc_id: s('doc_id').trim(),
    coder: s('coder').trim() || defaultCoder,
    category: s('category').trim(),
    code: s('code').trim(),
    memo: s('memo'),
    line,
    at: () => at,
  };
}
