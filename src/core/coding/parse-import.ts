import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import { parseCsvWithPositions, type CsvRow } from '../util/parse-csv-positions.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { didYouMean } from '../util/suggest.js';
import { columnLetters } from '../format/workbook.js';
import { computeTextSha } from '../util/hash.js';
import { parseCodingTable, readTextSha, type LocatedCoding } from './parse-coding-file.js';
import { readSheetMark } from './sheet-values.js';
import { codeLabel, SHEET_EXTRA_COLUMNS } from './coding-sheet.js';

/**
 * The spreadsheet layouts `qcode import` accepts:
 * - long: one row per coding (segment_id, code; optional doc_id, coder, category, memo), any column order;
 * - wide: segment_id plus one column per code id marking whether it applies (optional memo); a row
 *   marking none = reviewed, none. A `qcode sheet` is a wide table with known extra columns;
 * - list: segment_id, codes (ids separated by `;`; optional memo); empty codes = reviewed, none.
 */
export type ImportFormat = 'long' | 'wide' | 'list';

/**
 * A coder's table, from a CSV or a worksheet: rows split into fields, header
 * first. For a worksheet, a row's `line` is its row number and a field's
 * `col` its column number; `sheet` names the worksheet for messages.
 */
export interface ImportTable {
  file: string;
  sheet?: string;
  rows: CsvRow[];
  diagnostics: Diagnostic[];
}

/** A CSV's text as an import table (a UTF-8 BOM is dropped by the reader). */
export function csvImportTable(text: string, file: string): ImportTable {
  const { rows, errors } = parseCsvWithPositions(text);
  return { file, rows, diagnostics: errors.map((e) => diag('QC411', e.message, { at: { file, line: e.line, col: e.col } })) };
}

/**
 * R's `write.csv` writes row names as a first column with an empty header:
 * that column carries no coding, so it is left out.
 */
function dropRowNames(table: ImportTable): ImportTable {
  const header = table.rows[0];
  if (!header || header.fields.length < 2 || header.fields[0]!.trim() !== '') return table;
  const drop = (r: CsvRow): CsvRow => ({ ...r, fields: r.fields.slice(1), positions: r.positions.slice(1) });
  return { ...table, rows: table.rows.map(drop) };
}

/** Guesses the layout from the header: a `codes` column means list, a `code` column long, else wide. */
export function detectImportFormat(table: ImportTable): ImportFormat {
  const header = dropRowNames(table).rows[0]?.fields.map((f) => f.trim()) ?? [];
  if (header.includes('codes')) return 'list';
  if (header.includes('code')) return 'long';
  return 'wide';
}

type Parsed = { rows: LocatedCoding[]; diagnostics: Diagnostic[] };

/** Where a cell is, for a message: the sheet and cell of a worksheet, the row and column of a CSV. */
function cellName(table: ImportTable, rowIndex: number, col: number): string {
  const ref = `${columnLetters(col + 1)}${rowIndex + 1}`;
  return table.sheet !== undefined ? `sheet '${table.sheet}', cell ${ref}` : `row ${rowIndex + 1}, column ${columnLetters(col + 1)}`;
}

function located(table: ImportTable, row: CsvRow, i: number): SourceLocation {
  return { file: table.file, ...row.positions[i]! };
}

function fieldCountOk(table: ImportTable, row: CsvRow, header: CsvRow, out: Diagnostic[]): boolean {
  if (row.fields.length === header.fields.length) return true;
  // A worksheet's short rows are cells left empty at the end.
  if (table.sheet !== undefined && row.fields.length < header.fields.length) return true;
  out.push(diag('QC411', `row has ${row.fields.length} fields, the header has ${header.fields.length}`, { at: { file: table.file, line: row.line, col: 1 } }));
  return false;
}

/** A "reviewed, no code applies" row. */
function noneRow(segment_id: string, coder: string, memo: string, at: LocatedCoding['at'], text_sha: string): LocatedCoding {
  return { coding: { segment_id, doc_id: '', coder, category: '', code: '', memo }, at, text_sha };
}

interface Columns {
  names: string[];
  segment: number;
  memo: number;
  sha: number;
}

