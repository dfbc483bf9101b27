import { catalogueEntry } from '../diagnostics/catalogue.js';
import { QcodeError, diag } from '../diagnostics/qcode-error.js';
import { DocumentCoder, documentsWithSegments } from '../match/code-document.js';
import { compilePatterns, type Matcher } from '../match/compile-matcher.js';
import type { Document } from '../model/document.js';
import { segmentId, type Segment } from '../model/segment.js';
import type { Unit } from '../model/codebook.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { parsePattern } from '../pattern/parse-pattern.js';
import { UNLISTED } from '../match/resolve-segment.js';
import { countGraphemeClusters, graphemeClusters } from '../util/grapheme-clusters.js';
import { codePointCursor } from '../util/code-point-cursor.js';
import { detachString } from '../util/detach-string.js';

/** One keyword-in-context line. Offsets are code points into the document, as in the evidence file. */
export interface KwicLine {
  segment_id: string;
  doc_id: string;
  start: number;
  end: number;
  left: string;
  keyword: string;
  right: string;
  pattern: string;
}

/**
 * The matcher for a pattern typed on the command line, judged by the parser
 * the codebook's patterns go through: a pattern the codebook would refuse
 * (QC207, QC208, QC210) is refused here as QC703 with that code's hint.
 */
export function compileKwicPattern(pattern: string): Matcher {
  const parsed = parsePattern(pattern);
  if (parsed.kind === 'error') {
    throw new QcodeError([diag('QC703', `${parsed.message} (${parsed.code} in a codebook)`, { hint: parsed.hint ?? catalogueEntry(parsed.code).hint })]);
  }
  return compilePatterns([pattern]);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Up to `n` characters (grapheme clusters) of text[from, to), taken at its
 * end (`atEnd`) or its start. Only a bounded stretch is segmented, so a long
 * segment costs the same per match; a cluster cut at the stretch's far edge
 * is left out.
 */
function context(text: string, from: number, to: number, n: number, atEnd: boolean): string {
  if (n === 0) return '';
  const bound = n * 8 + 16;
  const a = atEnd ? Math.max(from, to - bound) : from;
  const b = atEnd ? to : Math.min(to, from + bound);
  const parts = graphemeClusters(text.slice(a, b));
  if (atEnd && a > from) parts.shift();
  if (!atEnd && b < to) parts.pop();
  return (atEnd ? parts.slice(Math.max(0, parts.length - n)) : parts.slice(0, n)).join('');
}

/** The UTF-16 index `n` code points on from `unit` in `text` (a lone surrogate counts as one, as in codePointCursor). */
function advanceCodePoints(text: string, unit: number, n: number): number {
  for (; n > 0 && unit < text.length; n--) unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
  return unit;
}

/** A segment of the document a coder scanned last: its code-point offsets, its id made only when it has a match. */
export interface ScannedSegment {
  start: number;
  end: number;
  id(): string;
}

/**
 * The KWIC lines of one document, with its segments (corpus order), from a
 * coder of the study's unit: every match found exactly as `qcode code` finds
 * it (the same scan, the same evidence), with up to `window` characters of
 * context on each side taken from the segment (context never runs into the
 * next segment). Line breaks in context become spaces.
 */
export function computeDocumentKwic(coder: DocumentCoder, doc: Document, segments: readonly Segment[], window: number): KwicLine[] {
  coder.scanText(doc.text);
  return computeScannedKwic(coder, doc.text, doc.id, segments.map((s) => ({ start: s.start, end: s.end, id: () => s.segment_id })), window);
}

/**
 * computeDocumentKwic for the document `coder` scanned last (scanText or
 * scanBytes), whose normalised text is `text`: a segment's text and id are
 * made only when it has a match (a 200 MB document's 1.8 million segments
 * were objects with their text, for a few lines), unless a regex pattern
 * needs every segment's text to decide.
 */
export function computeScannedKwic(coder: DocumentCoder, text: string, docId: string, segments: Iterable<ScannedSegment>, window: number): KwicLine[] {
  const lines: KwicLine[] = [];
  const from = codePointCursor(text, coder.codePoints);
  const upTo = codePointCursor(text, coder.codePoints);
  const withText = coder.m.regexPatterns.length > 0;
  for (const seg of segments) {
    let segText = withText ? text.slice(from(seg.start), upTo(seg.end)) : null;
    const items = coder.resolve(seg.start, seg.end, segText);
    let id: string | null = null;
    let at: ((codePoint: number) => number) | null = null;
    for (let i = 0; i < items.count; i++) {
      if (items.outcome[i] === UNLISTED) continue;
      const t = (segText ??= text.slice(from(seg.start), upTo(seg.end)));
      // Evidence offsets are code points into the document; the segment's text is sliced in UTF-16 units,
      // found by walking on from match to match (matches come in text order): no index per character of a huge segment.
      at ??= codePointCursor(t);
      const start = items.startCp[i]!;
      const end = items.endCp[i]!;
      const a = at(start - seg.start);
      const b = advanceCodePoints(t, a, end - start);
      lines.push({
        segment_id: (id ??= seg.id()),
        doc_id: docId,
        start,
        end,
        // Detached: the lines are kept for the whole corpus, the documents they come from are not.
        left: detachString(oneLine(context(t, 0, a, window, true))),
        keyword: detachString(oneLine(t.slice(a, b))),
        right: detachString(oneLine(context(t, b, t.length, window, false))),
        pattern: coder.m.patterns[items.pattern[i]!]!.pattern,
      });
    }
  }
  return lines;
}

/** The segments of document `d` of a segment table, in order, as computeScannedKwic takes them. */
export function* tableSegments(t: SegmentTable, d: number, docId: string, unit: Unit): Generator<ScannedSegment> {
  for (let n = t.segmentsOf(d).from, to = t.segmentsOf(d).to; n < to; n++) {
    const index = t.index(n);
    yield { start: t.start(n), end: t.end(n), id: () => segmentId(docId, unit, index) };
  }
}

/** The KWIC lines of a corpus held in memory (segments in corpus order), document by document. */
export function computeKwic(documents: readonly Document[], segments: readonly Segment[], matcher: Matcher, window: number): KwicLine[] {
  const coder = new DocumentCoder(matcher, segments[0]?.unit ?? 'document');
  const lines: KwicLine[] = [];
  for (const [doc, segs] of documentsWithSegments(documents, segments)) for (const l of computeDocumentKwic(coder, doc, segs, window)) lines.push(l);
  return lines;
}

/**
 * KWIC lines for the terminal: segment ids in a column, then left context
 * right-aligned to `window` so every keyword starts in the same column; the
 * keyword in brackets, context spacing kept as in the text.
 */
export function formatKwicLines(lines: readonly KwicLine[], window: number): string {
  const idWidth = lines.reduce((w, l) => Math.max(w, countGraphemeClusters(l.segment_id)), 0);
  return lines
    .map((l) => {
      const id = l.segment_id + ' '.repeat(idWidth - countGraphemeClusters(l.segment_id));
      const left = ' '.repeat(Math.max(0, window - countGraphemeClusters(l.left))) + l.left;
      return `${id}  ${left}[${l.keyword}]${l.right}`.trimEnd();
    })
    .map((s) => `${s}\n`)
    .join('');
}
