import { agreementTables } from '../agreement/format-agreement.js';
import { frequencyPivotTable, cooccurrenceMatrixTable, themeSummaryTable } from '../analysis/summary-tables.js';
import { frequencyRowsTable, presenceTestsTable, themeExemplarsTable } from '../analysis/analysis-tables.js';
import { formatCoverage, withCoverage } from '../analysis/coder-coverage.js';
import { formatEvaluationTable } from '../coding/format-evaluation.js';
import { escapeHtml, formatHtmlTable, formatHtmlTableParts } from '../format/format-html-table.js';
import { selectView, type Table } from '../format/table.js';
import { disagreementHtmlColumns } from '../disagreements/format-disagreements.js';
import { confusionFigure } from '../plot/confusion-figure.js';
import { cooccurrenceFigure } from '../plot/cooccurrence-figure.js';
import type { Figure } from '../plot/figure.js';
import { frequencyFigure, timelineFigure } from '../plot/frequency-figure.js';
import { reliabilityFigure } from '../plot/reliability-figure.js';
import { QCODE_VERSION } from '../util/version.js';
import { formatMethodsSummary } from './methods-summary.js';
import { isMissing, type ReportInput } from './report-input.js';
import { REPORT_CSS } from './report-style.js';
import { appendAll } from '../util/bulk-array.js';

/** The report's figures, by id: what the command renders to SVG before formatting the page. */
export function reportFigures(input: ReportInput): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  if (!isMissing(input.reliability)) {
    figures.reliability = reliabilityFigure(input.reliability.result);
    if (input.reliability.result.results.some((r) => r.confusion)) figures.confusion = confusionFigure(input.reliability.result);
  }
  figures.frequencies = frequencyFigure(input.byGroup ?? input.frequencies, input.coder, input.colours);
  if (input.overTime) figures.timeline = timelineFigure(input.overTime.table, input.coder, input.colours);
  if (input.cooccurrence.length) figures.cooccurrence = cooccurrenceFigure(input.cooccurrence, input.coder);
  return figures;
}

/** An SVG made safe to sit beside others in one page: ids prefixed, labelled by its caption. */
function inlineSvg(svg: string, id: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\sid="([^"]+)"/g, ` id="${id}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${id}-$1"`)
    .replace(/<svg\b/, `<svg role="img" aria-labelledby="${id}-caption"`);
}

class Page {
  private figureCount = 0;
  private tableCount = 0;
  constructor(
    private readonly figures: Record<string, Figure>,
    private readonly svgs: Record<string, string>,
  ) {}

  figure(key: string): string {
    const f = this.figures[key];
    const svg = this.svgs[key];
    if (!f || !svg) return '';
    const n = ++this.figureCount;
    const id = `figure-${key}`;
    return `<figure id="${id}" class="chart">
<div class="svg">${inlineSvg(svg, id)}</div>
<figcaption id="${id}-caption"><strong>Figure ${n}.</strong> ${escapeHtml(f.title)}. ${escapeHtml(f.description)}</figcaption>
<details><summary>The data of figure ${n}</summary>${formatHtmlTable({ columns: f.data.columns, rows: f.data.rows, footnotes: [] })}</details>
</figure>`;
  }

  table(t: Table): string {
    return formatHtmlTable(this.numbered(t));
  }

  /** A table whose rows are written apart: its head, ROWS where they go, its tail. */
  tableAround(t: Omit<Table, 'rows'>): string {
    const [head, tail] = formatHtmlTableParts(this.numbered({ ...t, rows: [] }));
    return `${head}${ROWS}${tail}`;
  }

  private numbered(t: Table): Table {
    return { ...t, title: `Table ${++this.tableCount}. ${t.title ?? ''}`.trim() };
  }
}

/** Where the disagreement rows go in the page: a mark no text of the page holds (escaped text has no NUL). */
const ROWS = '\u0000rows\u0000';

interface Section {
  id: string;
  title: string;
  body: string;
}

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
const missing = (text: string) => `<p class="missing">${escapeHtml(text)}</p>`;

