import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Workbook } from '../core/format/workbook.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { checkWorkbookLimits } from '../core/format/workbook-limits.js';
import { tempPathFor } from './temp-file.js';
import { loadExcel, XlsxWriter } from './xlsx-writer.js';
import { ZipWriter } from './zip-writer.js';

/** Zip entries carry this date: the same workbook is the same bytes on every run. */
export const XLSX_ZIP_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * A workbook as .xlsx bytes, through the streamed writer (XlsxWriter, the
 * bytes exceljs writes). Text cells are written as text (a value starting
 * with `=` is text, not a formula), numbers as numbers, dates as dates shown
 * yyyy-mm-dd. A workbook a spreadsheet could not hold (QC706) is refused
 * before any of it is made.
 */
export async function formatXlsx(workbook: Workbook): Promise<Uint8Array> {
  const tooLarge = checkWorkbookLimits(workbook);
  if (tooLarge.length > 0) throw new QcodeError(tooLarge);
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter(async (bytes) => void chunks.push(bytes), XLSX_ZIP_DATE, workbookTooLarge);
  const writer = await XlsxWriter.open(workbook.sheets, zip, tempPathFor(path.join(tmpdir(), 'qcode-strings'), 'sst'));
  try {
    for (const [k, sheet] of workbook.sheets.entries()) {
      await writer.beginSheet(k, sheetDimension(sheet));
      for (const row of sheet.rows) await writer.row(row);
      await writer.endSheet();
    }
    await writer.finish();
  } finally {
    writer.discard();
  }
  return Buffer.concat(chunks);
}

/** QC706 for a workbook with a part qcode's zips do not record (a sheet's XML of 4 GB or more). */
export function workbookTooLarge(what: string): QcodeError {
  return new QcodeError([diag('QC706', `the workbook would hold ${what}`)]);
}

/** The last row and column holding a value (the header row 1 among them), as exceljs writes a sheet's dimension. */
function sheetDimension(sheet: Workbook['sheets'][number]): { lastRow: number; lastColumn: number } {
  let lastRow = sheet.columns.length > 0 ? 1 : 0;
  let lastColumn = sheet.columns.length;
  for (const [i, row] of sheet.rows.entries()) {
    let last = 0;
    for (let c = 0; c < row.length; c++) if (row[c] !== null) last = c + 1;
    if (last === 0) continue;
    lastRow = i + 2;
    lastColumn = Math.max(lastColumn, last);
  }
  return { lastRow, lastColumn };
}

/** A cell as read from a workbook: its kind, and its value as text (numbers in shortest form, booleans TRUE/FALSE, dates YYYY-MM-DD). */
export interface ReadCell {
  kind: 'empty' | 'text' | 'number' | 'boolean' | 'date' | 'error';
  text: string;
}

export interface ReadSheet {
  /** The sheet read and every sheet's name. */
  name: string;
  names: string[];
  /** Rows from the first, each as long as the widest; `row` is the spreadsheet row number. */
  rows: { row: number; cells: ReadCell[] }[];
}

const EMPTY: ReadCell = { kind: 'empty', text: '' };

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function readValue(value: unknown): ReadCell {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', text: '#VALUE!' } : { kind: 'date', text: isoDate(value) };
  const o = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
  if (Array.isArray(o.richText)) return { kind: 'text', text: o.richText.map((r) => r.text).join('') };
  if (o.error !== undefined) return { kind: 'error', text: String(o.error) };
  if (o.formula !== undefined || o.sharedFormula !== undefined) return o.result === undefined ? { kind: 'error', text: '#FORMULA' } : readValue(o.result);
  if (typeof o.text === 'string') return { kind: 'text', text: o.text };
  return { kind: 'error', text: '#VALUE!' };
}

/**
 * Reads one worksheet of an .xlsx file: `sheet` by name, else one named
 * `coding` (a `qcode sheet`), else the first. A file that is not a workbook
 * is a diagnostic, not a crash.
 */
export async function readXlsx(bytes: Uint8Array, shown: string, sheet?: string): Promise<ReadSheet> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new QcodeError([diag('QC423', `${shown} is not a readable .xlsx workbook: ${(e as Error).message}`, { at: { file: shown } })]);
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = sheet !== undefined ? wb.getWorksheet(sheet) : (wb.getWorksheet('coding') ?? wb.worksheets[0]);
  if (!ws) {
    const what = sheet !== undefined ? `no sheet '${sheet}'` : 'no worksheet';
    throw new QcodeError([diag('QC423', `${shown} has ${what}`, { at: { file: shown }, hint: names.length ? `its sheets: ${names.join(', ')}` : undefined })]);
  }
  const width = ws.columnCount;
  const rows: ReadSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: ReadCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(readValue(row.getCell(c).value));
    rows.push({ row: number, cells });
  });
  return { name: ws.name, names, rows };
}
