import type { Table } from '../format/table.js';
import { coderCaption, coverageJson, type CoderCoverage } from './coder-coverage.js';
import type { CooccurrenceRow } from './cooccurrence.js';
import type { FrequencyTable } from './frequency-table.js';
import type { KwicLine } from './kwic.js';
import type { CodeTheme } from './themes.js';
import { frequencyPivotTable, MAX_PIVOT_GROUPS } from './summary-tables.js';

/** Tables of the analysis commands, for the shared formatters (src/core/format/format-table.ts). */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function frequencyRowsTable(ft: FrequencyTable, coder: string | CoderCoverage): Table {
  const grouped = ft.by !== null;
  return {
    title: coderCaption(grouped ? `Codes by ${ft.by === 'doc' ? 'document' : ft.by}` : 'Code frequencies', coder),
    columns: [
      ...(grouped ? [{ key: 'group', label: ft.by === 'doc' ? 'Document' : ft.by! }] : []),
      { key: 'category', label: 'Category' },
      { key: 'code', label: 'Code' },
      { key: 'segments', label: 'Segments', kind: 'integer' as const },
      { key: 'segment_share', label: '% segments', kind: 'share' as const },
      // By many groups (the long table is the summary then), the document counts make it too wide for a page.
      { key: 'documents', label: 'Documents', kind: 'integer' as const, detail: grouped },
      { key: 'document_share', label: '% documents', kind: 'share' as const, detail: grouped },
    ],
    rows: ft.rows.map((r) => [
      ...(grouped ? [r.group] : []),
      r.category,
      r.code ?? '(any)',
      r.segments,
      r.segment_share,
      r.documents,
      r.document_share,
    ]),
    footnotes: [
      `Base: reviewed segments and their documents (${ft.groups
        .map((g) => `${g.group === null ? '' : `${g.group}: `}${plural(g.segments, 'segment')} in ${plural(g.documents, 'document')}`)
        .join('; ')}).`,
      ...(ft.rows.some((r) => r.code === null) ? ['Code (any): segments with at least one code of the category.'] : []),
    ],
    // By a few groups, the summary view has the pivot (frequencyPivotTable) instead.
    ...(grouped && ft.groups.length <= MAX_PIVOT_GROUPS ? { view: 'full' as const } : {}),
  };
}

import type { KeynessForm } from './log-likelihood-keyness.js';
import { CRAMERS_V_RESAMPLES, CRAMERS_V_SEED } from './presence-test.js';

export function presenceTestsTable(ft: FrequencyTable): Table {
  return {
    title: `Presence by ${ft.by === 'doc' ? 'document' : ft.by}: χ² tests of independence`,
    columns: [
      { key: 'category', label: 'Category' },
      { key: 'code', label: 'Code' },
      { key: 'chi2', label: 'χ²', kind: 'number', digits: 2 },
      { key: 'df', label: 'df', kind: 'integer' },
      { key: 'p', label: 'p', kind: 'p' },
      { key: 'cramers_v', label: 'Cramér’s V', kind: 'number', digits: 3 },
      { key: 'cramers_v_ci', label: 'V 95% CI', detail: true },
      { key: 'fisher_p', label: 'Fisher p', kind: 'p', detail: ft.groups.length !== 2 },
      { key: 'warning', label: 'Note', detail: true },
    ],
    rows: ft.tests.map((t) => [
      t.category,
      t.code ?? '(any)',
      t.chi2,
      t.df,
      t.p,
      t.cramers_v,
      t.cramers_v_ci ? `[${t.cramers_v_ci[0].toFixed(3)}, ${t.cramers_v_ci[1].toFixed(3)}]` : '',
      t.fisher_p,
      t.warning ?? '',
    ]),
    summaryFootnotes: approximateNote(ft),
    footnotes: [
      ft.testUnit === 'doc'
        ? `Unit tested: the document. Pearson χ² on the ${ft.groups.length} × 2 table of ${ft.by} by presence in the document (any reviewed segment carries the code), no continuity correction, also for 2 × 2 tables (as R chisq.test(correct = FALSE) and scipy chi2_contingency(correction = False)); Cramér’s V = √(χ²/(n·(k−1))).`
        : `Unit tested: the segment. Pearson χ² on the ${ft.groups.length} × 2 table of ${ft.by} by presence in reviewed segments, no continuity correction; Cramér’s V = √(χ²/(n·(k−1))). Segments of one document are not independent draws: when codes cluster in documents these p-values are too small; --test-unit doc tests documents instead.`,
      `V 95% CI: percentile bootstrap, ${CRAMERS_V_RESAMPLES} resamples of the tested units (seed ${CRAMERS_V_SEED}).`,
      'Fisher p: two-sided exact test (R fisher.test), given for two groups only; read it rather than χ² when an expected count is under 5.',
    ],
  };
}

/**
 * The tables `qcode freq` prints: with --by, the codes × groups pivot (summary
 * view), the long table and the tests; `tests` alone, only the tests table.
 */
export function frequencyTables(ft: FrequencyTable, coder: string | CoderCoverage, opts: { tests: boolean }): Table[] {
  if (opts.tests) return ft.by ? [presenceTestsTable(ft)] : [];
  const pivot = frequencyPivotTable(ft, coder);
  return [...(pivot ? [pivot] : []), frequencyRowsTable(ft, coder), ...(ft.by ? [presenceTestsTable(ft)] : [])];
}

