import { LATEX_GLYPH_MACRO } from './escape-latex.js';
import { formatCsv, type CsvOptions } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatLatexTable } from './format-latex-table.js';
import { formatMarkdownTable } from './format-markdown-table.js';
import { formatTextTable } from './format-text-table.js';
import { selectView, type Table, type TableFormat, type TableView } from './table.js';

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
  /** Which view human formats print (default full); CSV and JSON always carry the full view. */
  view?: TableView;
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

/**
 * The head of a LaTeX output: what it is, and what its preamble needs. Only
 * the kernel, booktabs and (for a table taller than a page) longtable.
 */
function latexHead(heading: string | undefined, body: string): string {
  const packages = ['booktabs', ...(body.includes('\\begin{longtable}') ? ['longtable'] : [])];
  const lines = [
    ...(heading ? [`% ${heading}`] : []),
    `% Preamble: \\usepackage{${packages.join(',')}}. Compiles with pdfLaTeX, XeLaTeX and LuaLaTeX.`,
    ...(body.includes('\\qcodeglyph') ? ['% Characters pdfLaTeX has no glyph for print as ? there, as themselves under XeLaTeX/LuaLaTeX.', LATEX_GLYPH_MACRO] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function frame(tables: readonly Table[], format: 'table' | 'md' | 'latex', options: FormatTablesOptions): string {
  const heading = options.heading?.replace(/\s*[\r\n]+\s*/g, ' ');
  const footer = options.footer ?? [];
  if (format === 'latex') {
    // The shared notes are the last table's notes: LaTeX keeps notes with their table.
    const notes = footer.filter((l) => l !== '');
    const body = tables.map((t, i) => formatLatexTable(t, i === tables.length - 1 ? notes : [])).join('\n');
    return latexHead(heading, body) + body;
  }
  const body = tables.map((t) => formatTable(t, format)).join('\n');
  let head = '';
  let foot = '';
  if (format === 'table') {
    if (heading) head = `${heading}\n\n`;
    if (footer.length) foot = `\n${footer.join('\n')}\n`;
  } else {
    if (heading) head = `## ${heading}\n\n`;
    // Two trailing spaces: a Markdown line break inside a paragraph.
    if (footer.length) foot = `\n${paragraphs(footer).map((p) => p.map((l) => `${l}  `).join('\n')).join('\n\n')}\n`;
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
export function formatTables(all: readonly Table[], format: TableFormat, options: FormatTablesOptions = {}): string {
  const tables = selectView(all, format === 'csv' || format === 'json' ? 'full' : (options.view ?? 'full'));
  if (format === 'json') {
    return formatJson({
      ...options.json,
      ...(options.heading !== undefined ? { heading: options.heading } : {}),
      tables: tables.map((t) => ({ title: t.title ?? null, rows: tableToRecords(t), footnotes: t.footnotes })),
      ...(options.footer !== undefined ? { footer: options.footer } : {}),
    });
  }
  if (format === 'csv') return tables[0] ? formatTable(tables[0], 'csv', options.csv) : '';
  return frame(tables, format, options);
}
