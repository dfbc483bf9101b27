import type { Workbook, WorkbookCell } from '../format/workbook.js';
import { dateCell, isDateColumn } from '../format/workbook.js';
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
  const columns = table.header.map((_, c) => table.rows.map((r) => r[c]));
  const kind = columns.map((values) => {
    if (isDateColumn(values)) return 'date';
    const texts = values.filter((v) => v !== '' && v !== null);
    return texts.length > 0 && texts.every((v) => typeof v === 'number' || (typeof v === 'string' && asNumber(v) !== undefined)) ? 'number' : 'text';
  });
  return table.rows.map((row) =>
    row.map((v, c): WorkbookCell => {
      if (v === null || v === '') return null;
      if (typeof v === 'number') return v;
      if (kind[c] === 'date') return dateCell(v);
      if (kind[c] === 'number') return asNumber(v) ?? v;
      return v;
    }),
  );
}

/** The long and wide tables of a coder as one workbook, a sheet each, header frozen. */
export function computeExportWorkbook(tables: { long: ExportTable; wide: ExportTable }): Workbook {
  return {
    sheets: (['long', 'wide'] as const).map((name) => {
      const table = tables[name];
      return {
        name,
        columns: table.header.map((header) => ({ header, width: header === 'text' ? 60 : undefined, wrap: header === 'text' })),
        rows: typedRows(table),
        freeze: { rows: 1, columns: 1 },
      };
    }),
  };
}
