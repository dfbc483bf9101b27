import { describe, expect, it } from 'vitest';
import { formatTable, formatTables } from '../../../src/core/format/format-table.js';
import { formatCsv } from '../../../src/core/format/format-csv.js';
import { escapeLatex } from '../../../src/core/format/escape-latex.js';
import type { Table } from '../../../src/core/format/table.js';

const table: Table = {
  title: 'Codes by type',
  columns: [
    { key: 'code', label: 'Code' },
    { key: 'segments', label: 'n', kind: 'integer' },
    { key: 'share', label: '%', kind: 'share' },
    { key: 'p', label: 'p', kind: 'p' },
  ],
  rows: [
    ['tariffs', 12, 0.123456, 0.0004],
    ['a|b & c_d', 3, 1 / 3, null],
  ],
  footnotes: ['Shares are of reviewed segments.'],
};

describe('formatTable', () => {
  it('aligns a terminal table: text left, numbers right, rounded', () => {
    expect(formatTable(table, 'table')).toBe(
      [
        'Codes by type',
        '',
        'Code        n      %       p',
        '---------  --  -----  ------',
        'tariffs    12  12.3%  <0.001',
        'a|b & c_d   3  33.3%       —',
        '',
        'Shares are of reviewed segments.',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV with column keys and unrounded numbers, null empty', () => {
    expect(formatTable(table, 'csv')).toBe('code,segments,share,p\ntariffs,12,0.123456,0.0004\na|b & c_d,3,0.3333333333333333,\n');
  });

  it('escapes pipes in Markdown and right-aligns numbers', () => {
    const md = formatTable(table, 'md');
    expect(md).toContain('| Code | n | % | p |\n| --- | ---: | ---: | ---: |');
    expect(md).toContain('| a\\|b & c_d | 3 | 33.3% | — |');
  });

  it('escapes LaTeX specials and uses booktabs', () => {
    const tex = formatTable(table, 'latex');
    expect(tex).toContain('\\begin{tabular}{@{}lrrr@{}}');
    expect(tex).toContain('\\toprule\nCode & n & \\% & p \\\\\n\\midrule');
    expect(tex).toContain('a$|$b \\& c\\_d & 3 & 33.3\\% & — \\\\');
    expect(tex).toContain('tariffs & 12 & 12.3\\% & $<$0.001 \\\\');
    expect(escapeLatex('\\&%$#_{}~^')).toBe('\\textbackslash{}\\&\\%\\$\\#\\_\\{\\}\\textasciitilde{}\\textasciicircum{}');
  });

  it('gives JSON records keyed by column with full precision', () => {
    expect(JSON.parse(formatTable(table, 'json'))).toEqual({
      rows: [
        { code: 'tariffs', segments: 12, share: 0.123456, p: 0.0004 },
        { code: 'a|b & c_d', segments: 3, share: 1 / 3, p: null },
      ],
      footnotes: ['Shares are of reviewed segments.'],
    });
    expect(JSON.parse(formatTables([table, table], 'json')).tables).toHaveLength(2);
  });
});

describe('preformatted cells and a shared footer', () => {
  const estimates: Table = {
    title: 'Estimates',
    columns: [
      { key: 'coefficient', label: 'Coefficient' },
      { key: 'ci', label: '95% CI', align: 'right' },
      { key: 'note', label: 'Note', kind: 'integer', align: 'left' },
    ],
    rows: [
      ['κ', '[−0.707, 1.040]', 1],
      ['α', '— [1]', 22],
    ],
    footnotes: [],
  };
  const options = { heading: 'Reliability', footer: ['[1] α undefined', '', 'Cited: Landis & Koch'] };

  it('aligns a column by its align setting, not by its kind', () => {
    expect(formatTable(estimates, 'table')).toContain(
      ['Coefficient           95% CI  Note', '-----------  ---------------  ----', 'κ            [−0.707, 1.040]  1', 'α                      — [1]  22'].join('\n'),
    );
    expect(formatTable(estimates, 'md')).toContain('| --- | ---: | --- |');
    expect(formatTable(estimates, 'latex')).toContain('\\begin{tabular}{@{}lrl@{}}');
  });

  it('prints the heading once above and the footer once below several tables', () => {
    const text = formatTables([estimates, estimates], 'table', options);
    expect(text.startsWith('Reliability\n\nEstimates\n')).toBe(true);
    expect(text.endsWith('α                      — [1]  22\n\n[1] α undefined\n\nCited: Landis & Koch\n')).toBe(true);
    expect(text.split('Reliability')).toHaveLength(2);
    const md = formatTables([estimates], 'md', options);
    expect(md.startsWith('## Reliability\n\n**Estimates**')).toBe(true);
    expect(md.endsWith('| α | — [1] | 22 |\n\n[1] α undefined  \n\nCited: Landis & Koch  \n')).toBe(true);
    const tex = formatTables([estimates], 'latex', options);
    expect(tex.startsWith('% Reliability\n% Preamble: \\usepackage{booktabs}. Compiles with pdfLaTeX, XeLaTeX and LuaLaTeX.\n\\begin{table}')).toBe(true);
    // The shared footer becomes the last table's notes: no \\ before a [ (pdfLaTeX's "Illegal unit of measure").
    expect(tex).toContain('\\raggedright\\footnotesize\n{[}1{]} $\\alpha$ undefined\\par\nCited: Landis \\& Koch\\par\n\\end{minipage}\n\\end{table}\n');
    expect(tex).not.toMatch(/\\\\\s*\[/);
  });

  it('adds heading and footer to JSON only when given, and leaves CSV alone', () => {
    expect(JSON.parse(formatTables([estimates], 'json', options))).toMatchObject({ heading: 'Reliability', footer: options.footer });
    expect(Object.keys(JSON.parse(formatTables([estimates], 'json')))).toEqual(['tables']);
    expect(formatTables([estimates], 'csv', options)).toBe(formatTable(estimates, 'csv'));
  });

  it('escapes the Greek letters, ≥ and the minus sign of reliability tables as inline math', () => {
    expect(escapeLatex('κ π α ≥ −0.1')).toBe('$\\kappa$ $\\pi$ $\\alpha$ $\\geq$ $-$0.1');
  });
});

describe('formatCsv --excel', () => {
  const rows = [['=SUM(A1)', '+1', '-x', '@cmd', '\tTab', 'plain', -3]];
  it('adds a BOM and neutralises formula-looking text cells, not numbers (+1 written as text is a number)', () => {
    expect(formatCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows, { excel: true })).toBe(
      "\uFEFFa,b,c,d,e,f,g\n'=SUM(A1),+1,'-x,'@cmd,'\tTab,plain,-3\n",
    );
  });
  it('keeps text as it is by default', () => {
    expect(formatCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows)).toBe('a,b,c,d,e,f,g\n=SUM(A1),+1,-x,@cmd,"\tTab",plain,-3\n');
  });
});
