import type { Segment } from '../model/segment.js';
import type { PatternFinder } from './pattern-finder.js';

/** One keyword-in-context line. Offsets are code points into the document. */
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

const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const codePoints = (s: string) => [...s].length;

/**
 * Every match in every segment, in corpus order, with up to `window` code
 * points of context on each side, taken from the segment (context never runs
 * into the next segment). Line breaks in context become spaces.
 */
export function computeKwic(segments: readonly Segment[], find: PatternFinder, window: number): KwicLine[] {
  const lines: KwicLine[] = [];
  for (const seg of segments) {
    for (const hit of find(seg.text)) {
      const before = [...seg.text.slice(0, hit.start)];
      const after = [...seg.text.slice(hit.end)];
      const start = seg.start + before.length;
      lines.push({
        segment_id: seg.segment_id,
        doc_id: seg.doc_id,
        start,
        end: start + codePoints(seg.text.slice(hit.start, hit.end)),
        left: oneLine(before.slice(Math.max(0, before.length - window)).join('')),
        keyword: oneLine(seg.text.slice(hit.start, hit.end)),
        right: oneLine(after.slice(0, window).join('')),
        pattern: hit.pattern,
      });
    }
  }
  return lines;
}

/**
 * KWIC lines for the terminal: segment ids in a column, then left context
 * right-aligned to `window` so every keyword starts in the same column; the
 * keyword in brackets, context spacing kept as in the text.
 */
export function formatKwicLines(lines: readonly KwicLine[], window: number): string {
  const idWidth = Math.max(0, ...lines.map((l) => codePoints(l.segment_id)));
  return lines
    .map((l) => {
      const id = l.segment_id + ' '.repeat(idWidth - codePoints(l.segment_id));
      const left = ' '.repeat(Math.max(0, window - codePoints(l.left))) + l.left;
      return `${id}  ${left}[${l.keyword}]${l.right}`.trimEnd();
    })
    .map((s) => `${s}\n`)
    .join('');
}
