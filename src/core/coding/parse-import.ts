import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import { parseCsvWithPositions, type CsvRow } from '../util/parse-csv-positions.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { didYouMean } from '../util/suggest.js';
import { parseCodingCsv, type LocatedCoding } from './parse-coding-file.js';

/**
 * The spreadsheet layouts `qcode import` accepts:
 * - long: one row per coding (segment_id, code; optional doc_id, coder, category, memo), any column order;
 * - wide: segment_id plus one 0/1 column per code id (optional memo); a row of zeros = reviewed, none;
 * - list: segment_id, codes (ids separated by `;`; optional memo); empty codes = reviewed, none.
 */
export type ImportFormat = 'long' | 'wide' | 'list';

/** Guesses the layout from the header: a `codes` column means list, a `code` column long, else wide. */
export function detectImportFormat(text: string): ImportFormat {
  const header = parseCsvWithPositions(text).rows[0]?.fields.map((f) => f.trim()) ?? [];
  if (header.includes('codes')) return 'list';
  if (header.includes('code')) return 'long';
  return 'wide';
}

type Parsed = { rows: LocatedCoding[]; diagnostics: Diagnostic[] };

function readTable(text: string, file: string): { header?: CsvRow; body: CsvRow[]; diagnostics: Diagnostic[] } {
  const { rows, errors } = parseCsvWithPositions(text);
  const diagnostics = errors.map((e) => diag('QC411', e.message, { at: { file, line: e.line, col: e.col } }));
  if (!rows[0]) diagnostics.push(diag('QC406', 'the file is empty: no header row', { at: { file, line: 1, col: 1 } }));
  return { ...(rows[0] ? { header: rows[0] } : {}), body: rows.slice(1), diagnostics };
}

function fieldCountOk(row: CsvRow, header: CsvRow, file: string, out: Diagnostic[]): boolean {
  if (row.fields.length === header.fields.length) return true;
  out.push(diag('QC411', `row has ${row.fields.length} fields, the header has ${header.fields.length}`, { at: { file, line: row.line, col: 1 } }));
  return false;
}

/** The body rows with the right field count (the others reported), with their segment id and memo read. */
function* readRecords(body: readonly CsvRow[], header: CsvRow, file: string, diagnostics: Diagnostic[], segCol: number, memoCol: number) {
  for (const row of body) {
    if (!fieldCountOk(row, header, file, diagnostics)) continue;
    yield {
      row,
      segment_id: row.fields[segCol]!.trim(),
      memo: memoCol >= 0 ? row.fields[memoCol]! : '',
      rowAt: { file, line: row.line, col: 1 },
    };
  }
}

/** A "reviewed, no code applies" row. */
function noneRow(segment_id: string, coder: string, memo: string, at: LocatedCoding['at']): LocatedCoding {
  return { coding: { segment_id, doc_id: '', coder, category: '', code: '', memo }, at };
}

function located(row: CsvRow, file: string, i: number) {
  return { file, ...row.positions[i]! };
}

export function parseWideCodings(text: string, file: string, coder: string, codebook: Codebook): Parsed {
  const { header, body, diagnostics } = readTable(text, file);
  if (!header) return { rows: [], diagnostics };
  const codes = new Map(listCodes(codebook).map((r) => [r.code.id, r]));
  const names = header.fields.map((f) => f.trim());
  const segCol = names.indexOf('segment_id');
  const memoCol = names.indexOf('memo');
  if (segCol < 0) diagnostics.push(diag('QC406', "missing column 'segment_id'", { at: { file, line: 1, col: 1 } }));
  names.forEach((n, i) => {
    if (i === segCol || i === memoCol || n === 'doc_id') return;
    if (!codes.has(n)) {
      diagnostics.push(
        diag('QC406', `column '${n}' is not a code id${didYouMean(n, [...codes.keys(), 'segment_id', 'memo'])}`, { at: located(header, file, i) }),
      );
    }
  });
  if (diagnostics.some((d) => d.code === 'QC406')) return { rows: [], diagnostics };
  const rows: LocatedCoding[] = [];
  for (const { row, segment_id, memo, rowAt } of readRecords(body, header, file, diagnostics, segCol, memoCol)) {
    let any = false;
    names.forEach((n, i) => {
      const ref = codes.get(n);
      if (!ref) return;
      const v = row.fields[i]!.trim();
      if (v === '' || v === '0') return;
      if (v !== '1') {
        diagnostics.push(diag('QC411', `cell for code '${n}' is '${v}'; wide files hold 1, 0 or nothing`, { at: located(row, file, i) }));
        return;
      }
      any = true;
      rows.push({
        coding: { segment_id, doc_id: '', coder, category: ref.category.id, code: n, memo },
        at: { row: rowAt, segment_id: located(row, file, segCol), code: located(row, file, i) },
      });
    });
    if (!any) {
      rows.push(noneRow(segment_id, coder, memo, { row: rowAt, segment_id: located(row, file, segCol) }));
    }
  }
  return { rows, diagnostics };
}

export function parseListCodings(text: string, file: string, coder: string): Parsed {
  const { header, body, diagnostics } = readTable(text, file);
  if (!header) return { rows: [], diagnostics };
  const names = header.fields.map((f) => f.trim());
  const allowed = ['segment_id', 'codes', 'memo', 'doc_id'];
  names.forEach((n, i) => {
    if (!allowed.includes(n)) diagnostics.push(diag('QC406', `unknown column '${n}'${didYouMean(n, allowed)}`, { at: located(header, file, i) }));
  });
  for (const need of ['segment_id', 'codes']) {
    if (!names.includes(need)) diagnostics.push(diag('QC406', `missing column '${need}'`, { at: { file, line: 1, col: 1 } }));
  }
  if (diagnostics.some((d) => d.code === 'QC406')) return { rows: [], diagnostics };
  const segCol = names.indexOf('segment_id');
  const codesCol = names.indexOf('codes');
  const memoCol = names.indexOf('memo');
  const rows: LocatedCoding[] = [];
  for (const { row, segment_id, memo, rowAt } of readRecords(body, header, file, diagnostics, segCol, memoCol)) {
    const ids = row.fields[codesCol]!.split(';').map((s) => s.trim()).filter(Boolean);
    const base = { row: rowAt, segment_id: located(row, file, segCol), code: located(row, file, codesCol) };
    if (ids.length === 0) rows.push(noneRow(segment_id, coder, memo, base));
    for (const code of ids) rows.push({ coding: { segment_id, doc_id: '', coder, category: '', code, memo }, at: base });
  }
  return { rows, diagnostics };
}

/** Parses a coder's spreadsheet in any of the three layouts into located codings. */
export function parseImport(text: string, file: string, format: ImportFormat, coder: string, codebook: Codebook): Parsed {
  if (format === 'wide') return parseWideCodings(text, file, coder, codebook);
  if (format === 'list') return parseListCodings(text, file, coder);
  return parseCodingCsv(text, file, coder);
}
