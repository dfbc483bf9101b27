import { describe, expect, it } from 'vitest';
import { CELL_MAX_CHARS, SHEET_MAX_ROWS, checkWorkbookLimits } from '../../../src/core/format/workbook-limits.js';
import type { Workbook, WorkbookCell } from '../../../src/core/format/workbook.js';

const sheet = (name: string, rows: WorkbookCell[][]) => ({ name, columns: [{ header: 'id' }, { header: 'text' }], rows });

describe('checkWorkbookLimits', () => {
  it('passes a workbook at the limits: a full sheet, a cell of 32,767 characters', () => {
    const full: WorkbookCell[][] = new Array(SHEET_MAX_ROWS - 1).fill(['a', 'b']);
    expect(checkWorkbookLimits({ sheets: [sheet('long', full), sheet('wide', [['s1', 'x'.repeat(CELL_MAX_CHARS)]])] })).toEqual([]);
  });

  it('refuses a sheet over the row limit and a cell over the character limit (QC706), naming the sheet, the first cell and how many more', () => {
    const over: WorkbookCell[][] = new Array(SHEET_MAX_ROWS).fill(['a', 'b']);
    const long = 'x'.repeat(CELL_MAX_CHARS + 1);
    const workbook: Workbook = { sheets: [sheet('long', over), sheet('wide', [['s1', 'ok'], ['s2', long], ['s3', long]])] };
    const problems = checkWorkbookLimits(workbook);
    expect(problems.map((p) => p.code)).toEqual(['QC706', 'QC706']);
    expect(problems[0]!.message).toBe('sheet long would have 1,048,577 rows; a spreadsheet holds at most 1,048,576');
    expect(problems[1]!.message).toBe('sheet wide: cell B3 (text) holds 32,768 characters (and 1 more cells); a spreadsheet cell holds at most 32,767');
  });
});
