import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { CodingTable } from './coding-table.js';
import { commonSegments, compareCodes } from './pair-coding-tables.js';
import { groupCodesBySegment } from './group-codings.js';

/** A value that may be undefined for the data, with the reason when it is. */
export interface Score {
  value: number | null;
  reason?: string;
}

export interface CodeEvaluation {
  code: string;
  category: string;
  tp: number;
  fp: number;
  fn: number;
  /** Gold positives: tp + fn. */
  support: number;
  precision: Score;
  recall: Score;
  f1: Score;
}

export interface EvaluationError {
  segment_id: string;
  code: string;
  error: 'false_positive' | 'false_negative';
}

export interface Evaluation {
  coder: string;
  gold: string;
  /** Segments both reviewed: the only ones compared. */
  segments: number;
  codes: CodeEvaluation[];
  micro: { tp: number; fp: number; fn: number; support: number; precision: Score; recall: Score; f1: Score };
  /** Unweighted means over the codes where each score is defined; `codes` says how many. */
  macro: { precision: Score & { codes: number }; recall: Score & { codes: number }; f1: Score & { codes: number } };
  errors: EvaluationError[];
}

/** precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2PR/(P+R): undefined, with a reason, where a denominator is 0. */
export function computeScores(tp: number, fp: number, fn: number): { precision: Score; recall: Score; f1: Score } {
  const precision: Score = tp + fp === 0 ? { value: null, reason: 'the coder never applied the code' } : { value: tp / (tp + fp) };
  const recall: Score = tp + fn === 0 ? { value: null, reason: 'the gold coder never applied the code' } : { value: tp / (tp + fn) };
  let f1: Score;
  if (precision.value === null || recall.value === null) f1 = { value: null, reason: precision.reason ?? recall.reason ?? '' };
  else if (precision.value + recall.value === 0) f1 = { value: 0 };
  else f1 = { value: (2 * precision.value * recall.value) / (precision.value + recall.value) };
  return { precision, recall, f1 };
}

function mean(scores: Score[]): Score & { codes: number } {
  const defined = scores.filter((s) => s.value !== null).map((s) => s.value!);
  if (defined.length === 0) return { value: null, reason: 'undefined for every code', codes: 0 };
  return { value: defined.reduce((a, b) => a + b, 0) / defined.length, codes: defined.length };
}

/**
 * Compares a coder (usually the auto-coder) with a gold coder over the
 * segments both reviewed: per code, micro-averaged (pooled counts) and
 * macro-averaged (mean of per-code scores), with every error listed.
 */
export function computeEvaluation(coderCodings: readonly Coding[], goldCodings: readonly Coding[], codebook: Codebook, segmentOrder: readonly string[]): Evaluation {
  const coder = groupCodesBySegment(coderCodings);
  const gold = groupCodesBySegment(goldCodings);
  const both = segmentOrder.filter((id) => coder.has(id) && gold.has(id));
  const counts: Counts[] = [];
  const errors: EvaluationError[] = [];
  for (const ref of listCodes(codebook)) {
    const n = { tp: 0, fp: 0, fn: 0 };
    for (const id of both) {
      const c = coder.get(id)!.has(ref.code.id);
      const g = gold.get(id)!.has(ref.code.id);
      if (c && g) n.tp++;
      else if (c) {
        n.fp++;
        errors.push({ segment_id: id, code: ref.code.id, error: 'false_positive' });
      } else if (g) {
        n.fn++;
        errors.push({ segment_id: id, code: ref.code.id, error: 'false_negative' });
      }
    }
    counts.push(n);
  }
  const order = new Map(segmentOrder.map((id, i) => [id, i]));
  errors.sort((a, b) => order.get(a.segment_id)! - order.get(b.segment_id)!);
  return summariseEvaluation(coderCodings[0]?.coder ?? '', goldCodings[0]?.coder ?? '', both.length, codebook, counts, errors);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * computeEvaluation over two CodingTables of one SegmentTable, walked
 * together in corpus order: the same counts, and the errors in the same order
 * (segment, then codebook order).
 */
export function computeTableEvaluation(coder: CodingTable, gold: CodingTable, codebook: Codebook): Evaluation {
  const counts: Counts[] = listCodes(codebook).map(() => ({ tp: 0, fp: 0, fn: 0 }));
  const errors: EvaluationError[] = [];
  const codeIds = coder.codeIds;
  let both = 0;
  for (const s of commonSegments(coder, gold)) {
    both++;
    let segmentId: string | undefined;
    compareCodes(coder, gold, s, (k, c, g) => {
      const n = counts[k - 1]!;
      if (c && g) n.tp++;
      else {
        if (c) n.fp++;
        else n.fn++;
        segmentId ??= coder.segments.segmentId(s.n);
        errors.push({ segment_id: segmentId, code: codeIds[k - 1]!, error: c ? 'false_positive' : 'false_negative' });
      }
    });
  }
  return summariseEvaluation(coder.length > 0 ? coder.coder : '', gold.length > 0 ? gold.coder : '', both, codebook, counts, errors);
}

/** Per-code scores, micro and macro averages from the counts (one per code, codebook order). */
function summariseEvaluation(coder: string, gold: string, segments: number, codebook: Codebook, counts: readonly Counts[], errors: EvaluationError[]): Evaluation {
  const codes: CodeEvaluation[] = listCodes(codebook).map((ref, k) => {
    const { tp, fp, fn } = counts[k]!;
    return { code: ref.code.id, category: ref.category.id, tp, fp, fn, support: tp + fn, ...computeScores(tp, fp, fn) };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => codes.reduce((a, c) => a + c[k], 0);
  const micro = { tp: sum('tp'), fp: sum('fp'), fn: sum('fn'), support: sum('tp') + sum('fn'), ...computeScores(sum('tp'), sum('fp'), sum('fn')) };
  return {
    coder,
    gold,
    segments,
    codes,
    micro,
    macro: { precision: mean(codes.map((c) => c.precision)), recall: mean(codes.map((c) => c.recall)), f1: mean(codes.map((c) => c.f1)) },
    errors,
  };
}
