import type { Cell } from '../format/table.js';
import type { Workbook, WorkbookCell, WorkbookSheet } from '../format/workbook.js';
import { dateCell } from '../format/workbook.js';
import type { ExportTable } from './export-tables.js';

/** Text that is a number written the way a number prints (no leading zeros or plus, no exponent games): safe to store as a number. */
function asNumber(text: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return String(n) === text ? n : undefined;
}

/**
 * A table's cells typed for a spreadsheet: numbers stay numbers; a text
 * column whose every value is a YYYY-MM-DD date becomes date cells, one
 * whose every value prints as a number (a year, a count) number cells; any
 * other text stays text, never a formula, whatever it starts with.
 */
function typedRows(table: ExportTable): WorkbookCell[][] {
  const kinds = table.header.map((_, c) => {
    const tally = new ColumnKindTally();
    for (const row of table.rows) tally.add(row[c] ?? null);
    return tally.kind;
  });
  return table.rows.map((row) => row.map((v, c) => typedCell(v, kinds[c]!)));
}

/** The long and wide tables of a coder as one workbook, a sheet each, header frozen. */
export function computeExportWorkbook(tables: { long: ExportTable; wide: ExportTable }): Workbook {
  return { sheets: (['long', 'wide'] as const).map((name) => ({ ...exportSheetHead(name, tables[name].header), rows: typedRows(tables[name]) })) };
}

/** A sheet of the export workbook before its rows: the text column wide and wrapped, header and first column frozen. */
export function exportSheetHead(name: 'long' | 'wide', header: readonly string[]): Omit<WorkbookSheet, 'rows'> {
  return { name, columns: header.map((h) => ({ header: h, width: h === 'text' ? 60 : undefined, wrap: h === 'text' })), freeze: { rows: 1, columns: 1 } };
}

/** A column's kind in the workbook, as typedRows decides it: every non-empty value a date, or a number, else text. */
export class ColumnKindTally {
  private dates = true;
  private numbers = true;
  private any = false;

  add(v: Cell): void {
    if (v === null || v === '') return;
    this.any = true;
    if (this.dates && (typeof v !== 'string' || typeof dateCell(v) === 'string')) this.dates = false;
    if (this.numbers && typeof v !== 'number' && asNumber(v) === undefined) this.numbers = false;
  }

  /** Whether the kind is text whatever else is added. */
  get settled(): boolean {
    return !this.dates && !this.numbers;
  }

  get kind(): ColumnKind {
    return this.any && this.dates ? 'date' : this.any && this.numbers ? 'number' : 'text';
  }
}

export type ColumnKind = 'date' | 'number' | 'text';

/** A table's value as a typed cell of a column of the kind. */
export function typedCell(v: Cell, kind: ColumnKind): WorkbookCell {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return v;
  if (kind === 'date') return dateCell(v);
  if (kind === 'number') return asNumber(v) ?? v;
  return v;
}
