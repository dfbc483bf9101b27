import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Workbook, WorkbookCell } from '../core/format/workbook.js';
import { columnLetters } from '../core/format/workbook.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { checkWorkbookLimits } from '../core/format/workbook-limits.js';

// exceljs (MIT, on the npm registry) reads and writes .xlsx with data
// validation, frozen panes and cell styles. It is loaded only by the
// commands that read or write a workbook (sheet, import of .xlsx, export
// --format xlsx), never by the rest of the CLI.
type ExcelJs = typeof import('exceljs');
let excel: Promise<ExcelJs> | undefined;
function loadExcel(): Promise<ExcelJs> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs);
  return excel;
}

/** Document properties and zip entries carry this date: the same workbook is the same bytes on every run. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

function toExcelValue(cell: WorkbookCell): string | number | boolean | Date | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return new Date(`${cell.date}T00:00:00Z`);
}

/**
 * A workbook as .xlsx bytes. Text cells are written as text (a value
 * starting with `=` is text, not a formula), numbers as numbers, dates as
 * dates shown yyyy-mm-dd. exceljs stamps zip entries with the current time,
 * so the archive is packed again with fixed dates. A workbook a spreadsheet
 * could not hold (QC706) is refused before any of it is made.
 */
export async function formatXlsx(workbook: Workbook): Promise<Uint8Array> {
  const tooLarge = checkWorkbookLimits(workbook);
  if (tooLarge.length > 0) throw new QcodeError(tooLarge);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'qcode';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of workbook.sheets) {
    const views = sheet.freeze ? [{ state: 'frozen' as const, xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : [];
    const ws = wb.addWorksheet(sheet.name, { views });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(40, Math.max(8, c.header.length + 2)),
      hidden: c.hidden ?? false,
      style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : { alignment: { vertical: 'top' as const } },
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map(toExcelValue));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
    for (const v of sheet.validations ?? []) {
      if (v.lastRow < v.firstRow) continue;
      const range = `${columnLetters(v.firstColumn)}${v.firstRow}:${columnLetters(v.lastColumn)}${v.lastRow}`;
      // In exceljs since 4.0, missing from its type declarations.
      (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${v.list.join(',')}"`],
        showInputMessage: true,
        prompt: v.prompt,
        showErrorMessage: true,
        errorStyle: v.warnOnly ? 'warning' : 'stop',
        error: v.prompt,
      });
    }
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) entries[name] = [data, { mtime: FIXED_DATE }];
  return zipSync(entries, { level: 6 });
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
