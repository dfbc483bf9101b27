import { formatHumanCell, alignsRight, type Table } from './table.js';

/** Text safe in HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A table as accessible HTML: the title as its caption, column headers as
 * `<th scope="col">`, the first column's cells as row headers, numbers
 * right-aligned (class `num`), notes in a paragraph after it.
 */
export function formatHtmlTable(table: Table): string {
  const [head, tail] = formatHtmlTableParts(table);
  return `${head}${table.rows.map((r) => formatHtmlRow(table.columns, r)).join('\n')}\n${tail}`;
}

const num = (column: Table['columns'][number]) => (alignsRight(column) ? ' class="num"' : '');

/** One row of formatHtmlTable's body (no line break): how a table too long to hold is written a row at a time. */
export function formatHtmlRow(columns: Table['columns'], row: Table['rows'][number]): string {
  const cells = columns.map((c, j) => {
    const text = escapeHtml(formatHumanCell(row[j] ?? null, c, '—'));
    return j === 0 ? `<th scope="row"${num(c)}>${text}</th>` : `<td${num(c)}>${text}</td>`;
  });
  return `<tr>${cells.join('')}</tr>`;
}

/** What formatHtmlTable writes before its rows and after them (rows each followed by a line break go between); table.rows is not read. */
export function formatHtmlTableParts(table: Omit<Table, 'rows'>): [string, string] {
  const head = table.columns.map((c) => `<th scope="col"${num(c)}>${escapeHtml(c.label)}</th>`).join('');
  const caption = table.title ? `<caption>${escapeHtml(table.title)}</caption>` : '';
  const notes = table.footnotes.length ? `\n<p class="notes">${table.footnotes.map(escapeHtml).join('<br>')}</p>` : '';
  return [`<div class="table-wrap"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n`, `</tbody></table>${notes}</div>`];
}
