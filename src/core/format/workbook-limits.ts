import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { columnLetters, type Workbook } from './workbook.js';

/** Excel's limits (LibreOffice's are the same): rows a sheet, the header row among them, and characters a cell. */
export const SHEET_MAX_ROWS = 1_048_576;
export const CELL_MAX_CHARS = 32_767;

/**
 * Whether a spreadsheet could hold the workbook: a sheet over the row limit,
 * or the first cell over the character limit of each sheet, is an error
 * (QC706). A longer cell is cut or the file refused by the spreadsheet, so an
 * honest workbook cannot be written.
 */
export function checkWorkbookLimits(workbook: Workbook): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.rows.length + 1 > SHEET_MAX_ROWS) {
      out.push(sheetTooLong(sheet.name, sheet.rows.length + 1));
      continue;
    }
    let over = 0;
    let first = '';
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (typeof cell !== 'string' || cell.length <= CELL_MAX_CHARS) continue;
        if (over++ === 0) first = `cell ${columnLetters(c + 1)}${r + 2} (${sheet.columns[c]?.header ?? ''}) holds ${fmt(cell.length)} characters`;
      }
    }
    if (over > 0) out.push(cellTooLong(sheet.name, first, over));
  }
  return out;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** QC706 for a sheet of `rows` rows (the header among them). */
export function sheetTooLong(sheet: string, rows: number): Diagnostic {
  return diag('QC706', `sheet ${sheet} would have ${fmt(rows)} rows; a spreadsheet holds at most ${fmt(SHEET_MAX_ROWS)}`);
}

/** QC706 for `count` cells over the limit, the first described by `first` (e.g. "cell C2 (text) holds 40,000 characters"). */
export function cellTooLong(sheet: string, first: string, count: number): Diagnostic {
  const more = count > 1 ? ` (and ${fmt(count - 1)} more cells)` : '';
  return diag('QC706', `sheet ${sheet}: ${first}${more}; a spreadsheet cell holds at most ${fmt(CELL_MAX_CHARS)}`);
}
