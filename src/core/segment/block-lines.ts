import { isDigit, isHorizontalSpace } from './char-classes.js';

/**
 * Lines that form their own sentences: list items and Markdown headings.
 * Both functions look at the line starting at `pos` (just after a newline or at
 * a paragraph start) and never read past `to`.
 */

function skipIndent(text: string, pos: number, to: number): number {
  while (pos < to && isHorizontalSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

function spaceAt(text: string, i: number, to: number): boolean {
  return i < to && isHorizontalSpace(text.charCodeAt(i));
}

/**
 * Where a list marker ends (just after it), or -1 when the line is not a list item.
 * Markers: `-`, `*`, `+` and a space; `•`, `◦`, `▪`, `‣`, `●`; `1.` `1)` `a)` `(a)` `(1)` and a space
 * (at most three digits, so a year that wraps to a line start, `2026. The`, is no marker).
 */
export function listMarkerEnd(text: string, pos: number, to: number): number {
  const i = skipIndent(text, pos, to);
  if (i >= to) return -1;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) return spaceAt(text, i + 1, to) ? i + 1 : -1;
  if (c === 0x2022 || c === 0x25e6 || c === 0x25aa || c === 0x2023 || c === 0x25cf) return i + 1;
  let j = i;
  const open = c === 40; // (
  if (open) j++;
  const digitsFrom = j;
  while (j < to && j - digitsFrom <= 3 && isDigit(text.charCodeAt(j))) j++;
  const digits = j - digitsFrom;
  if (digits === 0) {
    const l = j < to ? text.charCodeAt(j) | 0x20 : 0;
    if (l >= 97 && l <= 122) j++;
    else return -1;
  } else if (digits > 3) return -1;
  if (j >= to) return -1;
  const close = text.charCodeAt(j);
  const ok = open ? close === 41 : close === 41 || (digits > 0 && close === 46);
  return ok && spaceAt(text, j + 1, to) ? j + 1 : -1;
}

/** A Markdown ATX heading: up to six `#` and a space. `#hashtag` is not one. */
export function isHeadingAt(text: string, pos: number, to: number): boolean {
  let i = skipIndent(text, pos, to);
  const from = i;
  while (i < to && text.charCodeAt(i) === 35) i++;
  const level = i - from;
  return level >= 1 && level <= 6 && spaceAt(text, i, to);
}
