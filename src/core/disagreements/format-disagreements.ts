import { formatCsvHeader, formatCsvRows } from '../format/format-csv.js';
import { formatHtmlRow } from '../format/format-html-table.js';
import type { Column } from '../format/table.js';
import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { DisagreementRow, Disagreements } from './compute-disagreements.js';

/** The header row of the disagreements CSV: `segment_id,doc_id,category,code,<A>,<B>,text,definition`, A and B named after the coders. */
export function formatDisagreementsCsvHeader(coders: readonly [string, string]): string {
  return formatCsvHeader(['segment_id', 'doc_id', 'category', 'code', coders[0], coders[1], 'text', 'definition']);
}

/** Rows of the disagreements CSV, for a writer that streams them a document at a time. */
export function formatDisagreementsCsvRows(rows: readonly DisagreementRow[]): string {
  return formatCsvRows(rows.map((r) => [r.segment_id, r.doc_id, r.category, r.code, r.a, r.b, r.text, r.definition]));
}

/** The columns of the study report's disagreements table: segment id, code id, the two coders' 1/0 and the segment's text. */
export function disagreementHtmlColumns(coders: readonly [string, string]): Column[] {
  return [
    { key: 'segment', label: 'Segment' },
    { key: 'code', label: 'Code' },
    { key: 'a', label: coders[0], kind: 'integer' },
    { key: 'b', label: coders[1], kind: 'integer' },
    { key: 'text', label: 'Text' },
  ];
}

/** Rows of the report's disagreements table (formatHtmlTable's), each followed by a line break. */
export function formatDisagreementsHtmlRows(columns: Column[], rows: readonly DisagreementRow[]): string {
  return rows.map((r) => `${formatHtmlRow(columns, [r.segment_id, r.code, r.a, r.b, r.text])}\n`).join('');
}

export function formatDisagreementsCsv(d: Disagreements): string {
  return formatDisagreementsCsvHeader(d.coders) + formatDisagreementsCsvRows(d.rows);
}

/** Markdown cells cannot hold a raw pipe or line break. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** What the Markdown version says first: the coders and the counts. */
export interface DisagreementsSummary {
  coders: readonly [string, string];
  /** Segments both reviewed, coded alike, with a disagreement; segment × code rows. */
  common: number;
  agreedSegments: number;
  segmentsWith: number;
  rows: number;
}

/** The start of the Markdown version (no line end: each segment's section begins with one). */
export function formatDisagreementsMdHead(s: DisagreementsSummary): string {
  const [a, b] = s.coders;
  return [
    `# Disagreements: ${a} and ${b}`,
    '',
    `${s.common} segments reviewed by both; ${s.agreedSegments} coded identically; ${s.segmentsWith} with disagreements (${s.rows} segment × code rows).`,
  ].join('\n');
}

/** One segment's section of the Markdown version: its text quoted and a table of the codes the coders differ on (rows of that segment). */
export function formatDisagreementsMdSegment(coders: readonly [string, string], rows: readonly DisagreementRow[], labels: ReadonlyMap<string, string>): string {
  const [a, b] = coders;
  const out: string[] = ['', `## ${rows[0]!.segment_id}`, '', ...rows[0]!.text.split('\n').map((l) => `> ${l}`), ''];
  out.push(`| category | code | ${cell(a)} | ${cell(b)} | definition |`, '| --- | --- | :-: | :-: | --- |');
  const mark = (v: 0 | 1) => (v ? '✓' : '');
  for (const r of rows) out.push(`| ${r.category} | ${cell(labels.get(r.code) ?? r.code)} (\`${r.code}\`) | ${mark(r.a)} | ${mark(r.b)} | ${cell(r.definition)} |`);
  return `\n${out.join('\n')}`;
}

/** Code labels by code id, for the Markdown version. */
export function codeLabels(codebook: Codebook): Map<string, string> {
  return new Map(listCodes(codebook).map((r) => [r.code.id, r.code.label]));
}

/**
 * A readable version for a coding team's meeting: one section per segment with
 * its text quoted and a table of the codes the coders differ on.
 */
export function formatDisagreementsMd(d: Disagreements, codebook: Codebook): string {
  const labels = codeLabels(codebook);
  const bySegment = new Map<string, DisagreementRow[]>();
  for (const r of d.rows) {
    const list = bySegment.get(r.segment_id);
    if (list) list.push(r);
    else bySegment.set(r.segment_id, [r]);
  }
  const parts = [formatDisagreementsMdHead({ coders: d.coders, common: d.common.length, agreedSegments: d.agreedSegments, segmentsWith: bySegment.size, rows: d.rows.length })];
  for (const rows of bySegment.values()) parts.push(formatDisagreementsMdSegment(d.coders, rows, labels));
  return `${parts.join('')}\n`;
}
