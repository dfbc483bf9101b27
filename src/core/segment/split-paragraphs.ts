import { isHorizontalSpace } from './char-classes.js';
import { pushTrimmed, type CodeUnitSpan } from './code-unit-span.js';

/**
 * Paragraphs are separated by blank lines: a line that is empty or holds only
 * spaces and tabs. Each paragraph is trimmed; runs of blank lines count once.
 * Offsets are UTF-16 code units into `text` (LF line ends, as the corpus reader leaves them).
 */
export function splitParagraphs(text: string): CodeUnitSpan[] {
  const out: CodeUnitSpan[] = [];
  const n = text.length;
  let start = 0;
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    let j = nl + 1;
    while (j < n && isHorizontalSpace(text.charCodeAt(j))) j++;
    if (j < n && text.charCodeAt(j) === 10) {
      pushTrimmed(text, start, nl, out);
      // The blank line's own newline may start another blank line.
      start = j;
      nl = j;
    } else {
      nl = text.indexOf('\n', nl + 1);
    }
  }
  pushTrimmed(text, start, n, out);
  return out;
}