function namedColumns(header: CsvRow): Columns {
  const names = header.fields.map((f) => f.trim());
  return { names, segment: names.indexOf('segment_id'), memo: names.indexOf('memo'), sha: names.indexOf('text_sha') };
}

/**
 * The body rows of a wide or list table, with their segment id, memo and
 * fingerprint read. Rows with nothing in them are skipped (spreadsheets keep
 * formatted empty rows), and so is the label row `qcode sheet` writes under
 * the header.
 */
function* readRecords(table: ImportTable, cols: Columns, isLabelRow: (row: CsvRow) => boolean, diagnostics: Diagnostic[]) {
  const header = table.rows[0]!;
  for (let k = 1; k < table.rows.length; k++) {
    const row = table.rows[k]!;
    if (row.fields.every((f) => f.trim() === '')) continue;
    if (!fieldCountOk(table, row, header, diagnostics)) continue;
    const field = (i: number) => (i >= 0 ? (row.fields[i] ?? '') : '');
    const segment_id = field(cols.segment).trim();
    if (segment_id === '') {
      if (k === 1 && isLabelRow(row)) continue;
      diagnostics.push(diag('QC411', `${cellName(table, k, cols.segment)}: no segment_id`, { at: located(table, row, cols.segment) }));
      continue;
    }
    const rowAt = { file: table.file, line: row.line, col: 1 };
    const text_sha = cols.sha >= 0 ? readTextSha(field(cols.sha), located(table, row, cols.sha), diagnostics) : '';
    yield { row, index: k, segment_id, memo: field(cols.memo), text_sha, rowAt, segmentAt: located(table, row, cols.segment) };
  }
}

/** Columns a wide table may have besides segment_id and the codes: qcode's own sheet columns and the corpus' metadata keys. */
function checkWideHeader(table: ImportTable, cols: Columns, codeIds: ReadonlySet<string>, extra: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
  const header = table.rows[0]!;
  if (cols.segment < 0) diagnostics.push(diag('QC406', "missing column 'segment_id'", { at: { file: table.file, line: 1, col: 1 } }));
  if (!cols.names.some((n) => codeIds.has(n))) {
    diagnostics.push(diag('QC406', 'no code column: a wide table has a column per code id (a long one a code column, a list one codes)', { at: { file: table.file, line: 1, col: 1 } }));
  }
  const seen = new Set<string>();
  cols.names.forEach((n, i) => {
    if (seen.has(n)) diagnostics.push(diag('QC406', `column '${n}' appears twice`, { at: located(table, header, i) }));
    seen.add(n);
    if (i === cols.segment || i === cols.memo || codeIds.has(n) || SHEET_EXTRA_COLUMNS.includes(n) || extra.has(n)) return;
    diagnostics.push(diag('QC406', `column '${n}' is not a code id${didYouMean(n, [...codeIds, 'segment_id', 'memo'])}`, { at: located(table, header, i) }));
  });
}

export function parseWideCodings(input: ImportTable, coder: string, codebook: Codebook, extraColumns: ReadonlySet<string> = new Set()): Parsed {
  const table = dropRowNames(input);
  const diagnostics = [...table.diagnostics];
  const header = table.rows[0];
  if (!header) return { rows: [], diagnostics: [...diagnostics, diag('QC406', 'the file is empty: no header row', { at: { file: table.file, line: 1, col: 1 } })] };
  const codes = new Map(listCodes(codebook).map((r) => [r.code.id, r]));
  const cols = namedColumns(header);
  checkWideHeader(table, cols, new Set(codes.keys()), extraColumns, diagnostics);
  if (diagnostics.some((d) => d.code === 'QC406')) return { rows: [], diagnostics };
  const codeCols = cols.names.flatMap((n, i) => (codes.has(n) ? [{ i, ref: codes.get(n)! }] : []));
  const isLabelRow = (row: CsvRow) => codeCols.every(({ i, ref }) => [codeLabel(ref), ref.code.label].includes((row.fields[i] ?? '').trim()));
  const rows: LocatedCoding[] = [];
  for (const { row, index, segment_id, memo, text_sha, rowAt, segmentAt } of readRecords(table, cols, isLabelRow, diagnostics)) {
    let any = false;
    let bad = false;
    for (const { i, ref } of codeCols) {
      const value = row.fields[i] ?? '';
      const mark = readSheetMark(value);
      if (mark === undefined) {
        const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
        diagnostics.push(
          diag('QC424', `${cellName(table, index, i)} (code '${ref.code.id}', segment '${segment_id}') holds '${shown}', which is neither "applies" nor "does not apply"`, {
            at: located(table, row, i),
            hint: 'write 1 or x where the code applies; leave the cell empty, or 0, where it does not',
          }),
        );
        bad = true;
        continue;
      }
      if (!mark) continue;
      any = true;
      rows.push({ coding: { segment_id, doc_id: '', coder, category: ref.category.id, code: ref.code.id, memo }, at: { row: rowAt, segment_id: segmentAt, code: located(table, row, i) }, text_sha });
    }
    if (!any && !bad) rows.push(noneRow(segment_id, coder, memo, { row: rowAt, segment_id: segmentAt }, text_sha));
  }
  return { rows, diagnostics };
}

