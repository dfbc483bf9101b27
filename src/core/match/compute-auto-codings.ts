import type { Coding } from '../coding/coding.js';
import type { Matcher } from './compile-matcher.js';
import type { Evidence, SegmentSpan } from './evidence.js';

/**
 * The auto-coder's decision for one segment. A code applies once however
 * many of its patterns match. In an exclusive category where several codes
 * match, the code with the most matches is kept (ties: codebook order). A
 * segment with no match gets one "reviewed, none" row: the auto-coder
 * reviews every segment. Rows come in codebook order.
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
  const counts = new Map<number, number>();
  for (const e of evidence) {
    const order = m.patterns[e.patternIndex]!.codeOrder;
    counts.set(order, (counts.get(order) ?? 0) + 1);
  }
  const best = new Map<string, number>();
  for (const [order, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    const code = m.codes[order]!;
    if (!code.exclusive) continue;
    const held = best.get(code.category);
    if (held === undefined || n > counts.get(held)!) best.set(code.category, order);
  }
  return [...counts.keys()]
    .sort((a, b) => a - b)
    .filter((order) => {
      const code = m.codes[order]!;
      return !code.exclusive || best.get(code.category) === order;
    })
    .map((order) => row(m.codes[order]!.category, m.codes[order]!.id));
}
