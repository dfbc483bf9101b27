import { escapeLatex } from './escape-latex.js';
import { formatHumanCell, alignsRight, type Table } from './table.js';

/**
 * A LaTeX `table` float with a booktabs `tabular` (needs \usepackage{booktabs}):
 * caption from the title, numbers right-aligned, every cell escaped, notes in
 * small type under the rule.
 */
export function formatLatexTable(table: Table): string {
  const spec = table.columns.map((c) => (alignsRight(c) ? 'r' : 'l')).join('');
  const row = (cells: string[]) => `${cells.map(escapeLatex).join(' & ')} \\\\`;
  const lines = ['\\begin{table}[htbp]', '\\centering'];
  if (table.title) lines.push(`\\caption{${escapeLatex(table.title)}}`);
  lines.push(
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    row(table.columns.map((c) => c.label)),
    '\\midrule',
    ...table.rows.map((r) => row(table.columns.map((c, j) => formatHumanCell(r[j] ?? null, c, '---')))),
    '\\bottomrule',
    '\\end{tabular}',
  );
  if (table.footnotes.length > 0) {
    lines.push('\\par\\smallskip\\footnotesize');
    lines.push(table.footnotes.map(escapeLatex).join(' \\\\\n'));
  }
  lines.push('\\end{table}');
  return `${lines.join('\n')}\n`;
}
