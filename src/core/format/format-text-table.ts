import { formatHumanCell, alignsRight, type Table } from './table.js';
import { appendAll, maxOf } from '../util/bulk-array.js';

const width = (s: string) => [...s].length;

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
  const body = table.rows.map((row) => table.columns.map((c, j) => formatHumanCell(row[j] ?? null, c, '—')));
  const widths = table.columns.map((_, j) => maxOf(width(header[j]!), body.map((r) => width(r[j]!))));
  const line = (cells: string[]) =>
    cells
      .map((s, j) => pad(s, widths[j]!, alignsRight(table.columns[j]!)))
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  if (table.title) lines.push(table.title, '');
  lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) lines.push(line(cells));
  if (table.footnotes.length > 0) appendAll(lines, ['', ...table.footnotes]);
  return `${lines.join('\n')}\n`;
}
