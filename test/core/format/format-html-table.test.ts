import { describe, expect, it } from 'vitest';
import { formatHtmlRow, formatHtmlTable, formatHtmlTableParts } from '../../../src/core/format/format-html-table.js';
import type { Table } from '../../../src/core/format/table.js';

const table: Table = {
  title: 'Where a & b differ',
  columns: [
    { key: 'segment', label: 'Segment' },
    { key: 'a', label: 'a', kind: 'integer' },
    { key: 'text', label: 'Text' },
  ],
  rows: [
    ['d1:s1', 1, 'Tariffs <rose>.'],
    ['d1:s2', 0, 'Quotas "fell".'],
  ],
  footnotes: ['1: applied.'],
};

describe('formatHtmlTable in parts', () => {
  it('head, each row followed by a line break, and tail are the bytes of the whole table (the report writes its long table so)', () => {
    const [head, tail] = formatHtmlTableParts(table);
    expect(`${head}${table.rows.map((r) => `${formatHtmlRow(table.columns, r)}\n`).join('')}${tail}`).toBe(formatHtmlTable(table));
    expect(formatHtmlRow(table.columns, table.rows[0]!)).toBe('<tr><th scope="row">d1:s1</th><td class="num">1</td><td>Tariffs &lt;rose&gt;.</td></tr>');
  });
});
