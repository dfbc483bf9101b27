import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warn } from '../diagnostics/qcode-error.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { SpanCoding } from '../model/span-coding.js';

/**
 * How a span coding becomes a unit coding: `any` — a segment gets code X when
 * a span of X overlaps it at all; `majority` — when X's spans cover more than
 * half of its characters; `cover` — at least `percent` % of them. Coverage is
 * the union of the coder's X spans within the segment, in code points.
 */
export type UnitRule = { kind: 'any' } | { kind: 'majority' } | { kind: 'cover'; percent: number };

/**
 * Which segments the coder reviewed: `spans` — those a span touches (coded or
 * marked "reviewed, none"); `documents` — every segment of each document the
 * coder has a span in (QDA coders read whole documents); `corpus` — all.
 */
export type ReviewedScope = 'spans' | 'documents' | 'corpus';

export function parseUnitRule(text: string): UnitRule | undefined {
  if (text === 'any' || text === 'majority') return { kind: text };
  const m = /^cover:(\d+(?:\.\d+)?)%?$/.exec(text);
  const percent = m ? Number(m[1]) : NaN;
  return percent > 0 && percent <= 100 ? { kind: 'cover', percent } : undefined;
}

export function describeUnitRule(rule: UnitRule, unit: string): string {
  switch (rule.kind) {
    case 'any':
      return `a ${unit} was coded with a code when a span of that code overlapped it at all`;
    case 'majority':
      return `a ${unit} was coded with a code when spans of that code covered more than half of its characters`;
    case 'cover':
      return `a ${unit} was coded with a code when spans of that code covered at least ${rule.percent}% of its characters`;
  }
}

export const formatUnitRule = (rule: UnitRule) => (rule.kind === 'cover' ? `cover:${rule.percent}` : rule.kind);

/** Characters of [start, end) covered by the union of intervals (sorted by start). */
function covered(intervals: readonly [number, number][], start: number, end: number): number {
  let total = 0;
  let reach = start;
  for (const [a, b] of intervals) {
    if (a >= end) break;
    const from = Math.max(a, reach);
    const to = Math.min(b, end);
    if (to > from) {
      total += to - from;
      reach = to;
    }
  }
  return total;
}

function qualifies(rule: UnitRule, overlap: number, length: number, touches: boolean): boolean {
  if (rule.kind === 'any') return touches && overlap > 0;
  if (rule.kind === 'majority') return overlap * 2 > length;
  return overlap * 100 >= rule.percent * length;
}

export interface UnitsFromSpans {
  codings: Coding[];
  reviewed: number;
  diagnostics: Diagnostic[];
}

/**
 * Turns one coder's span codings into codings of the project's segments, so
 * every unit-based command (agree, freq, export, …) runs on a QDA project.
 * In an exclusive category the code covering most of the segment is kept (a
 * tie keeps the first in codebook order) and each such case is reported.
 */
export function computeUnitsFromSpans(
  spans: readonly SpanCoding[],
  segments: Iterable<Pick<Segment, 'segment_id' | 'doc_id' | 'start' | 'end'>>,
  codebook: Codebook,
  /** onCoding: hears each coding instead of `codings` (left empty), in canonical order, for a study too large to hold them. */
  options: { coder: string; rule: UnitRule; reviewed: ReviewedScope; onCoding?: (coding: Coding) => void },
): UnitsFromSpans {
  const refs = listCodes(codebook);
  const codeRef = new Map(refs.map((r) => [r.code.id, r]));
  const byDoc = new Map<string, SpanCoding[]>();
  for (const s of spans) (byDoc.get(s.doc_id) ?? byDoc.set(s.doc_id, []).get(s.doc_id)!).push(s);
  for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const diagnostics: Diagnostic[] = [];
  const codings: Coding[] = [];
  const emit = options.onCoding ?? ((c: Coding) => codings.push(c));
  let reviewed = 0;
  let exclusiveConflicts = 0;
  // Segments come in document order, sorted by start: a sweep keeps the spans overlapping the current one.
  let doc = '';
  let list: SpanCoding[] = [];
  let next = 0;
  let active: SpanCoding[] = [];
  for (const seg of segments) {
    if (seg.doc_id !== doc) {
      doc = seg.doc_id;
      list = byDoc.get(doc) ?? [];
      next = 0;
      active = [];
    }
    while (next < list.length && list[next]!.start < seg.end) active.push(list[next++]!);
    if (active.length > 0) active = active.filter((s) => s.end > seg.start);
    const inScope = options.reviewed === 'corpus' || (options.reviewed === 'documents' && list.length > 0);
    if (active.length === 0) {
      // No span here (most segments of a corpus): "reviewed, none" where the scope counts it reviewed, with nothing made per segment.
      if (inScope) {
        reviewed++;
        emit({ segment_id: seg.segment_id, doc_id: seg.doc_id, coder: options.coder, category: '', code: '', memo: '' });
      }
      continue;
    }
    const here = active.filter((s) => s.start < seg.end);
    if (!inScope && (options.reviewed !== 'spans' || here.length === 0)) continue;
    reviewed++;
    const length = seg.end - seg.start;
    const hits: { ref: (typeof refs)[number]; overlap: number; memo: string }[] = [];
    const byCode = new Map<string, SpanCoding[]>();
    for (const s of here) if (s.code !== '') (byCode.get(s.code) ?? byCode.set(s.code, []).get(s.code)!).push(s);
    for (const [code, hitsOfCode] of byCode) {
      const ref = codeRef.get(code);
      if (!ref) continue;
      const overlap = covered(hitsOfCode.map((s): [number, number] => [s.start, s.end]), seg.start, seg.end);
      if (!qualifies(options.rule, overlap, length, true)) continue;
      hits.push({ ref, overlap, memo: [...new Set(hitsOfCode.map((s) => s.memo).filter((m) => m !== ''))].join('; ') });
    }
    hits.sort((a, b) => a.ref.order - b.ref.order);
    const kept = hits.filter((h) => {
      if (!h.ref.category.exclusive) return true;
      const rivals = hits.filter((o) => o.ref.category === h.ref.category);
      return rivals.reduce((a, b) => (b.overlap > a.overlap ? b : a)) === h;
    });
    if (kept.length < hits.length) exclusiveConflicts++;
    if (kept.length === 0) {
      // A "reviewed, no code" row keeps the memo of the marks that say so.
      const memo = [...new Set(here.filter((s) => s.code === '' && s.memo !== '').map((s) => s.memo))].join('; ');
      emit({ segment_id: seg.segment_id, doc_id: seg.doc_id, coder: options.coder, category: '', code: '', memo });
    }
    for (const h of kept) emit({ segment_id: seg.segment_id, doc_id: seg.doc_id, coder: options.coder, category: h.ref.category.id, code: h.ref.code.id, memo: h.memo });
  }
  if (exclusiveConflicts > 0) {
    diagnostics.push(warn('QC404', `${exclusiveConflicts} segment(s) got two codes of an exclusive category from spans; the code covering most of each segment was kept`));
  }
  return { codings, reviewed, diagnostics };
}
