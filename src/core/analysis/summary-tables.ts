import type { Column, Table } from '../format/table.js';
import { coderCaption, type CoderCoverage } from './coder-coverage.js';
import type { CooccurrenceRow } from './cooccurrence.js';
import type { FrequencyTable } from './frequency-table.js';
import type { CodeTheme } from './themes.js';

/**
 * The compact tables of the summary view (`--summary`, LaTeX's default): what
 * a paper prints, each fitting a page. The full tables are in
 * analysis-tables.ts.
 */

/** Groups beyond this many make the by-group table too wide for a page: the long table is shown instead. */
export const MAX_PIVOT_GROUPS = 6;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Codes down, groups across: "n (%)" of reviewed segments per group. Null when there are too many groups. */
export function frequencyPivotTable(ft: FrequencyTable, coder: string | CoderCoverage): Table | null {
  if (ft.by === null || ft.groups.length > MAX_PIVOT_GROUPS) return null;
  const byName = ft.by === 'doc' ? 'document' : ft.by;
  const keys: { category: string; code: string | null }[] = [];
  const cells = new Map<string, string>();
  for (const r of ft.rows) {
    const key = `${r.category}\u0000${r.code ?? ''}`;
    if (!keys.some((k) => k.category === r.category && k.code === r.code)) keys.push({ category: r.category, code: r.code });
    cells.set(`${key}\u0000${r.group}`, `${r.segments} (${percent(r.segment_share)})`);
  }
  return {
    title: coderCaption(`Codes by ${byName}: segments coded`, coder),
    columns: [
      { key: 'category', label: 'Category' },
      { key: 'code', label: 'Code' },
      ...ft.groups.map((g): Column => ({ key: String(g.group), label: `${g.group} (n = ${g.segments})`, align: 'right' })),
    ],
    rows: keys.map((k) => [
      k.category,
      k.code ?? '(any)',
      ...ft.groups.map((g) => cells.get(`${k.category}\u0000${k.code ?? ''}\u0000${g.group}`) ?? ''),
    ]),
    footnotes: [
      `Cells: reviewed segments with the code, n (% of the group's reviewed segments); n in the header: the group's reviewed segments.`,
      ...(ft.rows.some((r) => r.code === null) ? ['Code (any): segments with at least one code of the category.'] : []),
    ],
    view: 'summary',
  };
}

/**
 * Co-occurrence as a code × code matrix, codes numbered: below the diagonal
 * the segments coded with both codes, on it the segments with the code.
 */
export function cooccurrenceMatrixTable(rows: readonly CooccurrenceRow[], coder: string | CoderCoverage): Table {
  const codes: string[] = [];
  const size = new Map<string, number>();
  const both = new Map<string, number>();
  for (const r of rows) {
    for (const [c, n] of [
      [r.code_a, r.segments_a],
      [r.code_b, r.segments_b],
    ] as const) {
      if (!size.has(c)) codes.push(c);
      size.set(c, n);
    }
    both.set(`${r.code_a}\u0000${r.code_b}`, r.segments_both);
    both.set(`${r.code_b}\u0000${r.code_a}`, r.segments_both);
  }
  return {
    title: coderCaption('Code co-occurrence within segments', coder),
    columns: [
      { key: 'code', label: 'Code' },
      ...codes.map((_, j): Column => ({ key: String(j + 1), label: String(j + 1), kind: 'integer' })),
    ],
    rows: codes.map((c, i) => [
      `${i + 1} ${c}`,
      ...codes.map((d, j) => (j > i ? null : j === i ? (size.get(c) ?? 0) : (both.get(`${c}\u0000${d}`) ?? 0))),
    ]),
    footnotes: [
      'Below the diagonal: segments coded with both codes; on it: segments with the code. Jaccard coefficients and document-level counts: --detail.',
    ],
    view: 'summary',
  };
}

/** Per code, its first key terms in one cell. */
export function themeSummaryTable(themes: readonly CodeTheme[], terms = 6): Table {
  return {
    title: 'Key terms per code (log-likelihood G²)',
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'terms', label: 'Most distinctive terms' },
    ],
    rows: themes.map((t) => [t.code, t.terms.slice(0, terms).map((k) => k.term).join(', ') || '(none)']),
    footnotes: [`The ${terms} terms with the highest G² among segments with the code against the rest; all terms and counts: --detail.`],
    view: 'summary',
  };
}

/** Per code, its first exemplar quote. */
export function exemplarSummaryTable(themes: readonly CodeTheme[]): Table {
  return {
    title: 'An exemplar quote per code',
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'text', label: 'Quote' },
    ],
    rows: themes.filter((t) => t.exemplars.length > 0).map((t) => [t.code, `“${t.exemplars[0]!.text}” (${t.exemplars[0]!.segment_id})`]),
    footnotes: ['The segment with the most pattern matches for the code; more exemplars: --detail.'],
    view: 'summary',
  };
}
