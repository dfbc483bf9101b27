import type { Coding } from '../coding/coding.js';
import type { Segment } from '../segment/segment.js';
import { computeAutoCodings } from './compute-auto-codings.js';
import { collectEvidence, type Evidence, type SegmentSpan } from './evidence.js';
import type { MatchRun } from './match-run.js';
import { scanText } from './scan-text.js';

export interface DocumentCoding {
  codings: Coding[];
  evidence: Evidence[];
}

/** Joins the per-segment results of a run into coding rows and evidence rows, segment by segment. */
export function computeDocumentCoding(run: MatchRun, spans: readonly SegmentSpan[], evidence: Evidence[][], coder: string): DocumentCoding {
  const codings: Coding[] = [];
  const all: Evidence[] = [];
  spans.forEach((span, i) => {
    codings.push(...computeAutoCodings(run.m, span, evidence[i]!, coder));
    all.push(...evidence[i]!);
  });
  return { codings, evidence: all };
}

/**
 * Codes one document's segments with the string path: the document is
 * scanned once and each match goes to the segment that holds it.
 */
export function codeDocument(run: MatchRun, text: string, segments: readonly Segment[], coder: string): DocumentCoding {
  run.reset();
  scanText(run, text);
  const evidence = collectEvidence(run, segments, (a, b) => text.slice(a, b));
  return computeDocumentCoding(run, segments, evidence, coder);
}

/** All matches in a text taken as one segment: for tests and for trying patterns out. */
export function matchText(run: MatchRun, text: string): Evidence[] {
  run.reset();
  scanText(run, text);
  const span: SegmentSpan = { segment_id: 'text', doc_id: 'text', start: 0, end: [...text].length, text };
  return collectEvidence(run, [span], (a, b) => text.slice(a, b))[0]!;
}