function codebookSection(input: ReportInput, page: Page): string {
  const cb = input.codebook;
  const parts = [p(`${cb.title || cb.name}: codebook ${cb.name}, version ${cb.version}; unit of coding: ${input.unit}.`)];
  if (cb.description) parts.push(p(cb.description));
  for (const c of cb.categories) {
    parts.push(`<h3>${escapeHtml(c.label)} <code>${escapeHtml(c.id)}</code></h3>`);
    if (c.description || c.exclusive) parts.push(p(`${c.description}${c.exclusive ? ' Exclusive: at most one code of this category per segment.' : ''}`.trim()));
    parts.push(
      page.table({
        title: `Codes of ${c.label}`,
        columns: [
          { key: 'id', label: 'Code' },
          { key: 'label', label: 'Label' },
          { key: 'definition', label: 'Definition' },
        ],
        rows: c.codes.map((code) => [code.id, code.label, code.definition]),
        footnotes: [],
      }),
    );
  }
  return parts.join('\n');
}

function sampleSection(input: ReportInput, page: Page): string {
  if (isMissing(input.sample)) return missing(input.sample.missing);
  const s = input.sample;
  const strata = Object.keys(s.strata).sort();
  return [
    p(
      `${s.sampled} of ${s.population} ${input.unit}s (${((100 * s.sampled) / s.population).toFixed(1)}%) drawn with qcode's seeded generator (seed ${s.seed ?? 'not recorded'})${s.stratify ? `, stratified by ${s.stratify} with proportional allocation` : ''}.`,
    ),
    strata.length
      ? page.table({
          title: 'The double-coding sample by stratum',
          columns: [
            { key: 'stratum', label: s.stratify ?? 'Stratum' },
            { key: 'segments', label: `${input.unit}s`, kind: 'integer' },
            { key: 'sampled', label: 'Sampled', kind: 'integer' },
            { key: 'share', label: '% sampled', kind: 'share' },
          ],
          rows: strata.map((k) => [k, s.strata[k]!.segments, s.strata[k]!.sampled, s.strata[k]!.segments ? s.strata[k]!.sampled / s.strata[k]!.segments : null]),
          footnotes: [],
        })
      : '',
  ].join('\n');
}

function reliabilitySection(input: ReportInput, page: Page): string {
  if (isMissing(input.reliability)) return missing(input.reliability.missing);
  const { result, disagreements } = input.reliability;
  const { tables, footer } = agreementTables(result, { level: 'nominal', view: 'summary' });
  const summary = tables[0]!;
  const parts = [page.table({ ...summary, footnotes: [...summary.footnotes, ...footer.filter((l) => l !== '')] }), page.figure('reliability'), page.figure('confusion')];
  if (disagreements) {
    const [a, b] = disagreements.coders;
    parts.push(
      `<h3>Disagreements</h3>`,
      disagreements.rows
        ? page.tableAround({
            title: `Where ${a} and ${b} differ (${disagreements.rows} segment × code decisions of ${disagreements.common} segments)`,
            columns: disagreementHtmlColumns([a, b]),
            footnotes: ['1: the coder applied the code; 0: did not.'],
          })
        : p('The coders agree on every segment × code decision.'),
    );
  }
  return parts.join('\n');
}

function frequencySection(input: ReportInput, page: Page): string {
  const parts = [page.table(selectView([frequencyRowsTable(input.frequencies, input.coverage)], 'summary')[0]!)];
  if (input.byGroup) {
    const pivot = frequencyPivotTable(input.byGroup, input.coverage);
    const tables = selectView([...(pivot ? [pivot] : []), frequencyRowsTable(input.byGroup, input.coverage), presenceTestsTable(input.byGroup)], 'summary');
    parts.push(`<h3>By ${escapeHtml(input.byGroup.by ?? '')}</h3>`, page.figure('frequencies'));
    appendAll(parts, tables.map((t) => page.table(t)));
  } else parts.push(page.figure('frequencies'));
  if (input.overTime) {
    parts.push(`<h3>Over time (${escapeHtml(input.overTime.bin)})</h3>`, page.figure('timeline'), page.table(selectView([presenceTestsTable(input.overTime.table)], 'summary')[0]!));
  }
  return parts.join('\n');
}

