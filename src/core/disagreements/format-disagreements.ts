import { formatCsv } from '../format/format-csv.js';
import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Disagreements } from './compute-disagreements.js';
import { appendAll } from '../util/bulk-array.js';

/** `segment_id,doc_id,category,code,<A>,<B>,text,definition`, A and B named after the coders. */
export function formatDisagreementsCsv(d: Disagreements): string {
  const [a, b] = d.coders;
  return formatCsv(
    ['segment_id', 'doc_id', 'category', 'code', a, b, 'text', 'definition'],
    d.rows.map((r) => [r.segment_id, r.doc_id, r.category, r.code, r.a, r.b, r.text, r.definition]),
  );
}

/** Markdown cells cannot hold a raw pipe or line break. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * A readable version for a coding team's meeting: one section per segment with
 * its text quoted and a table of the codes the coders differ on.
 */
export function formatDisagreementsMd(d: Disagreements, codebook: Codebook): string {
  const [a, b] = d.coders;
  const label = new Map(listCodes(codebook).map((r) => [r.code.id, r.code.label]));
  const bySegment = new Map<string, typeof d.rows>();
  for (const r of d.rows) {
    const list = bySegment.get(r.segment_id);
    if (list) list.push(r);
    else bySegment.set(r.segment_id, [r]);
  }
  const out: string[] = [
    `# Disagreements: ${a} and ${b}`,
    '',
    `${d.common.length} segments reviewed by both; ${d.agreedSegments} coded identically; ${bySegment.size} with disagreements (${d.rows.length} segment × code rows).`,
  ];
  for (const [segmentId, rows] of bySegment) {
    out.push('', `## ${segmentId}`, '');
    appendAll(out, rows[0]!.text.split('\n').map((l) => `> ${l}`));
    out.push('');
    out.push(`| category | code | ${cell(a)} | ${cell(b)} | definition |`, '| --- | --- | :-: | :-: | --- |');
    for (const r of rows) {
      const mark = (v: 0 | 1) => (v ? '✓' : '');
      out.push(
        `| ${r.category} | ${cell(label.get(r.code) ?? r.code)} (\`${r.code}\`) | ${mark(r.a)} | ${mark(r.b)} | ${cell(r.definition)} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