/** Which tests the summary view (no Note column) must flag as approximate or untested. */
function approximateNote(ft: FrequencyTable): string[] {
  const name = (t: FrequencyTable['tests'][number]) => t.code ?? `${t.category} (any)`;
  const approx = ft.tests.filter((t) => t.chi2 !== null && t.warning);
  const untested = ft.tests.filter((t) => t.chi2 === null);
  return [
    ...(approx.length ? [`Expected counts under 5 (p approximate): ${approx.map(name).join(', ')}.`] : []),
    ...(untested.length ? [`Not tested: ${untested.map((t) => `${name(t)} (${(t.warning ?? '').replace(/^not tested: /, '')})`).join(', ')}.`] : []),
  ];
}

/** The JSON of `qcode freq`: rows and tests; tests carry `category`, `fisher_p` and `warning` beyond the core five. */
export function frequencyJson(ft: FrequencyTable, coverage?: CoderCoverage): { rows: unknown[]; tests: unknown[] } {
  return {
    ...(coverage ? coverageJson(coverage) : {}),
    // The group sizes and the unit the tests count: enough to rebuild every tested table.
    ...(ft.by ? { test_unit: ft.testUnit, groups: ft.groups } : {}),
    rows: ft.rows.map((r) => ({
      group: r.group,
      category: r.category,
      code: r.code,
      segments: r.segments,
      segment_share: r.segment_share,
      documents: r.documents,
      document_share: r.document_share,
    })),
    tests: ft.tests.map((t) => ({
      code: t.code,
      chi2: t.chi2,
      df: t.df,
      p: t.p,
      cramers_v: t.cramers_v,
      cramers_v_ci: t.cramers_v_ci,
      category: t.category,
      fisher_p: t.fisher_p,
      warning: t.warning,
    })),
  };
}

export function cooccurrenceTable(rows: readonly CooccurrenceRow[], coder: string | CoderCoverage): Table {
  return {
    title: coderCaption('Code co-occurrence', coder),
    columns: [
      { key: 'code_a', label: 'Code A' },
      { key: 'code_b', label: 'Code B' },
      { key: 'segments_a', label: 'Seg. A', kind: 'integer' },
      { key: 'segments_b', label: 'Seg. B', kind: 'integer' },
      { key: 'segments_both', label: 'Seg. both', kind: 'integer' },
      { key: 'segment_jaccard', label: 'Seg. Jaccard', kind: 'number', digits: 3 },
      { key: 'documents_a', label: 'Doc. A', kind: 'integer' },
      { key: 'documents_b', label: 'Doc. B', kind: 'integer' },
      { key: 'documents_both', label: 'Doc. both', kind: 'integer' },
      { key: 'document_jaccard', label: 'Doc. Jaccard', kind: 'number', digits: 3 },
    ],
    rows: rows.map((r) => [
      r.code_a,
      r.code_b,
      r.segments_a,
      r.segments_b,
      r.segments_both,
      r.segment_jaccard,
      r.documents_a,
      r.documents_b,
      r.documents_both,
      r.document_jaccard,
    ]),
    footnotes: ['Jaccard = both / (A + B − both); empty when neither code occurs.'],
    view: 'full',
  };
}

export function kwicTable(lines: readonly KwicLine[]): Table {
  return {
    columns: [
      { key: 'segment_id', label: 'Segment' },
      { key: 'left', label: 'Left' },
      { key: 'keyword', label: 'Keyword' },
      { key: 'right', label: 'Right' },
      { key: 'pattern', label: 'Pattern' },
      { key: 'start', label: 'Start', kind: 'integer' },
      { key: 'end', label: 'End', kind: 'integer' },
    ],
    rows: lines.map((l) => [l.segment_id, l.left, l.keyword, l.right, l.pattern, l.start, l.end]),
    footnotes: [],
  };
}

export function themeTermsTable(themes: readonly CodeTheme[], form: KeynessForm = 'two-cell'): Table {
  const how =
    form === 'dunning'
      ? 'G²: Dunning’s (1993) log-likelihood over the full 2 × 2 table (the term and the other tokens, in the code’s segments and the rest).'
      : 'G²: the two-cell log-likelihood of Rayson & Garside (2000), the term’s own frequencies against their expectations; --keyness dunning for Dunning’s (1993) full 2 × 2 table.';
  return {
    title: 'Key terms per code (log-likelihood G², segments with the code vs the rest)',
    columns: [
      { key: 'category', label: 'Category' },
      { key: 'code', label: 'Code' },
      { key: 'rank', label: 'Rank', kind: 'integer' },
      { key: 'term', label: 'Term' },
      { key: 'freq_code', label: 'Freq. code', kind: 'integer' },
      { key: 'freq_rest', label: 'Freq. rest', kind: 'integer' },
      { key: 'g2', label: 'G²', kind: 'number', digits: 2 },
    ],
    rows: themes.flatMap((t) => t.terms.map((k, i) => [t.category, t.code, i + 1, k.term, k.freq_code, k.freq_rest, k.g2])),
    footnotes: [how, 'G² > 3.84 is p < 0.05 and G² > 10.83 is p < 0.001 for one term (1 df), before any correction for many terms.'],
    view: 'full',
  };
}

export function themeExemplarsTable(themes: readonly CodeTheme[]): Table {
  return {
    title: 'Exemplar quotes per code',
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'rank', label: 'Rank', kind: 'integer' },
      { key: 'segment_id', label: 'Segment' },
      { key: 'matches', label: 'Matches', kind: 'integer' },
      { key: 'keyness', label: 'Keyness', kind: 'number', digits: 2 },
      { key: 'text', label: 'Text' },
    ],
    rows: themes.flatMap((t) => t.exemplars.map((e, i) => [t.code, i + 1, e.segment_id, e.matches, e.keyness, e.text])),
    footnotes: ['Ranked by pattern matches for the code, then mean G² of the segment’s tokens among the code’s key terms.'],
    view: 'full',
  };
}
