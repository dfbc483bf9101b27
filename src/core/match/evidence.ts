import type { Matcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { OUTCOMES, UNLISTED, type Outcome, type SegmentMatches, type SegmentResolver } from './resolve-segment.js';

/** One match, the audit trail of the auto-coder: a row of `<coder>.matches.csv`. */
export interface Evidence {
  segment_id: string;
  code: string;
  /** The pattern as written in the codebook. */
  pattern: string;
  /** The matched text as it stands in the document. */
  matched_text: string;
  /** Offsets into the document, in code points. */
  start: number;
  end: number;
  /** What became of the match (see OUTCOMES). */
  outcome: Outcome;
  /** Index of the pattern in the matcher, for ordering. */
  patternIndex: number;
}

export const EVIDENCE_COLUMNS = ['segment_id', 'code', 'pattern', 'matched_text', 'start', 'end', 'outcome'] as const;

/** Where a segment lies in its document; `text` is needed only for regex patterns. */
export interface SegmentSpan {
  segment_id: string;
  start: number;
  end: number;
  text: string | null;
}

/**
 * The evidence of one document as objects, segment by segment, from a run
 * the resolver has begun (what kwic, themes and the tests read; `qcode code`
 * writes the same items as rows).
 */
export function collectEvidence(m: Matcher, resolver: SegmentResolver, spans: readonly SegmentSpan[], buf: Uint8Array): Evidence[][] {
  return spans.map((span) => {
    const items = resolver.resolve(span.start, span.end, span.text);
    const out: Evidence[] = [];
    for (let i = 0; i < items.count; i++) {
      if (items.outcome[i] === UNLISTED) continue;
      const info = m.patterns[items.pattern[i]!]!;
      out.push({
        segment_id: span.segment_id,
        code: info.code,
        pattern: info.pattern,
        matched_text: items.text[i] ?? decodeJsonSlice(buf, items.startUnit[i]!, items.endUnit[i]!),
        start: items.startCp[i]!,
        end: items.endCp[i]!,
        outcome: OUTCOMES[items.outcome[i]!]!,
        patternIndex: items.pattern[i]!,
      });
    }
    return out;
  });
}

/**
 * How many of a segment's decided matches collectEvidence would list, per
 * code id: what themes ranks exemplars by, without an Evidence object or a
 * matched text per match.
 */
export function countListedMatches(m: Matcher, items: SegmentMatches): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < items.count; i++) {
    if (items.outcome[i] === UNLISTED) continue;
    const code = m.patterns[items.pattern[i]!]!.code;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}
