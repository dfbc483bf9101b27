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
  const num = (j: number) => (alignsRight(table.columns[j]!) ? ' class="num"' : '');
  const head = table.columns.map((c, j) => `<th scope="col"${num(j)}>${escapeHtml(c.label)}</th>`).join('');
  const rows = table.rows.map((r) => {
    const cells = table.columns.map((c, j) => {
      const text = escapeHtml(formatHumanCell(r[j] ?? null, c, '—'));
      return j === 0 ? `<th scope="row"${num(j)}>${text}</th>` : `<td${num(j)}>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const caption = table.title ? `<caption>${escapeHtml(table.title)}</caption>` : '';
  const notes = table.footnotes.length ? `\n<p class="notes">${table.footnotes.map(escapeHtml).join('<br>')}</p>` : '';
  return `<div class="table-wrap"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>${notes}</div>`;
}
