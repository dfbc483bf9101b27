import { escapeLatex } from './escape-latex.js';
import { estimateLatexWidth, LATEX_FLOAT_HEIGHT, LATEX_TEXT_WIDTH } from './latex-width.js';
import { formatHumanCell, alignsRight, type Table } from './table.js';
import { appendAll, maxOf } from '../util/bulk-array.js';

/** How a table is set: column widths, which headers stack on two lines, and the type size. */
interface Layout {
  /** Width in points of a wrapped (p) column, null for a natural one. */
  wrap: (number | null)[];
  stack: boolean[];
  small: boolean;
  /** Estimated width in points. */
  width: number;
  fits: boolean;
}

/** A header split at the space that makes its longer line shortest. */
function splitHeader(label: string): [string, string] | null {
  const words = label.split(' ');
  if (words.length < 2) return null;
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const pair: [string, string] = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(estimateLatexWidth(pair[0]), estimateLatexWidth(pair[1]));
    if (w < bestWidth) [best, bestWidth] = [pair, w];
  }
  return best;
}

/**
 * Fits a table to the page width, trying in turn: as it is (long headers on
 * two lines); in \small with narrower column gaps; with the widest text
 * columns wrapped (ragged right, no narrower than 60 pt); both.
 */
function layout(table: Table, header: string[], body: string[][]): Layout {
  const attempt = (small: boolean, wrapText: boolean): Layout => {
    const size = small ? 9 : 10;
    const gap = (small ? 8 : 12) * (table.columns.length - 1);
    // Estimates run a little short of TeX's widths for symbols and math: keep 8% in hand.
    const est = (text: string) => estimateLatexWidth(text, size) * 1.08;
    const content = table.columns.map((_, j) => maxOf(0, body.map((r) => est(r[j]!))));
    const headerWidth = header.map((h) => est(h));
    const natural = content.map((c, j) => Math.max(c, headerWidth[j]!));
    const stack = table.columns.map(() => false);
    const wrap: (number | null)[] = table.columns.map(() => null);
    const total = () => natural.reduce((a, b) => a + b, 0) + gap;
    // Too wide: every header longer than its column's content goes on two lines (all of them, for an even header).
    const tooWide = total() > LATEX_TEXT_WIDTH;
    for (let j = 0; j < natural.length && tooWide; j++) {
      const split = splitHeader(header[j]!);
      if (!split || headerWidth[j]! <= content[j]!) continue;
      stack[j] = true;
      natural[j] = maxOf(content[j]!, split.map((s) => est(s)));
    }
    // A wrapped column is no narrower than 60 pt nor than its longest word (TeX breaks at spaces and after hyphens).
    const longestWord = table.columns.map((_, j) => maxOf(0, body.flatMap((r) => r[j]!.split(/\s+|(?<=-)/).map(est))));
    const candidates = wrapText ? table.columns.map((c, j) => j).filter((j) => !alignsRight(table.columns[j]!)) : [];
    candidates.sort((a, b) => natural[b]! - natural[a]!);
    for (const j of candidates) {
      const excess = total() - LATEX_TEXT_WIDTH;
      if (excess <= 0) break;
      const target = Math.max((60 * size) / 10, longestWord[j]!, natural[j]! - excess);
      if (target >= natural[j]!) continue;
      wrap[j] = target;
      natural[j] = target;
    }
    return { wrap, stack, small, width: total(), fits: total() <= LATEX_TEXT_WIDTH };
  };
  const tries: [boolean, boolean][] = [
    [false, false],
    [true, false],
    [false, true],
  ];
  for (const [small, wrapText] of tries) {
    const lay = attempt(small, wrapText);
    if (lay.fits) return lay;
  }
  return attempt(true, true);
}

function estimateHeight(table: Table, body: string[][], lay: Layout, notes: readonly string[]): number {
  const size = lay.small ? 9 : 10;
  const line = lay.small ? 11 : 12;
  const rows = body.reduce((sum, r) => {
    const lines = r.map((cell, j) => (lay.wrap[j] ? Math.ceil(estimateLatexWidth(cell, size) / lay.wrap[j]!) : 1));
    return sum + maxOf(1, lines) * line;
  }, 0);
  const noteWidth = Math.max(lay.width, 0.6 * LATEX_TEXT_WIDTH);
  const noteLines = notes.reduce((sum, n) => sum + Math.ceil(estimateLatexWidth(n, 8) / noteWidth), 0);
  return rows + (lay.stack.some(Boolean) ? 2 : 1) * line + 40 + (table.title ? 24 : 0) + noteLines * 9.5;
}

