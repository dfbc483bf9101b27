import { utf8CodeAt, utf8Length } from '../util/utf8-chars.js';
import { isDigit, isHorizontalSpace } from './char-classes.js';

/**
 * Lines that form their own sentences: list items and Markdown headings.
 * Both functions look at the line starting at byte `pos` of UTF-8 text `b`
 * (just after a newline or at a paragraph start) and never read past `to`.
 */

/** The first byte at or after `pos` that starts no white space other than a newline (isHorizontalSpace), or `to`. */
export function skipHorizontalSpace(b: Uint8Array, pos: number, to: number): number {
  while (pos < to && isHorizontalSpace(utf8CodeAt(b, pos))) pos += utf8Length(b[pos]!);
  return pos;
}

function spaceAt(b: Uint8Array, i: number, to: number): boolean {
  return i < to && isHorizontalSpace(utf8CodeAt(b, i));
}

/**
 * Where a list marker ends (just after it), or -1 when the line is not a list item.
 * Markers: `-`, `*`, `+` and a space; `•`, `◦`, `▪`, `‣`, `●`; `1.` `1)` `a)` `(a)` `(1)` and a space
 * (at most three digits, so a year that wraps to a line start, `2026. The`, is no marker).
 */
export function listMarkerEnd(b: Uint8Array, pos: number, to: number): number {
  const i = skipHorizontalSpace(b, pos, to);
  if (i >= to) return -1;
  const c = b[i]!;
  if (c === 45 || c === 42 || c === 43) return spaceAt(b, i + 1, to) ? i + 1 : -1;
  if (c === 0xe2) {
    const u = utf8CodeAt(b, i);
    if (u === 0x2022 || u === 0x25e6 || u === 0x25aa || u === 0x2023 || u === 0x25cf) return i + 3;
  }
  let j = i;
  const open = c === 40; // (
  if (open) j++;
  const digitsFrom = j;
  while (j < to && j - digitsFrom <= 3 && isDigit(b[j]!)) j++;
  const digits = j - digitsFrom;
  if (digits === 0) {
    // A lead byte of a longer character is above 0x7f, so never a letter here.
    const l = j < to ? b[j]! | 0x20 : 0;
    if (l >= 97 && l <= 122) j++;
    else return -1;
  } else if (digits > 3) return -1;
  if (j >= to) return -1;
  const close = b[j]!;
  const ok = open ? close === 41 : close === 41 || (digits > 0 && close === 46);
  return ok && spaceAt(b, j + 1, to) ? j + 1 : -1;
}

/** A Markdown ATX heading: up to six `#` and a space. `#hashtag` is not one. */
export function isHeadingAt(b: Uint8Array, pos: number, to: number): boolean {
  let i = skipHorizontalSpace(b, pos, to);
  const from = i;
  while (i < to && b[i] === 35) i++;
  const level = i - from;
  return level >= 1 && level <= 6 && spaceAt(b, i, to);
}
