import { stringify } from 'csv-stringify/sync';
import { formatJson } from '../format/format-json.js';
import type { AgreementResult, MetricKey, MetricValue, ScopeResult } from './agreement-result.js';
import { METRIC_KEYS } from './agreement-result.js';
import { interpretMetric, KRIPPENDORFF_CITATION, LANDIS_KOCH_CITATION } from './interpret-agreement.js';
import type { Level } from './ratings-table.js';

export type AgreementFormat = 'table' | 'csv' | 'md' | 'latex' | 'json';
export const AGREEMENT_FORMATS: readonly AgreementFormat[] = ['table', 'csv', 'md', 'latex', 'json'];

export interface FormatAgreementOptions {
  /** The level α was computed at, named in headings. */
  level: Level;
}

/** Coefficient rows of a detail table, each with the keys of its SE, interval and z. */
const ROWS: { key: MetricKey; se?: MetricKey; ci?: MetricKey; z?: MetricKey }[] = [
  { key: 'percent_agreement' },
  { key: 'cohen_kappa', se: 'cohen_kappa_se', ci: 'cohen_kappa_ci', z: 'cohen_kappa_z' },
  { key: 'kappa_linear' },
  { key: 'kappa_quadratic' },
  { key: 'scott_pi' },
  { key: 'fleiss_kappa', z: 'fleiss_kappa_z' },
  { key: 'mean_pairwise_cohen_kappa' },
  { key: 'krippendorff_alpha', ci: 'krippendorff_alpha_ci' },
  { key: 'gwet_ac1', se: 'gwet_ac1_se' },
  { key: 'brennan_prediger' },
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

interface Cell {
  text: string;
  right?: boolean;
}

interface Block {
  title: string;
  header: string[];
  rows: Cell[][];
  notes: string[];
}

function valueCell(result: ScopeResult, key: MetricKey | undefined, foot: Footnotes, digits = 3): Cell {
  if (!key || !(key in result.metrics)) return { text: '' };
  const v = result.metrics[key] as MetricValue;
  if (v === null) return { text: foot.mark(result, key), right: true };
  if (Array.isArray(v)) return { text: `[${round(v[0], digits)}, ${round(v[1], digits)}]`, right: true };
  return { text: round(v as number, digits), right: true };
}

/** Values only for ids, the first table of a coding project. */
function summaryBlock(data: AgreementResult, opts: FormatAgreementOptions, foot: Footnotes): Block {
  const keys: MetricKey[] = ['percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'];
  const shown = keys.filter((k) => data.results.some((r) => k in r.metrics));
  const first = data.results[0]!;
  return {
    title: 'Summary',
    header: ['Scope', 'Id', 'n', ...shown.map((k) => label(k, opts.level, first))],
    rows: data.results.map((r) => [
      { text: SCOPE_TITLE[r.scope] },
      { text: r.id },
      { text: String(r.n), right: true },
      ...shown.map((k) => valueCell(r, k, foot)),
    ]),
    notes: [],
  };
}

function detailBlock(result: ScopeResult, opts: FormatAgreementOptions, foot: Footnotes): Block {
  const rows = ROWS.filter((r) => r.key in result.metrics).map((r) => {
    const v = result.metrics[r.key];
    return [
      { text: label(r.key, opts.level, result) },
      valueCell(result, r.key, foot),
      valueCell(result, r.se, foot),
      valueCell(result, r.ci, foot),
      valueCell(result, r.z, foot, 2),
      { text: typeof v === 'number' ? (interpretMetric(r.key, v) ?? '') : '' },
    ];
  });
  // Columns no coefficient fills (SE, CI, z for a mean of codes) are dropped.
  const header = ['Coefficient', 'Value', 'SE', '95% CI', 'z', 'Interpretation'];
  const keep = header.map((_, i) => i < 2 || rows.some((r) => r[i]!.text !== ''));
  return {
    title: `${SCOPE_TITLE[result.scope]}: ${result.id} (n = ${result.n})`,
    header: header.filter((_, i) => keep[i]),
    rows: rows.map((r) => r.filter((_, i) => keep[i])),
    // Reasons for undefined values go to the numbered footnotes instead.
    notes: result.notes.filter((n) => !UNDEFINED_NOTE.test(n)),
  };
}

function confusionBlock(result: ScopeResult, coders: readonly string[]): Block | null {
  const cm = result.confusion;
  if (!cm) return null;
  return {
    title: `Confusion matrix: ${result.id} (rows ${coders[0]}, columns ${coders[1]})`,
    header: ['', ...cm.categories],
    rows: cm.counts.map((row, i) => [{ text: cm.categories[i]! }, ...row.map((x) => ({ text: String(x), right: true }))]),
    notes: [],
  };
}

function blocks(data: AgreementResult, opts: FormatAgreementOptions, foot: Footnotes): Block[] {
  const out: Block[] = [];
  if (data.results.length > 1) out.push(summaryBlock(data, opts, foot));
  for (const r of data.results) {
    out.push(detailBlock(r, opts, foot));
    const cm = confusionBlock(r, data.coders);
    if (cm) out.push(cm);
  }
  return out;
}

function footer(foot: Footnotes): string[] {
  const lines = foot.list.map((t, i) => `[${i + 1}] ${t}`);
  return [
    ...(lines.length ? ['Undefined values (—):', ...lines, ''] : []),
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

function textTable(b: Block): string {
  const widths = b.header.map((h, i) => Math.max(h.length, ...b.rows.map((r) => r[i]!.text.length)));
  const line = (cells: Cell[]) =>
    cells
      .map((c, i) => (c.right ? c.text.padStart(widths[i]!) : c.text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [b.title, line(b.header.map((text) => ({ text }))), rule, ...b.rows.map(line), ...b.notes.map((n) => `  note: ${n}`)].join('\n');
}

/** A column of numbers: any of its cells is right-aligned. */
function rightAligned(b: Block, column: number): boolean {
  return b.rows.some((r) => r[column]?.right);
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function mdTable(b: Block): string {
  const head = `| ${b.header.map(mdEscape).join(' | ')} |`;
  const align = `|${b.header.map((_, i) => (rightAligned(b, i) ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = b.rows.map((r) => `| ${r.map((c) => mdEscape(c.text)).join(' | ')} |`);
  return [`### ${mdEscape(b.title)}`, '', head, align, ...rows, ...(b.notes.length ? ['', ...b.notes.map((n) => `- ${n}`)] : [])].join('\n');
}

function latexEscape(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([&%$#_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/κ/g, '$\\kappa$')
    .replace(/π/g, '$\\pi$')
    .replace(/α/g, '$\\alpha$')
    .replace(/≥/g, '$\\geq$')
    .replace(/−/g, '$-$')
    .replace(/—/g, '---')
    .replace(/–/g, '--')
    .replace(/[’]/g, "'");
}

function latexTable(b: Block): string {
  const spec = b.header.map((_, i) => (rightAligned(b, i) ? 'r' : 'l')).join('');
  return [
    `\\paragraph{${latexEscape(b.title)}}`,
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    `${b.header.map(latexEscape).join(' & ')} \\\\`,
    '\\midrule',
    ...b.rows.map((r) => `${r.map((c) => latexEscape(c.text)).join(' & ')} \\\\`),
    '\\bottomrule',
    '\\end{tabular}',
    ...b.notes.map((n) => `\\par\\noindent\\emph{Note:} ${latexEscape(n)}`),
  ].join('\n');
}

/** One row per result × metric; intervals as _lower/_upper rows. Unrounded. */
function csv(data: AgreementResult): string {
  const rows: (string | number)[][] = [['scope', 'id', 'n', 'metric', 'value', 'interpretation', 'note']];
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
  return stringify(rows, { record_delimiter: '\n', cast: { number: (x) => String(x) } });
}

/** The JSON the issue fixes: coders, units, results of scope/id/n/metrics/notes. */
function json(data: AgreementResult): string {
  return formatJson({
    coders: data.coders,
    units: data.units,
    results: data.results.map((r) => ({ scope: r.scope, id: r.id, n: r.n, metrics: r.metrics, notes: r.notes })),
  });
}

/** Renders an AgreementResult; tables rounded for reading, CSV and JSON unrounded. */
export function formatAgreement(data: AgreementResult, format: AgreementFormat, opts: FormatAgreementOptions): string {
  if (format === 'json') return json(data);
  if (format === 'csv') return csv(data);
  const foot = new Footnotes();
  const bs = blocks(data, opts, foot);
  const tail = footer(foot);
  if (format === 'md') {
    return `## ${heading(data, opts)}\n\n${bs.map(mdTable).join('\n\n')}\n\n${tail.map((l) => (l ? `${l}  ` : '')).join('\n')}\n`;
  }
  if (format === 'latex') {
    return `% ${heading(data, opts)}\n% needs \\usepackage{booktabs}\n${bs.map(latexTable).join('\n\n')}\n\n${tail
      .filter((l) => l)
      .map((l) => `\\noindent ${latexEscape(l)}\\\\`)
      .join('\n')}\n`;
  }
  return `${heading(data, opts)}\n\n${bs.map(textTable).join('\n\n')}\n\n${tail.join('\n')}\n`;
}
