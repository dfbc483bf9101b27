import { isWhitespace } from './char-classes.js';

/**
 * A span [start, end) in UTF-16 code units, the unit JavaScript strings index
 * by. The scanners work in code units for speed; compute-segments converts to
 * the code points a Segment promises.
 */
export interface CodeUnitSpan {
  start: number;
  end: number;
}

/** Appends [start, end) trimmed of whitespace, unless nothing is left. */
export function pushTrimmed(text: string, start: number, end: number, out: CodeUnitSpan[]): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (start < end) out.push({ start, end });
}
