/**
 * Character tests on code points for the segment scanners (a BMP char code is
 * its code point). They work on numbers, not strings, so the hot loops
 * allocate nothing; the rare non-ASCII cases fall back to a Unicode property
 * regex on one character.
 */

/** Exactly the characters JavaScript's `\s` matches, so `trim()` and tests agree with the scanners. */
export function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whitespace that does not end a line. */
export function isHorizontalSpace(c: number): boolean {
  return c !== 10 && isWhitespace(c);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const UPPER = /^[\p{Lu}\p{Lt}]$/u;
const LOWER = /^\p{Ll}$/u;
const WORD = /^[\p{L}\p{M}\p{N}]$/u;

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** Code point c's case: 1 upper case, -1 lower case, 0 anything without case (digits, symbols, CJK, emoji, a lone surrogate). */
export function caseOf(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? -1 : 0;
  if (c >= 0xc0 && c <= 0xff) return c === 0xd7 || c === 0xf7 ? 0 : c <= 0xde ? 1 : -1;
  const ch = String.fromCodePoint(c);
  return UPPER.test(ch) ? 1 : LOWER.test(ch) ? -1 : 0;
}

/** A letter, mark or digit of the BMP (astral characters such as emoji never join a word here). */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (isSurrogate(c) || c > 0xffff) return false;
  return WORD.test(String.fromCharCode(c));
}

/**
 * Characters that close a quotation or bracket: after terminal punctuation
 * they still belong to the sentence that ends (`"Stop!" He left.`).
 */
export function isCloser(c: number): boolean {
  switch (c) {
    case 34: // "
    case 39: // '
    case 41: // )
    case 42: // * (Markdown emphasis: **Done.**)
    case 93: // ]
    case 125: // }
    case 0xbb: // »
    case 0x2019: // ’
    case 0x201d: // ”
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
      return true;
    default:
      return false;
  }
}

/** Characters that may open a sentence before its first letter: quotes, brackets, dashes, ¿ and ¡. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 34:
    case 39:
    case 40: // (
    case 42:
    case 45: // -
    case 91: // [
    case 95: // _
    case 123: // {
    case 0xa1: // ¡
    case 0xab: // «
    case 0xbf: // ¿
    case 0x2013: // –
    case 0x2014: // —
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x201e: // „
    case 0x2039: // ‹
    case 0x300c: // 「
      return true;
    default:
      return false;
  }
}

/** Symbols that introduce a number, so `No. $5` reads like `No. 5`. */
export function isNumberLead(c: number): boolean {
  return isDigit(c) || c === 36 || c === 35 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}
