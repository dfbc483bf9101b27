/**
 * A Table is what an analysis command hands to the formatters: the same value
 * becomes an aligned terminal table, CSV, Markdown, LaTeX or JSON. Cells keep
 * full precision; only the human formats (table, md, latex) round, by column kind.
 */
export type Cell = string | number | null;

/**
 * How a column's numbers read in human formats: `integer` as is, `number` to
 * `digits` decimals (default 2), `share` a proportion shown as a percentage
 * with one decimal, `p` a p-value to three decimals or `<0.001`.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'share' | 'p';

export interface Column {
  /** Machine name: CSV header and JSON key. */
  key: string;
  /** Human header for table, md and latex. */
  label: string;
  kind?: ColumnKind;
  digits?: number;
  /**
   * Alignment in human formats; by default numbers right, text left. `right`
   * suits text cells that hold preformatted numbers ("0.484", "[0.214, 0.755]", "—").
   */
  align?: 'left' | 'right';
  /** Only in the full view: left out of the summary a paper prints (`--summary`, LaTeX's default). */
  detail?: boolean;
}

/**
 * The two views of an analysis command's output in human formats: `full`
 * (every table and column; the terminal's and Markdown's default) and
 * `summary` (the compact tables a paper reports; LaTeX's default, so that
 * every table fits a page). CSV and JSON always carry the full view.
 */
export type TableView = 'summary' | 'full';

export interface Table {
  /** Caption above the table in human formats. */
  title?: string;
  columns: Column[];
  rows: Cell[][];
  /** Notes under the table in human formats (and a `footnotes` array in JSON). */
  footnotes: string[];
  /** Shown only in this view; absent: in both. */
  view?: TableView;
  /** Notes added in the summary view, for what its left-out columns said. */
  summaryFootnotes?: string[];
}

/** The tables and columns of one view. */
export function selectView(tables: readonly Table[], view: TableView): Table[] {
  return tables
    .filter((t) => t.view === undefined || t.view === view)
    .map((t) => {
      if (view === 'full') return t;
      const keep = t.columns.map((c) => !c.detail);
      return {
        ...t,
        columns: t.columns.filter((_, j) => keep[j]),
        rows: t.rows.map((r) => r.filter((_, j) => keep[j])),
        footnotes: [...t.footnotes, ...(t.summaryFootnotes ?? [])],
      };
    });
}

export const TABLE_FORMATS = ['table', 'csv', 'md', 'latex', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A cell rounded for people; `missing` stands for null. */
export function formatHumanCell(value: Cell, column: Column, missing: string): string {
  if (value === null) return missing;
  if (typeof value === 'string') return value.replace(/\s*[\r\n]+\s*/g, ' ');
  switch (column.kind ?? 'text') {
    case 'integer':
      return String(value);
    case 'share':
      return `${(value * 100).toFixed(column.digits ?? 1)}%`;
    case 'p':
      return value < 0.001 ? '<0.001' : value.toFixed(column.digits ?? 3);
    case 'number':
      return value.toFixed(column.digits ?? 2);
    default:
      return String(value);
  }
}

function isNumericColumn(column: Column): boolean {
  return column.kind !== undefined && column.kind !== 'text';
}

export function alignsRight(column: Column): boolean {
  return column.align ? column.align === 'right' : isNumericColumn(column);
}
