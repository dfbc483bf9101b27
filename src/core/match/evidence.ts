import type { Matcher } from './compile-matcher.js';
import type { MatchRun } from './match-run.js';

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
  /** Index of the pattern in the matcher, for ordering. */
  patternIndex: number;
}

export const EVIDENCE_COLUMNS = ['segment_id', 'code', 'pattern', 'matched_text', 'start', 'end'] as const;

/** Where a segment lies in its document; `text` is needed only for regex patterns. */
export interface SegmentSpan {
  segment_id: string;
  doc_id: string;
  start: number;
  end: number;
  text: string | null;
}

function compareEvidence(m: Matcher): (a: Evidence, b: Evidence) => number {
  return (a, b) =>
    a.start - b.start ||
    a.end - b.end ||
    m.patterns[a.patternIndex]!.codeOrder - m.patterns[b.patternIndex]!.codeOrder ||
    a.patternIndex - b.patternIndex;
}

/** Code points in s[from, to) (UTF-16 indices). */
function countCodePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === from || (s.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
  }
  return n;
}

/** Matches of the /regex/ patterns on one segment's text, offsets moved into the document. */
function regexEvidence(m: Matcher, span: SegmentSpan, text: string): Evidence[] {
  const found: Evidence[] = [];
  for (const p of m.regexPatterns) {
    const info = m.patterns[p]!;
    const re = info.regex!;
    re.lastIndex = 0;
    let unit = 0;
    let cp = span.start;
    for (const hit of text.matchAll(re)) {
      if (hit[0] === '') continue;
      cp += countCodePoints(text, unit, hit.index);
      const len = countCodePoints(text, hit.index, hit.index + hit[0].length);
      unit = hit.index;
      found.push({
        segment_id: span.segment_id,
        code: info.code,
        pattern: info.pattern,
        matched_text: hit[0],
        start: cp,
        end: cp + len,
        patternIndex: p,
      });
    }
  }
  return found;
}

/**
 * Hands the run's token matches (document offsets) to the segments that
 * hold them whole, adds regex matches found on each segment's text, and
 * sorts each segment's evidence by position, then codebook order. A match
 * that straddles two segments belongs to neither. `slice` cuts the matched
 * text out of the scanned source by unit offsets.
 */
export function collectEvidence(
  run: MatchRun,
  spans: readonly SegmentSpan[],
  slice: (startUnit: number, endUnit: number) => string,
): Evidence[][] {
  const m = run.m;
  const out: Evidence[][] = spans.map(() => []);
  const order = Array.from({ length: run.count }, (_, k) => k).sort(
    (a, b) => run.startCp[a]! - run.startCp[b]! || run.endCp[a]! - run.endCp[b]!,
  );
  let s = 0;
  for (const k of order) {
    const start = run.startCp[k]!;
    const end = run.endCp[k]!;
    while (s < spans.length && spans[s]!.end <= start) s++;
    const span = spans[s];
    if (!span || start < span.start || end > span.end) continue;
    const info = m.patterns[run.pattern[k]!]!;
    out[s]!.push({
      segment_id: span.segment_id,
      code: info.code,
      pattern: info.pattern,
      matched_text: slice(run.startUnit[k]!, run.endUnit[k]!),
      start,
      end,
      patternIndex: run.pattern[k]!,
    });
  }
  const cmp = compareEvidence(m);
  spans.forEach((span, i) => {
    if (m.regexPatterns.length > 0 && span.text !== null) out[i]!.push(...regexEvidence(m, span, span.text));
    out[i]!.sort(cmp);
  });
  return out;
}
