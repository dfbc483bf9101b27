import { formatHumanCell, alignsRight, type Table } from './table.js';
import { appendAll } from '../util/bulk-array.js';

/** Code points (a lone surrogate counts as one, as in [...s]), counted without an array: a cell may hold a whole document. */
function width(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/**
 * A table for the terminal: columns two spaces apart, numbers aligned right,
 * text left, a dashed rule under the header, title above and notes below.
 * Widths count code points, so wide CJK characters may misalign.
 */
export function formatTextTable(table: Table): string {
  const header = table.columns.map((c) => c.label);
  // The cells are formatted twice (widths, then lines) rather than held: a table of a row per document has hundreds of thousands.
  const cellsOf = (row: Table['rows'][number]) => table.columns.map((c, j) => formatHumanCell(row[j] ?? null, c, '—'));
  const widths = header.map(width);
  for (const row of table.rows) cellsOf(row).forEach((cell, j) => (widths[j] = Math.max(widths[j]!, width(cell))));
  const line = (cells: string[]) =>
    cells
      .map((s, j) => pad(s, widths[j]!, alignsRight(table.columns[j]!)))
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  if (table.title) lines.push(table.title, '');
  lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.rows) lines.push(line(cellsOf(row)));
  if (table.footnotes.length > 0) appendAll(lines, ['', ...table.footnotes]);
  return `${lines.join('\n')}\n`;
}
