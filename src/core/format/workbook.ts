/**
 * A spreadsheet workbook as qcode describes it before io/xlsx.ts writes it:
 * typed cells, so a number is a number cell, a date a date cell, and text a
 * text cell, never a formula, whatever it starts with.
 */
export type WorkbookCell = string | number | boolean | null | { date: string };

export interface WorkbookColumn {
  header: string;
  /** Width in characters. */
  width?: number;
  wrap?: boolean;
  hidden?: boolean;
}

/** A list of allowed values on a block of cells (1-based rows and columns, inclusive). */
export interface CellValidation {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  list: readonly string[];
  /** Shown when the cell is selected. */
  prompt: string;
  /** A value outside the list: only warned about (coders may type x or TRUE) rather than refused. */
  warnOnly: boolean;
}

export interface WorkbookSheet {
  name: string;
  columns: WorkbookColumn[];
  /** Rows under the header row (a label row included, if any). */
  rows: WorkbookCell[][];
  /** Rows and columns kept in view when scrolling (the header, and e.g. the id column). */
  freeze?: { rows: number; columns: number };
  validations?: CellValidation[];
}

export interface Workbook {
  sheets: WorkbookSheet[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD text as a date cell when it is a real calendar date, else the text itself. */
export function dateCell(text: string): WorkbookCell {
  const m = ISO_DATE.exec(text);
  if (!m) return text;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? { date: text } : text;
}

/** Spreadsheet column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
