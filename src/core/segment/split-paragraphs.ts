import { isHorizontalSpace } from './char-classes.js';
import { surrogatePairCounter } from './code-point-offsets.js';
import { pushTrimmed, type TextSpan } from './text-span.js';

/**
 * Paragraphs are separated by blank lines: a line that is empty or holds only
 * spaces and tabs. Each paragraph is trimmed; runs of blank lines count once.
 * Expects LF line ends, as the corpus reader leaves them.
 */
export function splitParagraphs(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const pairsBefore = surrogatePairCounter(text);
  const n = text.length;
  let start = 0;
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    const j = blankLineEnd(text, nl, n);
    if (j >= 0) {
      pushTrimmed(text, start, nl, pairsBefore(start), pairsBefore(nl), out);
      // The blank line's own newline may start another blank line.
      start = j;
      nl = j;
    } else {
      nl = text.indexOf('\n', nl + 1);
    }
  }
  pushTrimmed(text, start, n, pairsBefore(start), pairsBefore(n), out);
  return out;
}

/**
 * For the newline at `nl`: when the line after it is blank, the index of the
 * newline that ends that blank line; otherwise -1.
 */
export function blankLineEnd(text: string, nl: number, to: number): number {
  let j = nl + 1;
  while (j < to && isHorizontalSpace(text.charCodeAt(j))) j++;
  return j < to && text.charCodeAt(j) === 10 ? j : -1;
}
