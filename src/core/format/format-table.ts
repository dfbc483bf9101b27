import { escapeLatex } from './escape-latex.js';
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

export interface FormatTablesOptions {
  csv?: CsvOptions;
  /** A line above all tables: plain, a Markdown heading, or a LaTeX comment. */
  heading?: string;
  /**
   * Notes printed once after all tables, for what several tables share (numbered
   * footnotes, citations); an empty string separates paragraphs.
   */
  footer?: readonly string[];
  /** Fields before `tables` in the JSON form, e.g. the coder and coverage the tables count. */
  json?: Record<string, unknown>;
}

/** Footer lines grouped into paragraphs at the empty strings. */
function paragraphs(lines: readonly string[]): string[][] {
  const groups: string[][] = [[]];
  for (const line of lines) {
    if (line === '') groups.push([]);
    else groups[groups.length - 1]!.push(line);
  }
  return groups.filter((g) => g.length > 0);
}

function frame(body: string, format: 'table' | 'md' | 'latex', options: FormatTablesOptions): string {
  const heading = options.heading?.replace(/\s*[\r\n]+\s*/g, ' ');
  const footer = options.footer ?? [];
  let head = '';
  let foot = '';
  switch (format) {
    case 'table':
      if (heading) head = `${heading}\n\n`;
      if (footer.length) foot = `\n${footer.join('\n')}\n`;
      break;
    case 'md':
      if (heading) head = `## ${heading}\n\n`;
      // Two trailing spaces: a Markdown line break inside a paragraph.
      if (footer.length) foot = `\n${paragraphs(footer).map((p) => p.map((l) => `${l}  `).join('\n')).join('\n\n')}\n`;
      break;
    case 'latex':
      if (heading) head = `% ${heading}\n% needs \\usepackage{booktabs}\n`;
      if (footer.length) foot = `\n${paragraphs(footer).map((p) => `\\noindent ${p.map(escapeLatex).join('\\\\\n')}`).join('\n\n')}\n`;
      break;
  }
  return head + body + foot;
}

/**
 * Several tables in one output: human formats one after another with a blank
 * line between, under the heading and above the footer; JSON one object
 * `{"tables":[{title, rows, footnotes}]}` (with `heading` and `footer` when
 * given); CSV only the first table (a CSV file holds one table: commands
 * offer a switch to pick another).
 */
export function formatTables(tables: readonly Table[], format: TableFormat, options: FormatTablesOptions = {}): string {
  if (format === 'json') {
    return formatJson({
      ...options.json,
      ...(options.heading !== undefined ? { heading: options.heading } : {}),
      tables: tables.map((t) => ({ title: t.title ?? null, rows: tableToRecords(t), footnotes: t.footnotes })),
      ...(options.footer !== undefined ? { footer: options.footer } : {}),
    });
  }
  if (format === 'csv') return tables[0] ? formatTable(tables[0], 'csv', options.csv) : '';
  return frame(tables.map((t) => formatTable(t, format)).join('\n'), format, options);
}
