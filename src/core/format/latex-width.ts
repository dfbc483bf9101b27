/**
 * Approximate widths of text set in LaTeX's default 10 pt Computer Modern
 * roman, in points: enough to decide how a table fits a page before TeX sees
 * it. Letters and digits carry their cmr10 advance widths; anything else
 * counts as a digit (5 pt). Estimates err wide by rounding up.
 */
const WIDTHS: Record<string, number> = {
  a: 5, b: 5.56, c: 4.44, d: 5.56, e: 4.44, f: 3.06, g: 5, h: 5.56, i: 2.78, j: 3.06, k: 5.28, l: 2.78, m: 8.33,
  n: 5.56, o: 5, p: 5.56, q: 5.28, r: 3.92, s: 3.94, t: 3.89, u: 5.56, v: 5.28, w: 7.22, x: 5.28, y: 5.28, z: 4.44,
  A: 7.5, B: 7.08, C: 7.22, D: 7.64, E: 6.81, F: 6.53, G: 7.85, H: 7.5, I: 3.61, J: 5.14, K: 7.78, L: 6.25, M: 9.17,
  N: 7.5, O: 7.78, P: 6.81, Q: 7.78, R: 7.36, S: 5.56, T: 7.22, U: 7.5, V: 7.5, W: 10.28, X: 7.5, Y: 7.5, Z: 6.11,
  ' ': 3.33, '.': 2.78, ',': 2.78, ':': 2.78, ';': 2.78, '-': 3.33, "'": 2.78, '’': 2.78, '(': 3.89, ')': 3.89,
  '[': 2.78, ']': 2.78, '%': 8.33, '—': 10, '–': 5, '/': 5, '!': 2.78, '?': 4.72, '|': 2.78, '&': 7.78,
};

/** Width in points of `text` at `size` points (10 by default). */
export function estimateLatexWidth(text: string, size = 10): number {
  let w = 0;
  for (const ch of text) w += WIDTHS[ch] ?? (/\p{Lu}/u.test(ch) ? 7.5 : 5);
  return (w * size) / 10;
}

/** The text width of a standard 10 pt article page (A4 or letter): what a table must fit. */
export const LATEX_TEXT_WIDTH = 345;

/** What a table may take of a page's height before it becomes a longtable. */
export const LATEX_FLOAT_HEIGHT = 480;
