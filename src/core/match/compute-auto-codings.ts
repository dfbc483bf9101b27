import type { Coding } from '../model/coding.js';
import type { Matcher } from './compile-matcher.js';
import type { Evidence, SegmentSpan } from './evidence.js';

/**
 * The auto-coder's decision rule. A code applies once however many of its
 * patterns match. In an exclusive category where several codes match, the
 * code with the most matches is kept (ties: codebook order).
 *
 * `present` lists the code orders with a match, ascending; `counts[order]`
 * their match counts. Returns the kept code orders, ascending (codebook order).
 */
export function selectCodes(m: Matcher, present: readonly number[], counts: ArrayLike<number>): number[] {
  const kept: number[] = [];
  for (const order of present) {
    const code = m.codes[order]!;
    if (!code.exclusive) {
      kept.push(order);
      continue;
    }
    let best = true;
    for (const other of present) {
      if (other === order || m.codes[other]!.category !== code.category) continue;
      if (counts[other]! > counts[order]! || (counts[other] === counts[order] && other < order)) best = false;
    }
    if (best) kept.push(order);
  }
  return kept;
}

/**
 * The auto-coder's rows for one segment, in codebook order. A segment with
 * no match gets one "reviewed, none" row: the auto-coder reviews every
 * segment.
 */
export function computeAutoCodings(m: Matcher, span: SegmentSpan, evidence: readonly Evidence[], coder: string): Coding[] {
  const row = (category: string, code: string): Coding => ({
    segment_id: span.segment_id,
    doc_id: span.doc_id,
    coder,
    category,
    code,
    memo: '',
  });
  if (evidence.length === 0) return [row('', '')];
  const counts: number[] = [];
  for (const e of evidence) {
    const order = m.patterns[e.patternIndex]!.codeOrder;
    counts[order] = (counts[order] ?? 0) + 1;
  }
  const present = counts.flatMap((n, order) => (n ? [order] : []));
  return selectCodes(m, present, counts).map((order) => row(m.codes[order]!.category, m.codes[order]!.id));
}
