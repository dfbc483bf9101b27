import type { Unit } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import { surrogatePairCounter } from './code-point-offsets.js';
import { segmentId, type Segment } from '../model/segment.js';
import { splitParagraphs } from './split-paragraphs.js';
import { splitSentences } from './split-sentences.js';
import { pushTrimmed, type TextSpan } from './text-span.js';

/**
 * The segments of one document at a unit of coding: the whole document, its
 * paragraphs (separated by blank lines) or its sentences (never across a
 * paragraph break). `language` is a BCP 47 tag choosing the sentence rules
 * (en, es, their variants; anything else gets the language-neutral rules).
 * Offsets count code points in `doc.text`; each segment's text is its slice,
 * trimmed of surrounding whitespace. A blank document has no segments.
 */
export function computeSegments(doc: Document, unit: Unit, language: string): Segment[] {
  const text = doc.text;
  const spans = computeTextSpans(text, unit, language);
  const segments: Segment[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    segments[i] = {
      segment_id: segmentId(doc.id, unit, i + 1),
      doc_id: doc.id,
      unit,
      index: i + 1,
      start: span.cpStart,
      end: span.cpEnd,
      text: text.slice(span.start, span.end),
    };
  }
  return segments;
}

/** The spans of a text's segments at a unit (UTF-16 and code point offsets), without building the segments. */
export function computeTextSpans(text: string, unit: Unit, language: string): TextSpan[] {
  switch (unit) {
    case 'document': {
      const out: TextSpan[] = [];
      pushTrimmed(text, 0, text.length, 0, surrogatePairCounter(text)(text.length), out);
      return out;
    }
    case 'paragraph':
      return splitParagraphs(text);
    case 'sentence':
      return splitSentences(text, language);
  }
}
