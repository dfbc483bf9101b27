import type { Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import { compileMatcher, type Matcher } from './compile-matcher.js';
import type { Segment } from '../model/segment.js';
import { computeAutoCodings } from './compute-auto-codings.js';
import { collectEvidence, type Evidence, type SegmentSpan } from './evidence.js';
import { MatchRun } from './match-run.js';
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
 * Every match in one document's text, handed to the segments that hold it
 * whole (string path): the document is scanned once.
 */
export function matchDocument(run: MatchRun, text: string, segments: readonly Segment[]): Evidence[][] {
  run.reset();
  scanText(run, text);
  return collectEvidence(run, segments, (a, b) => text.slice(a, b));
}

/** Codes one document's segments with the string path. */
export function codeDocument(run: MatchRun, text: string, segments: readonly Segment[], coder: string): DocumentCoding {
  return computeDocumentCoding(run, segments, matchDocument(run, text, segments), coder);
}

/** All matches in a text taken as one segment: for tests and for trying patterns out. */
export function matchText(run: MatchRun, text: string): Evidence[] {
  run.reset();
  scanText(run, text);
  const span: SegmentSpan = { segment_id: 'text', doc_id: 'text', start: 0, end: [...text].length, text };
  return collectEvidence(run, [span], (a, b) => text.slice(a, b))[0]!;
}

/** Each document of a corpus held in memory with its segments (segments are in corpus order); documents without segments are skipped. */
function* documentsWithSegments(documents: readonly Document[], segments: readonly Segment[]): Generator<[Document, Segment[]]> {
  let s = 0;
  for (const doc of documents) {
    const first = s;
    while (s < segments.length && segments[s]!.doc_id === doc.id) s++;
    if (s > first) yield [doc, segments.slice(first, s)];
  }
}

/**
 * Codes a whole corpus held in memory: one compiled matcher, each document
 * scanned once with its own segments.
 */
export function codeCorpus(
  codebook: Codebook,
  documents: readonly Document[],
  segments: readonly Segment[],
  coder: string,
): { codings: Coding[]; evidence: Evidence[] } {
  const run = new MatchRun(compileMatcher(codebook));
  const codings: Coding[] = [];
  const evidence: Evidence[] = [];
  for (const [doc, segs] of documentsWithSegments(documents, segments)) {
    const coded = codeDocument(run, doc.text, segs, coder);
    for (const c of coded.codings) codings.push(c);
    for (const e of coded.evidence) evidence.push(e);
  }
  return { codings, evidence };
}

/**
 * The evidence `qcode code` would list for a matcher's patterns on a corpus
 * held in memory, in the same order: what kwic and themes read, so they
 * agree with the auto-coder match for match.
 */
export function findCorpusEvidence(matcher: Matcher, documents: readonly Document[], segments: readonly Segment[]): Evidence[] {
  const run = new MatchRun(matcher);
  const evidence: Evidence[] = [];
  for (const [doc, segs] of documentsWithSegments(documents, segments)) {
    for (const perSegment of matchDocument(run, doc.text, segs)) for (const e of perSegment) evidence.push(e);
  }
  return evidence;
}
