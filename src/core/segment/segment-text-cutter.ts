import { codePointCursor } from '../util/code-point-cursor.js';
import type { SegmentTable } from './segment-table.js';

/**
 * The text of a document's segments, cut from the document's text by the
 * table's code-point offsets, for segments asked in corpus order (n not
 * decreasing): a pass that needs a few segments' texts makes only those,
 * not a Segment with its text for every segment of the document (a 200 MB
 * document has millions).
 */
export function segmentTextCutter(t: SegmentTable, text: string): (n: number) => string {
  const from = codePointCursor(text);
  const upTo = codePointCursor(text);
  return (n) => text.slice(from(t.start(n)), upTo(t.end(n)));
}