function provenanceSection(input: ReportInput, page: Page): string {
  const entries = Object.entries(input.manifest.outputs);
  const any = entries[0]?.[1];
  return [
    p(
      `Made by qcode ${QCODE_VERSION}. Codebook ${input.codebook.name} ${input.codebook.version}${any ? ` (sha256 ${any.codebook.sha256.slice(0, 12)}…), corpus sha256 ${any.corpus_sha256.slice(0, 12)}…` : ''}; unit: ${input.unit}. Every output below can be remade with its command; seeds are recorded.`,
    ),
    page.table({
      title: 'Outputs in the provenance manifest',
      columns: [
        { key: 'file', label: 'File' },
        { key: 'command', label: 'Command' },
        { key: 'seed', label: 'Seed', align: 'right' },
        { key: 'sha256', label: 'sha256' },
      ],
      rows: entries.map(([file, e]) => [file, e.command, e.seed === undefined ? '' : String(e.seed), `${e.sha256.slice(0, 12)}…`]),
      footnotes: ['Hashes shortened to 12 hex digits; out/manifest.json holds them whole, with the qcode version of each output.'],
    }),
  ].join('\n');
}

/**
 * The study report as one HTML page, in two pieces: the disagreement rows
 * (one per segment × code, with the segment's text: too many to hold for a
 * large corpus) are written between them, from a pass over the corpus; with
 * no such table the second piece is empty. Everything is inline (figures as
 * SVG, no script, no font or style from elsewhere; a content security policy forbids
 * any request): methods, codebook, sample, reliability, the auto-coder's
 * evaluation, frequencies by group and over time, co-occurrence, themes and
 * provenance, with a table of contents and a print stylesheet.
 */
export function formatReportHtml(input: ReportInput, figures: Record<string, Figure>, svgs: Record<string, string>): [string, string] {
  const page = new Page(figures, svgs);
  const title = `${input.codebook.title || input.codebook.name}: study report`;
  const sections: Section[] = [
    { id: 'methods', title: 'Methods summary', body: formatMethodsSummary(input).map(p).join('\n') },
    { id: 'codebook', title: 'Codebook', body: codebookSection(input, page) },
    { id: 'sample', title: 'Sample design', body: sampleSection(input, page) },
    { id: 'reliability', title: 'Inter-coder reliability', body: reliabilitySection(input, page) },
    {
      id: 'evaluation',
      title: 'The auto-coder against the gold standard',
      body: isMissing(input.evaluation) ? missing(input.evaluation.missing) : page.table(selectView([formatEvaluationTable(input.evaluation)], 'summary')[0]!),
    },
    { id: 'frequencies', title: 'Frequencies', body: frequencySection(input, page) },
    {
      id: 'cooccurrence',
      title: 'Co-occurrence',
      body: input.cooccurrence.length ? [page.figure('cooccurrence'), page.table(cooccurrenceMatrixTable(input.cooccurrence, input.coverage))].join('\n') : missing('One code only: nothing co-occurs.'),
    },
    {
      id: 'themes',
      title: 'Themes and exemplar quotes',
      body: [themeSummaryTable(input.themes), themeExemplarsTable(input.themes)].map((t) => page.table(withCoverage(t, input.coverage))).join('\n'),
    },
    { id: 'provenance', title: 'Provenance', body: provenanceSection(input, page) },
  ];
  const nav = sections.map((s, i) => `<li><a href="#${s.id}">${i + 1}. ${escapeHtml(s.title)}</a></li>`).join('\n');
  const body = sections.map((s, i) => `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${i + 1}. ${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`);
  const html = `<!doctype html>
<html lang="${escapeHtml(input.codebook.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="qcode ${QCODE_VERSION}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>
<p class="meta">Codebook ${escapeHtml(input.codebook.name)} ${escapeHtml(input.codebook.version)} · ${input.documents.length} documents · ${input.segmentCount} ${escapeHtml(input.unit)}s · ${escapeHtml(formatCoverage(input.coverage))} · qcode ${QCODE_VERSION}</p></header>
<nav aria-label="Contents"><h2 id="contents">Contents</h2><ol>
${nav}
</ol></nav>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
  const at = html.indexOf(ROWS);
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at + ROWS.length)];
}
