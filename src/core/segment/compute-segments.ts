// Stand-in until the segmenter lands: paragraphs on blank lines, sentences on . ! ? + space.
import type { Document } from '../corpus/document.js';
import type { Unit } from '../codebook/codebook-schema.js';
import { segmentId, type Segment } from './segment.js';

export function computeSegments(doc: Document, unit: Unit, _language: string): Segment[] {
  const cps = Array.from(doc.text);
  const spans: [number, number][] = [];
  if (unit === 'document') spans.push([0, cps.length]);
  else {
    let start = 0;
    for (let i = 0; i < cps.length; i++) {
      const brk =
        (cps[i] === '\n' && cps[i + 1] === '\n') ||
        (unit === 'sentence' && /[.!?]/.test(cps[i]!) && (cps[i + 1] === ' ' || cps[i + 1] === '\n'));
      if (brk) {
        spans.push([start, i + 1]);
        start = i + 1;
      }
    }
    spans.push([start, cps.length]);
  }
  const out: Segment[] = [];
  for (let [s, e] of spans) {
    while (s < e && /\s/.test(cps[s]!)) s++;
    while (e > s && /\s/.test(cps[e - 1]!)) e--;
    if (e > s) {
      const index = out.length + 1;
      out.push({ segment_id: segmentId(doc.id, unit, index), doc_id: doc.id, unit, index, start: s, end: e, text: cps.slice(s, e).join('') });
    }
  }
  return out;
}
