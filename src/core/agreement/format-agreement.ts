import { formatCsv } from '../format/format-csv.js';
import { formatJson } from '../format/format-json.js';
import { formatTables } from '../format/format-table.js';
import type { Column, Table, TableFormat, TableView } from '../format/table.js';
import type { AgreementResult, CoefficientKey, MetricKey, MetricValue, ScopeResult } from './agreement-result.js';
import { METRIC_KEYS } from './agreement-result.js';
import { interpretMetric, KRIPPENDORFF_CITATION, LANDIS_KOCH_CITATION } from './interpret-agreement.js';
import { intervalOf, isBootstrapInterval } from './metric-interval.js';
import type { Level } from './ratings-table.js';

export interface FormatAgreementOptions {
  /** The level α was computed at, named in headings. */
  level: Level;
  /** `summary`: the one table a paper reports; `full` (default): every table. */
  view?: TableView;
}

/** Coefficient rows of a detail table, each with the keys of its SE, intervals and z. */
interface Row {
  key: MetricKey;
  se?: MetricKey;
  ci?: MetricKey;
  boot?: MetricKey;
  z?: MetricKey;
}
const coefficientRow = (key: CoefficientKey, z?: MetricKey): Row => ({
  key,
  se: `${key}_se`,
  ci: `${key}_ci`,
  boot: `${key}_boot_ci`,
  ...(z ? { z } : {}),
});
const ROWS: Row[] = [
  coefficientRow('percent_agreement'),
  coefficientRow('cohen_kappa', 'cohen_kappa_z'),
  coefficientRow('kappa_linear'),
  coefficientRow('kappa_quadratic'),
  coefficientRow('scott_pi'),
  coefficientRow('fleiss_kappa', 'fleiss_kappa_z'),
  coefficientRow('mean_pairwise_cohen_kappa'),
  coefficientRow('krippendorff_alpha'),
  coefficientRow('gwet_ac1'),
  coefficientRow('brennan_prediger'),
  { key: 'prevalence_index' },
  { key: 'bias_index' },
];

function label(key: MetricKey, level: Level, result: ScopeResult): string {
  switch (key) {
    case 'percent_agreement':
      return 'Percent agreement';
    case 'cohen_kappa':
      return 'Cohen’s κ';
    case 'kappa_linear':
      return 'Weighted κ, linear';
    case 'kappa_quadratic':
      return 'Weighted κ, quadratic';
    case 'scott_pi':
      return 'Scott’s π';
    case 'fleiss_kappa':
      return 'Fleiss’ κ';
    case 'mean_pairwise_cohen_kappa':
      return 'Mean pairwise Cohen’s κ';
    case 'krippendorff_alpha':
      return `Krippendorff’s α, ${level}`;
    case 'gwet_ac1':
      return 'Gwet’s AC1';
    case 'brennan_prediger':
      return result.confusion?.categories.length === 2 ? 'Brennan–Prediger (PABAK)' : 'Brennan–Prediger';
    case 'prevalence_index':
      return 'Prevalence index';
    case 'bias_index':
      return 'Bias index';
    default:
      return key;
  }
}

const SCOPE_TITLE: Record<ScopeResult['scope'], string> = {
  code: 'Code',
  category: 'Category',
  pooled: 'Pooled',
  mean: 'Mean of codes',
  variable: 'Variable',
};

