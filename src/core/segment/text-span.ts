import { isWhitespace } from './char-classes.js';

/**
 * A trimmed piece of a text, found by a splitter. `start`/`end` index the
 * JavaScript string (UTF-16 code units, for slicing); `cpStart`/`cpEnd` are
 * the same positions in Unicode code points, the offsets a Segment promises.
 */
export interface TextSpan {
  start: number;
  end: number;
  cpStart: number;
  cpEnd: number;
}

/**
 * Appends [start, end) trimmed of whitespace, unless nothing is left.
 * `pairsBefore*` count the surrogate pairs before `start` and before `end`:
 * trimming crosses only whitespace, which is never astral, so they still hold.
 */
export function pushTrimmed(
  text: string,
  start: number,
  end: number,
  pairsBeforeStart: number,
  pairsBeforeEnd: number,
  out: TextSpan[],
): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (start < end) out.push({ start, end, cpStart: start - pairsBeforeStart, cpEnd: end - pairsBeforeEnd });
}
