import { formatHumanCell, alignsRight, type Table } from './table.js';
import { appendAll } from '../util/bulk-array.js';

const escapeCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

/** A GitHub-flavoured Markdown table (pipes escaped), numbers right-aligned, title bold above, notes below. */
export function formatMarkdownTable(table: Table): string {
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const lines: string[] = [];
  if (table.title) lines.push(`**${escapeCell(table.title)}**`, '');
  lines.push(row(table.columns.map((c) => c.label)), `|${table.columns.map((c) => (alignsRight(c) ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of table.rows) lines.push(row(table.columns.map((c, j) => formatHumanCell(r[j] ?? null, c, '—'))));
  if (table.footnotes.length > 0) appendAll(lines, ['', ...table.footnotes.map((f) => escapeCell(f))]);
  return `${lines.join('\n')}\n`;
}
