import { formatCsv, type CsvOptions } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatLatexTable } from './format-latex-table.js';
import { formatMarkdownTable } from './format-markdown-table.js';
import { formatTextTable } from './format-text-table.js';
import type { Table, TableFormat } from './table.js';

/** A table as plain objects keyed by column key, values unrounded: the JSON form of a Table. */
export function tableToRecords(table: Table): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, j) => [c.key, row[j] ?? null])));
}

/**
 * One Table in any output format. CSV carries only the header (column keys) and
 * rows; JSON is `{"rows":[{key: value}], "footnotes":[...]}`.
 */
export function formatTable(table: Table, format: TableFormat, csv: CsvOptions = {}): string {
  switch (format) {
    case 'table':
      return formatTextTable(table);
    case 'md':
      return formatMarkdownTable(table);
    case 'latex':
      return formatLatexTable(table);
    case 'csv':
      return formatCsv(
        table.columns.map((c) => c.key),
        table.rows,
        csv,
      );
    case 'json':
      return formatJson({ rows: tableToRecords(table), footnotes: table.footnotes });
  }
}

/**
 * Several tables in one output: human formats one after another with a blank
 * line between; JSON one object `{"tables":[{title, rows, footnotes}]}`; CSV
 * only the first table (a CSV file holds one table: commands offer a switch
 * to pick another).
 */
export function formatTables(tables: readonly Table[], format: TableFormat, csv: CsvOptions = {}): string {
  if (format === 'json') {
    return formatJson({
      tables: tables.map((t) => ({ title: t.title ?? null, rows: tableToRecords(t), footnotes: t.footnotes })),
    });
  }
  if (format === 'csv') return tables[0] ? formatTable(tables[0], 'csv', csv) : '';
  return tables.map((t) => formatTable(t, format)).join('\n');
}