function round(x: number, digits = 3): string {
  const s = x.toFixed(digits);
  // No "-0.000": a value that rounds to zero is printed as zero.
  return /^-0\.0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** Footnotes for undefined values, numbered across the whole output. */
class Footnotes {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  /** The marker for a key's null in a result: the number of the note that names it. */
  mark(result: ScopeResult, key: MetricKey): string {
    const note = result.notes.find((n) => n.split(': ')[0]!.split(', ').includes(key));
    if (!note) return '—';
    const text = `${SCOPE_TITLE[result.scope].toLowerCase()} ${result.id}: ${note}`;
    let i = this.index.get(text);
    if (i === undefined) {
      this.list.push(text);
      i = this.list.length;
      this.index.set(text, i);
    }
    return `— [${i}]`;
  }
}

/** A note of the form "key, key: undefined, reason" (see computeAgreementMetrics). */
const UNDEFINED_NOTE = /^[a-z0-9_, ]+: undefined, /;

/** A coefficient rounded for reading, its footnoted dash when undefined, '' when the result has none. */
function valueCell(result: ScopeResult, key: MetricKey | undefined, foot: Footnotes, digits = 3): string {
  if (!key || !(key in result.metrics)) return '';
  const v = result.metrics[key] as MetricValue;
  if (v === null) return foot.mark(result, key);
  if (Array.isArray(v)) {
    // An interval cut at the coefficient's range is starred (the footer says so).
    const cut = (result.intervals?.[key]?.truncated.length ?? 0) > 0 ? '*' : '';
    return `[${round(v[0], digits)}, ${round(v[1], digits)}]${cut}`;
  }
  return round(v as number, digits);
}

/** A column of preformatted coefficients, aligned like numbers. */
const valueColumn = (key: string, label: string): Column => ({ key, label, align: 'right' });

/** Values only for ids, the first table of a coding project. */
function summaryTable(data: AgreementResult, opts: FormatAgreementOptions, foot: Footnotes): Table {
  const keys: MetricKey[] = ['percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'];
  const shown = keys.filter((k) => data.results.some((r) => k in r.metrics));
  const first = data.results[0]!;
  return {
    title: 'Summary',
    columns: [
      { key: 'scope', label: 'Scope' },
      { key: 'id', label: 'Id' },
      { key: 'n', label: 'n', kind: 'integer' },
      ...shown.map((k) => valueColumn(k, label(k, opts.level, first))),
    ],
    rows: data.results.map((r) => [SCOPE_TITLE[r.scope], r.id, r.n, ...shown.map((k) => valueCell(r, k, foot))]),
    footnotes: [],
  };
}

const DETAIL_COLUMNS: Column[] = [
  { key: 'coefficient', label: 'Coefficient' },
  valueColumn('value', 'Value'),
  valueColumn('se', 'SE'),
  valueColumn('ci', '95% CI'),
  valueColumn('z', 'z'),
  valueColumn('boot', 'Bootstrap 95% CI'),
  { key: 'interpretation', label: 'Interpretation' },
];

function detailTable(result: ScopeResult, opts: FormatAgreementOptions, foot: Footnotes): Table {
  const rows = ROWS.filter((r) => r.key in result.metrics).map((r) => {
    const v = result.metrics[r.key];
    return [
      label(r.key, opts.level, result),
      valueCell(result, r.key, foot),
      valueCell(result, r.se, foot),
      valueCell(result, r.ci, foot),
      valueCell(result, r.z, foot, 2),
      valueCell(result, r.boot, foot),
      typeof v === 'number' ? (interpretMetric(r.key, v) ?? '') : '',
    ];
  });
  // Columns no coefficient fills (SE, CI, z for a mean of codes) are dropped.
  const keep = DETAIL_COLUMNS.map((_, i) => i < 2 || rows.some((r) => r[i] !== ''));
  const u = result.units;
  const counted = u && (u.rated !== u.complete || u.pairable !== u.complete) ? `; ${u.pairable} coded by two or more, ${u.rated} by one or more` : '';
  return {
    title: `${SCOPE_TITLE[result.scope]}: ${result.id} (n = ${result.n}${counted})`,
    columns: DETAIL_COLUMNS.filter((_, i) => keep[i]),
    rows: rows.map((r) => r.filter((_, i) => keep[i])),
    // Reasons for undefined values go to the numbered footnotes instead.
    footnotes: result.notes.filter((n) => !UNDEFINED_NOTE.test(n)).map((n) => `Note: ${n}`),
  };
}

function confusionTable(result: ScopeResult, coders: readonly string[]): Table | null {
  const cm = result.confusion;
  if (!cm) return null;
  return {
    title: `Confusion matrix: ${result.id} (rows ${coders[0]}, columns ${coders[1]})`,
    columns: [{ key: 'category', label: '' }, ...cm.categories.map((c): Column => ({ key: c, label: c, kind: 'integer' }))],
    rows: cm.counts.map((row, i) => [cm.categories[i]!, ...row]),
    footnotes: [],
  };
}

/** How a scope is named in the paper table's first column. */
function scopeName(r: ScopeResult): string {
  switch (r.scope) {
    case 'category':
      return `${r.id} (category)`;
    case 'pooled':
      return 'Pooled';
    case 'mean':
      return 'Mean of codes';
    default:
      return r.id;
  }
}

/** A coefficient and its 95% interval in one cell, "0.842 [0.63, 1.00]"; the interval left out when the result has none. */
function withInterval(result: ScopeResult, key: MetricKey, foot: Footnotes): string {
  const value = valueCell(result, key, foot);
  const ci = intervalOf(result, key);
  if (ci === undefined || value === '' || ci === null) return value;
  return `${value} [${round(ci[0], 2)}, ${round(ci[1], 2)}]`;
}

/**
 * What the detail tables note about each scope (units used, resamples, codes
 * averaged) beyond undefined values, once per distinct note with the scopes it
 * applies to (none named when it applies to all).
 */
function scopeNotes(data: AgreementResult, shown: readonly MetricKey[]): string[] {
  const keys = new Set<string>(shown.flatMap((k) => [k, `${k}_ci`]));
  // A note names its metrics first ("a, b: …"); only those about a column of the table are kept.
  const about = (n: string) => !/^[a-z0-9_, ]+: /.test(n) || n.split(': ')[0]!.split(', ').some((k) => keys.has(k));
  const scopes = new Map<string, string[]>();
  for (const r of data.results) {
    for (const n of r.notes.filter((x) => !UNDEFINED_NOTE.test(x) && about(x))) scopes.set(n, [...(scopes.get(n) ?? []), scopeName(r)]);
  }
  return [...scopes].map(([note, names]) => (names.length === data.results.length ? note : `${names.join(', ')}: ${note}`));
}

/**
 * The one table a paper reports: per code (and category, pooled and mean), n,
 * percent agreement, κ and α, each with its 95% interval where one was
 * computed (through intervalOf, so every interval the computation adds shows).
 */
function paperTable(data: AgreementResult, opts: FormatAgreementOptions, foot: Footnotes): Table {
  const kappa: MetricKey = data.results.some((r) => 'cohen_kappa' in r.metrics) ? 'cohen_kappa' : 'fleiss_kappa';
  const alpha: MetricKey = 'krippendorff_alpha';
  const first = data.results[0]!;
  const hasCi = (k: MetricKey) => data.results.some((r) => intervalOf(r, k) !== undefined);
  const coefficients = [kappa, alpha].filter((k) => data.results.some((r) => k in r.metrics));
  const name = (k: MetricKey) => label(k, opts.level, first).replace(/, \w+$/, '');
  const columns: Column[] = [
    { key: 'scope', label: data.results.some((r) => r.scope === 'code') ? 'Code' : 'Scope' },
    { key: 'n', label: 'n', kind: 'integer' },
    { key: 'percent_agreement', label: '% agreement', kind: 'share' },
    ...coefficients.map((k) => valueColumn(k, hasCi(k) ? `${name(k)} [95% CI]` : name(k))),
  ];
  const rows = data.results.map((r) => {
    const pa = r.metrics.percent_agreement;
    return [scopeName(r), r.n, typeof pa === 'number' ? pa : valueCell(r, 'percent_agreement', foot), ...coefficients.map((k) => withInterval(r, k, foot))];
  });
  const drawn = (k: MetricKey) => data.results.some((r) => Array.isArray(intervalOf(r, k)));
  const sources = coefficients.filter(drawn).map((k) => `${name(k)} ${data.results.some((r) => isBootstrapInterval(r, k)) ? 'by bootstrap' : 'analytic'}`);
  return {
    title: `Inter-coder reliability (${data.coders.join(', ')}; α at the ${opts.level} level)`,
    columns,
    rows,
    footnotes: [
      ...(sources.length ? [`95% confidence intervals: ${sources.join('; ')}.`] : []),
      ...(coefficients.includes(alpha) && !hasCi(alpha) ? ['α has an interval when computed with a bootstrap (qcode agree --bootstrap N).'] : []),
      ...scopeNotes(data, ['percent_agreement', ...coefficients]),
    ],
    view: 'summary',
  };
}

function tables(data: AgreementResult, opts: FormatAgreementOptions, foot: Footnotes): Table[] {
  if (opts.view === 'summary') return [paperTable(data, opts, foot)];
  const out: Table[] = [];
  if (data.results.length > 1) out.push(summaryTable(data, opts, foot));
  for (const r of data.results) {
    out.push(detailTable(r, opts, foot));
    const cm = confusionTable(r, data.coders);
    if (cm) out.push(cm);
  }
  return out;
}

const MISSING_TEXT: Record<AgreementResult['missing'], string> = {
  available:
    'Missing ratings: agreement over units with two or more values, category shares over units with at least one (Gwet 2014; irrCAC, ReCal3); Cohen’s and Scott’s coefficients and the pairwise κ over the units each pair coded.',
  complete: 'Missing ratings: only units every coder coded are used (--complete-units).',
};

function footer(data: AgreementResult, foot: Footnotes): string[] {
  const lines = foot.list.map((t, i) => `[${i + 1}] ${t}`);
  return [
    ...(lines.length ? ['Undefined values (—):', ...lines, ''] : []),
    MISSING_TEXT[data.missing],
    '95% CI: value ± t(n − 1)·SE with the standard errors of Gwet (2014) as irrCAC computes them; Cohen’s and weighted κ ± z·SE (Fleiss, Cohen & Everitt 1969, as SAS). * marks an interval cut at the coefficient’s range ([0, 1] for percent agreement, [−1, 1] otherwise). Bootstrap: percentile interval over resamples of units.',
    'Interpretation: κ-type coefficients after Landis & Koch (1977): below 0 poor, .00–.20 slight, .21–.40 fair, .41–.60 moderate, .61–.80 substantial, .81–1 almost perfect.',
    'Krippendorff’s α after Krippendorff (2004, p. 241): ≥ .800 reliable, ≥ .667 tentative conclusions only, below that unreliable.',
    'Percent agreement is not corrected for chance and has no interpretation band.',
    `Landis & Koch: ${LANDIS_KOCH_CITATION}`,
    `Krippendorff: ${KRIPPENDORFF_CITATION}`,
  ];
}

function heading(data: AgreementResult, opts: FormatAgreementOptions): string {
  return `Reliability: ${data.coders.length} coders (${data.coders.join(', ')}), ${data.units} units; α at the ${opts.level} level`;
}

/** One row per result × metric; intervals as _lower/_upper rows. Unrounded. */
function csv(data: AgreementResult): string {
  const rows: (string | number)[][] = [];
  for (const r of data.results) {
    for (const key of METRIC_KEYS) {
      if (!(key in r.metrics)) continue;
      const v = r.metrics[key] as MetricValue;
      const note = v === null ? (r.notes.find((n) => n.split(': ')[0]!.split(', ').includes(key)) ?? '') : '';
      if (key.endsWith('_ci')) {
        rows.push([r.scope, r.id, r.n, `${key}_lower`, Array.isArray(v) ? v[0] : '', '', note]);
        rows.push([r.scope, r.id, r.n, `${key}_upper`, Array.isArray(v) ? v[1] : '', '', note]);
      } else {
        const interpretation = typeof v === 'number' ? (interpretMetric(key, v) ?? '') : '';
        rows.push([r.scope, r.id, r.n, key, typeof v === 'number' ? v : '', interpretation, note]);
      }
    }
  }
  return formatCsv(['scope', 'id', 'n', 'metric', 'value', 'interpretation', 'note'], rows);
}

/** The JSON the issue fixes: coders, units, results of scope/id/n/metrics/notes. */
function json(data: AgreementResult): string {
  return formatJson({
    coders: data.coders,
    units: data.units,
    missing: data.missing,
    results: data.results.map((r) => ({
      scope: r.scope,
      id: r.id,
      n: r.n,
      ...(r.units ? { units: r.units } : {}),
      metrics: r.metrics,
      ...(r.intervals && Object.keys(r.intervals).length ? { intervals: r.intervals } : {}),
      notes: r.notes,
    })),
  });
}

/** The human-readable form of an AgreementResult: its heading, tables and the footer their footnotes share. */
export function agreementTables(data: AgreementResult, opts: FormatAgreementOptions): { heading: string; tables: Table[]; footer: string[] } {
  const foot = new Footnotes();
  // Tables first: building them numbers the footnotes the footer lists.
  const body = tables(data, opts, foot);
  return { heading: heading(data, opts), tables: body, footer: footer(data, foot) };
}

/** Renders an AgreementResult; tables rounded for reading, CSV and JSON unrounded. */
export function formatAgreement(data: AgreementResult, format: TableFormat, opts: FormatAgreementOptions): string {
  if (format === 'json') return json(data);
  if (format === 'csv') return csv(data);
  const { heading: head, tables: body, footer: foot } = agreementTables(data, opts);
  return formatTables(body, format, { heading: head, footer: foot, view: opts.view ?? 'full' });
}
