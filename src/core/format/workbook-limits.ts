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
  const fmt = (n: number) => n.toLocaleString('en-US');
  for (const sheet of workbook.sheets) {
    const rows = sheet.rows.length + 1;
    if (rows > SHEET_MAX_ROWS) {
      out.push(diag('QC706', `sheet ${sheet.name} would have ${fmt(rows)} rows; a spreadsheet holds at most ${fmt(SHEET_MAX_ROWS)}`));
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
    if (over > 0) {
      const more = over > 1 ? ` (and ${fmt(over - 1)} more cells)` : '';
      out.push(diag('QC706', `sheet ${sheet.name}: ${first}${more}; a spreadsheet cell holds at most ${fmt(CELL_MAX_CHARS)}`));
    }
  }
  return out;
}
