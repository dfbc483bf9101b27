import { formatCsv } from '../format/format-csv.js';
import type { Table } from '../format/table.js';
import type { Evaluation, Score } from './compute-evaluation.js';

const v = (s: Score) => s.value;

/** The evaluation as a table: one row per code, then micro and macro averages. */
export function formatEvaluationTable(e: Evaluation): Table {
  const footnotes = [
    `${e.coder} against ${e.gold} over the ${e.segments} segments both reviewed.`,
    'micro: counts pooled over codes; macro: unweighted mean of the codes where the score is defined.',
  ];
  const undefinedNotes = new Set<string>();
  for (const c of e.codes) for (const s of [c.precision, c.recall]) if (s.reason) undefinedNotes.add(`— ${c.code}: ${s.reason}`);
  footnotes.push(...[...undefinedNotes]);
  return {
    title: `Dictionary evaluation: ${e.coder} vs ${e.gold}`,
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'category', label: 'Category', detail: true },
      { key: 'precision', label: 'Precision', kind: 'number', digits: 3 },
      { key: 'recall', label: 'Recall', kind: 'number', digits: 3 },
      { key: 'f1', label: 'F1', kind: 'number', digits: 3 },
      { key: 'support', label: 'Support', kind: 'integer' },
      { key: 'tp', label: 'TP', kind: 'integer', detail: true },
      { key: 'fp', label: 'FP', kind: 'integer', detail: true },
      { key: 'fn', label: 'FN', kind: 'integer', detail: true },
    ],
    rows: [
      ...e.codes.map((c) => [c.code, c.category, v(c.precision), v(c.recall), v(c.f1), c.support, c.tp, c.fp, c.fn]),
      ['micro', '', v(e.micro.precision), v(e.micro.recall), v(e.micro.f1), e.micro.support, e.micro.tp, e.micro.fp, e.micro.fn],
      ['macro', '', v(e.macro.precision), v(e.macro.recall), v(e.macro.f1), e.micro.support, null, null, null],
    ],
    footnotes,
  };
}

/**
 * `--errors FILE`: every false positive and false negative with the segment's
 * text and, for the coder, the terms that matched (from its evidence file),
 * so a codebook's patterns can be tuned.
 */
export function formatEvaluationErrorsCsv(
  e: Evaluation,
  segmentText: ReadonlyMap<string, { doc_id: string; text: string }>,
  matched: ReadonlyMap<string, string[]>,
): string {
  const rows = e.errors.map((err) => {
    const seg = segmentText.get(err.segment_id);
    return [err.segment_id, seg?.doc_id ?? '', err.code, err.error, seg?.text ?? '', (matched.get(`${err.segment_id}\u0000${err.code}`) ?? []).join('; ')];
  });
  return formatCsv(['segment_id', 'doc_id', 'code', 'error', 'text', 'matched'], rows);
}