function headerCell(label: string, j: number, table: Table, lay: Layout): string {
  const split = lay.stack[j] ? splitHeader(label) : null;
  if (!split) return escapeLatex(label);
  const align = alignsRight(table.columns[j]!) ? 'r' : 'l';
  return `\\begin{tabular}[b]{@{}${align}@{}}${escapeLatex(split[0])}\\\\${escapeLatex(split[1])}\\end{tabular}`;
}

/**
 * A table as LaTeX for pdfLaTeX, XeLaTeX and LuaLaTeX with booktabs rules:
 * numbers right-aligned, every cell escaped, fitted to the page width (see
 * layout), notes (the table's footnotes, then `notes`) as table notes under
 * the rule in small type and as wide as the table. A table taller than a page
 * is a `longtable` (needs \usepackage{longtable}) that breaks across pages
 * and repeats its header; any other is a `table` float.
 */
export function formatLatexTable(table: Table, notes: readonly string[] = []): string {
  const header = table.columns.map((c) => c.label);
  const body = table.rows.map((r) => table.columns.map((c, j) => formatHumanCell(r[j] ?? null, c, '—')));
  const lay = layout(table, header, body);
  const allNotes = [...table.footnotes, ...notes];
  const spec = table.columns
    .map((c, j) => (lay.wrap[j] ? `p{${(lay.wrap[j]! / LATEX_TEXT_WIDTH).toFixed(3)}\\linewidth}` : alignsRight(c) ? 'r' : 'l'))
    .join('');
  // \raggedright in a p cell redefines \\, so such tables end rows with \tabularnewline.
  const end = lay.wrap.some((w) => w !== null) ? ' \\tabularnewline' : ' \\\\';
  const cell = (text: string, j: number) => (lay.wrap[j] ? `\\raggedright ${escapeLatex(text)}` : escapeLatex(text));
  const head = `${header.map((h, j) => headerCell(h, j, table, lay)).join(' & ')}${end}`;
  const rows = body.map((r) => `${r.map(cell).join(' & ')}${end}`);
  const size = lay.small ? ['\\small\\setlength{\\tabcolsep}{4pt}'] : [];
  const noteLines = allNotes.map((n) => `${escapeLatex(n)}\\par`);
  const caption = table.title ? `\\caption{${escapeLatex(table.title)}}` : null;

  if (estimateHeight(table, body, lay, allNotes) > LATEX_FLOAT_HEIGHT) {
    const lines = [
      ...(lay.small ? ['\\begingroup', ...size] : []),
      `\\begin{longtable}{@{}${spec}@{}}`,
      ...(caption ? [`${caption}\\tabularnewline`] : []),
      '\\toprule',
      head,
      '\\midrule',
      '\\endfirsthead',
      '\\toprule',
      head,
      '\\midrule',
      '\\endhead',
      '\\bottomrule',
      '\\endfoot',
      ...rows,
      '\\end{longtable}',
      ...(lay.small ? ['\\endgroup'] : []),
      ...(noteLines.length ? ['{\\raggedright\\footnotesize\\noindent', ...noteLines, '}'] : []),
    ];
    return `${lines.join('\n')}\n`;
  }
  const tabular = [`\\begin{tabular}{@{}${spec}@{}}`, '\\toprule', head, '\\midrule', ...rows, '\\bottomrule', '\\end{tabular}'];
  const lines = ['\\begin{table}[htbp]', '\\centering', ...(caption ? [caption] : []), ...size];
  if (noteLines.length === 0) appendAll(lines, tabular);
  else {
    // Notes as wide as the table (at least 60% of the line), as threeparttable sets them, without the package.
    lines.push('\\sbox0{%');
    appendAll(lines, tabular.slice(0, -1));
    lines.push(
      '\\end{tabular}}%',
      '\\begin{minipage}{\\ifdim\\wd0<.6\\linewidth .6\\linewidth\\else\\wd0\\fi}',
      '\\centering\\usebox0\\par\\smallskip',
      '\\raggedright\\footnotesize',
    );
    appendAll(lines, noteLines);
    lines.push('\\end{minipage}');
  }
  lines.push('\\end{table}');
  return `${lines.join('\n')}\n`;
}