export function parseListCodings(input: ImportTable, coder: string): Parsed {
  const table = dropRowNames(input);
  const diagnostics = [...table.diagnostics];
  const header = table.rows[0];
  if (!header) return { rows: [], diagnostics: [...diagnostics, diag('QC406', 'the file is empty: no header row', { at: { file: table.file, line: 1, col: 1 } })] };
  const cols = namedColumns(header);
  const allowed = ['segment_id', 'codes', 'memo', 'doc_id', ...SHEET_EXTRA_COLUMNS];
  cols.names.forEach((n, i) => {
    if (!allowed.includes(n)) diagnostics.push(diag('QC406', `unknown column '${n}'${didYouMean(n, allowed)}`, { at: located(table, header, i) }));
  });
  for (const need of ['segment_id', 'codes']) {
    if (!cols.names.includes(need)) diagnostics.push(diag('QC406', `missing column '${need}'`, { at: { file: table.file, line: 1, col: 1 } }));
  }
  if (diagnostics.some((d) => d.code === 'QC406')) return { rows: [], diagnostics };
  const codesCol = cols.names.indexOf('codes');
  const rows: LocatedCoding[] = [];
  for (const { row, segment_id, memo, text_sha, rowAt, segmentAt } of readRecords(table, cols, () => false, diagnostics)) {
    const ids = (row.fields[codesCol] ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    const base = { row: rowAt, segment_id: segmentAt, code: located(table, row, codesCol) };
    if (ids.length === 0) rows.push(noneRow(segment_id, coder, memo, base, text_sha));
    for (const code of ids) rows.push({ coding: { segment_id, doc_id: '', coder, category: '', code, memo }, at: base, text_sha });
  }
  return { rows, diagnostics };
}

/**
 * Parses a coder's table in any of the three layouts into located codings.
 * `extraColumns` (the corpus' metadata keys) may stand beside the codes of a
 * wide table, as `qcode sheet --with` writes them.
 */
export function parseImport(table: ImportTable, format: ImportFormat, coder: string, codebook: Codebook, extraColumns?: ReadonlySet<string>): Parsed {
  if (format === 'wide') return parseWideCodings(table, coder, codebook, extraColumns);
  if (format === 'list') return parseListCodings(table, coder);
  const plain = dropRowNames(table);
  const parsed = parseCodingTable(plain.rows, plain.file, coder);
  return { rows: parsed.rows, diagnostics: [...plain.diagnostics, ...parsed.diagnostics] };
}

/** The texts a sheet shows (its `text` column) by fingerprint: the old text of codings that no longer place. */
export function sheetTexts(input: ImportTable): Map<string, string> {
  const table = dropRowNames(input);
  const col = table.rows[0]?.fields.findIndex((f) => f.trim() === 'text') ?? -1;
  const out = new Map<string, string>();
  if (col < 0) return out;
  for (const row of table.rows.slice(1)) {
    const text = row.fields[col];
    if (text) out.set(computeTextSha(text), text);
  }
  return out;
}
