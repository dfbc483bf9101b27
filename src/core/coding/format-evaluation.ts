import { formatCsvHeader, formatCsvRows } from '../format/format-csv.js';
import type { SegmentTable } from '../segment/segment-table.js';
import type { Table } from '../format/table.js';
import type { Evaluation, EvaluationError, Score } from './compute-evaluation.js';

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
  return formatEvaluationErrorsHeader() + formatEvaluationErrorRows(e.errors, (id) => segmentText.get(id), matched);
}

export function formatEvaluationErrorsHeader(): string {
  return formatCsvHeader(['segment_id', 'doc_id', 'code', 'error', 'text', 'matched']);
}

/** Rows of the errors file, for a writer that streams them a document at a time. */
export function formatEvaluationErrorRows(
  errors: readonly EvaluationError[],
  segment: (id: string) => { doc_id: string; text: string } | undefined,
  matched: ReadonlyMap<string, string[]>,
): string {
  return formatCsvRows(
    errors.map((err) => {
      const seg = segment(err.segment_id);
      return [err.segment_id, seg?.doc_id ?? '', err.code, err.error, seg?.text ?? '', (matched.get(evidenceKey(err)) ?? []).join('; ')];
    }),
  );
}

/** The key of an error's matched terms (readEvidenceTerms). */
export function evidenceKey(err: Pick<EvaluationError, 'segment_id' | 'code'>): string {
  return `${err.segment_id}\u0000${err.code}`;
}

/**
 * The errors file a document at a time, with the segments' text from a pass
 * over the corpus (errors are in corpus order): the bytes of
 * formatEvaluationErrorsCsv.
 */
export class EvaluationErrorsWriter {
  private r = 0;
  private readonly numbers: number[];

  constructor(
    private readonly errors: readonly EvaluationError[],
    private readonly segments: SegmentTable,
    private readonly matched: ReadonlyMap<string, string[]>,
  ) {
    this.numbers = errors.map((e) => segments.segmentNumber(e.segment_id));
  }

  get done(): boolean {
    return this.r >= this.errors.length;
  }

  hasRows(d: number): boolean {
    return !this.done && this.numbers[this.r]! < this.segments.segmentsOf(d).to;
  }

  documentRows(d: number, text: (n: number) => string): string {
    const { to } = this.segments.segmentsOf(d);
    const from = this.r;
    while (this.r < this.errors.length && this.numbers[this.r]! < to) this.r++;
    const docId = this.segments.documents[d]!.id;
    const texts = new Map<string, string>();
    for (let i = from; i < this.r; i++) if (!texts.has(this.errors[i]!.segment_id)) texts.set(this.errors[i]!.segment_id, text(this.numbers[i]!));
    return formatEvaluationErrorRows(this.errors.slice(from, this.r), (id) => ({ doc_id: docId, text: texts.get(id)! }), this.matched);
  }
}
