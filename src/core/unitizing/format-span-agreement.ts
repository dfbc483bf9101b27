import { formatCsv } from '../format/format-csv.js';
import { formatJson } from '../format/format-json.js';
import { formatTables } from '../format/format-table.js';
import type { Table, TableFormat } from '../format/table.js';
import type { SpanAgreementResult, SpanMetricKey, SpanScopeResult } from './compute-span-agreement.js';

export const UNITIZING_CITATIONS = [
  'Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the reliability of unitizing textual continua: Further developments. Quality & Quantity, 50(6), 2347–2364.',
  'Krippendorff, K. (2019). Content analysis: An introduction to its methodology (4th ed., §12.6). Sage.',
  'Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data. Quality & Quantity, 38(6), 787–800.',
];

const LABEL: Record<SpanMetricKey, string> = {
  u_alpha: 'uα',
  bar_u_alpha: '|uα',
  cu_alpha: 'cuα',
  cu_coverage: 'cuα covers',
  k_u_alpha: '(k)uα',
  percent_characters: '% characters agreed (NVivo)',
  kappa_characters: 'κ over characters (NVivo)',
  alpha_u_2004: 'αU (2004)',
};

function round(x: number): string {
  const s = x.toFixed(3);
  return /^-0\.0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** Numbered footnotes for undefined values, shared by all tables. */
class Footnotes {
  readonly list: string[] = [];
  cell(r: SpanScopeResult, key: SpanMetricKey): string {
    if (!(key in r.metrics)) return '';
    const v = r.metrics[key]!;
    if (v !== null) return key === 'cu_coverage' || key === 'percent_characters' ? `${(v * 100).toFixed(1)}%` : round(v);
    // One note per reason: the cell's row and column say where it applies.
    const text = r.notes.find((n) => n.startsWith(`${key}: `))?.slice(key.length + 2) ?? 'undefined';
    let i = this.list.indexOf(text);
    if (i < 0) i = this.list.push(text) - 1;
    return `— [${i + 1}]`;
  }
}

const value = (key: string, label: string) => ({ key, label, align: 'right' as const });
const FAMILY_KEYS = ['u_alpha', 'bar_u_alpha', 'cu_alpha', 'cu_coverage', 'alpha_u_2004'] as const;

/**
 * `agree --spans` output: the uα family per scope (all codes, each category),
 * then one row per code (its own unitizing, (k)uα within its category, and
 * NVivo's character-level figures for two coders); Krippendorff's 2004 αU
 * last in both, a column added after the others so theirs do not move.
 */
export function formatSpanAgreement(result: SpanAgreementResult, format: TableFormat): string {
  if (format === 'json') return formatJson(result);
  if (format === 'csv') {
    const rows = result.results.flatMap((r) => Object.entries(r.metrics).map(([k, v]) => [r.scope, r.id, k, v ?? null]));
    return formatCsv(['scope', 'id', 'metric', 'value'], rows);
  }
  const foot = new Footnotes();
  const families = result.results.filter((r) => r.scope !== 'code');
  const unused = new Set(result.unused);
  const codes = result.results.filter((r) => r.scope === 'code' && !unused.has(r.id));
  const two = result.coders.length === 2;
  const tables: Table[] = [
    {
      title: 'Unitizing and coding (Krippendorff’s uα family)',
      columns: [{ key: 'scope', label: 'Scope' }, ...FAMILY_KEYS.map((k) => value(k, LABEL[k]))],
      rows: families.map((r) => [r.scope === 'all' ? 'All codes' : `Category ${r.id}`, ...FAMILY_KEYS.map((k) => foot.cell(r, k))]),
      footnotes: [],
    },
    {
      title: 'Per code',
      columns: [
        { key: 'code', label: 'Code' },
        value('u_alpha', 'uα (code vs rest)'),
        value('k_u_alpha', '(k)uα'),
        ...(two ? [value('percent_characters', LABEL.percent_characters), value('kappa_characters', LABEL.kappa_characters)] : []),
        value('alpha_u_2004', LABEL.alpha_u_2004),
      ],
      rows: codes.map((r) => [
        r.id,
        foot.cell(r, 'u_alpha'),
        foot.cell(r, 'k_u_alpha'),
        ...(two ? [foot.cell(r, 'percent_characters'), foot.cell(r, 'kappa_characters')] : []),
        foot.cell(r, 'alpha_u_2004'),
      ]),
      footnotes: [],
    },
  ];
  const footer = [
    ...(foot.list.length ? ['Undefined values (—):', ...foot.list.map((t, i) => `[${i + 1}] ${t}`), ''] : []),
    ...(unused.size ? [`Not listed: ${unused.size} code(s) no coder applied.`] : []),
    'uα: where units begin and end and which code they get, gaps included; |uα: coded against uncoded text, codes ignored; cuα: the codes given to text every coder coded (cuα covers: that share of the pairable text); (k)uα: one code within cuα. A code alone: its spans against the rest of the text.',
    ...(two ? ['% characters agreed and κ over characters are the figures NVivo’s coding comparison reports (characters as units, chance-corrected by Cohen’s κ), given for comparison; they ignore where units begin and end.'] : []),
    'αU (2004): Krippendorff’s earlier unitizing α, given to compare with published figures and DKPro Statistics: each code’s units against its gaps, by how far the ends of units lie apart; one code at a time (a scope pools them, 1 − ΣDo/ΣDe), so codes may overlap. Krippendorff’s later work (2016, 2019) uses the uα family instead.',
    'Krippendorff’s α: ≥ .800 reliable, ≥ .667 tentative conclusions only (Krippendorff 2004, p. 241).',
    ...UNITIZING_CITATIONS,
  ];
  const heading = `Agreement on spans: ${result.coders.length} coders (${result.coders.join(', ')}), ${result.documents.length} document(s), ${result.length} characters`;
  return formatTables(tables, format, { heading, footer });
}
