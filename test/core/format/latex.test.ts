import { describe, expect, it } from 'vitest';
import { escapeLatex } from '../../../src/core/format/escape-latex.js';
import { formatLatexTable } from '../../../src/core/format/format-latex-table.js';
import { formatTables } from '../../../src/core/format/format-table.js';
import { selectView, type Table } from '../../../src/core/format/table.js';

describe('escapeLatex', () => {
  it('sets Greek letters, scripts and symbols as math', () => {
    expect(escapeLatex('χ² = 4.2')).toBe('$\\chi^{2}$ = 4.2');
    expect(escapeLatex('10⁻³, x₁')).toBe('10$^{-3}$, x$_{1}$');
    expect(escapeLatex('Δ ≤ 1 → ±√2 · 3')).toBe('$\\Delta$ $\\leq$ 1 $\\rightarrow$ $\\pm$$\\surd$2 $\\cdot$ 3');
    expect(escapeLatex('Κ')).toBe('$\\mathrm{K}$');
  });

  it('keeps a [ from being read as an optional argument, and -- from joining into a dash', () => {
    expect(escapeLatex('[1] a--b')).toBe('{[}1{]} a-{}-b');
    expect(escapeLatex('| < >')).toBe('$|$ $<$ $>$');
  });

  it('passes accented Latin letters and typographic punctuation pdfLaTeX sets, converts the quotes it cannot', () => {
    expect(escapeLatex('Sheinbaum–Trump: “sí”, año, ¿qué? Cohen’s')).toBe('Sheinbaum–Trump: “sí”, año, ¿qué? Cohen’s');
    expect(escapeLatex('«no»')).toBe('\\textquotedblleft{}no\\textquotedblright{}');
  });

  it('wraps a character pdfLaTeX has no glyph for, with the base letter or ? as its fallback', () => {
    expect(escapeLatex('Ąb')).toBe('\\qcodeglyph{Ą}{A}b');
    expect(escapeLatex('Ж😀')).toBe('\\qcodeglyph{Ж}{?}\\qcodeglyph{😀}{?}');
  });

  it('turns white space into spaces and drops control and format characters', () => {
    expect(escapeLatex('a\tb\nc\u200bd\u0007e')).toBe('a b cde');
  });
});

const long = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('formatLatexTable fits the page', () => {
  it('wraps a long text column into a ragged p column and ends rows with \\tabularnewline', () => {
    const t: Table = { columns: [{ key: 'id', label: 'Id' }, { key: 'quote', label: 'Quote' }], rows: [['a', long(60)]], footnotes: [] };
    const tex = formatLatexTable(t);
    expect(tex).toMatch(/\\begin\{tabular\}\{@\{\}lp\{0\.\d+\\linewidth\}@\{\}\}/);
    expect(tex).toContain('a & \\raggedright word0');
    expect(tex).toContain('\\tabularnewline');
  });

  it('sets a table taller than a page as a longtable with a repeated header', () => {
    const t: Table = { title: 'Tall', columns: [{ key: 'n', label: 'n', kind: 'integer' }], rows: Array.from({ length: 80 }, (_, i) => [i]), footnotes: ['a note'] };
    const tex = formatLatexTable(t);
    expect(tex).toContain('\\begin{longtable}{@{}r@{}}');
    expect(tex).toContain('\\endfirsthead');
    expect(tex).toContain('\\endhead');
    expect(tex).toContain('a note\\par');
    expect(formatTables([t], 'latex')).toContain('% Preamble: \\usepackage{booktabs,longtable}.');
  });

  it('keeps a narrow table a float, its notes in a box as wide as the table', () => {
    const t: Table = { title: 'Small', columns: [{ key: 'n', label: 'n', kind: 'integer' }], rows: [[1]], footnotes: ['[1] note'] };
    const tex = formatLatexTable(t);
    expect(tex).toContain('\\begin{table}[htbp]');
    expect(tex).toContain('\\sbox0{%');
    expect(tex).toContain('{[}1{]} note\\par');
  });
});

describe('table views', () => {
  const t: Table = {
    columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B', detail: true }],
    rows: [['x', 'y']],
    footnotes: ['always'],
    summaryFootnotes: ['only in the summary'],
  };
  const fullOnly: Table = { ...t, view: 'full' };
  const summaryOnly: Table = { ...t, view: 'summary' };

  it('drops detail columns and full-view tables from the summary, and adds its notes', () => {
    const [s, ...rest] = selectView([t, fullOnly, summaryOnly], 'summary');
    expect(rest).toHaveLength(1);
    expect(s!.columns.map((c) => c.key)).toEqual(['a']);
    expect(s!.rows).toEqual([['x']]);
    expect(s!.footnotes).toEqual(['always', 'only in the summary']);
  });

  it('keeps CSV and JSON on the full view whatever the view asked for', () => {
    expect(formatTables([summaryOnly, t], 'csv', { view: 'summary' })).toBe('a,b\nx,y\n');
    expect(JSON.parse(formatTables([summaryOnly, t], 'json', { view: 'summary' })).tables).toHaveLength(1);
  });
});
