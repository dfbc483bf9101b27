/**
 * Character classes and folding shared by the string and byte matchers, so
 * both read text the same way. Tables cover the Basic Multilingual Plane;
 * astral code points are classified on demand and cached.
 *
 * A token is a run of word characters, where a single hyphen (-, U+2010,
 * U+2011) or apostrophe (', U+2019) between two word characters joins the
 * run into one token. Everything else separates tokens: whitespace, or
 * punctuation (which also breaks a phrase).
 */

export const K_OTHER = 0;
export const K_WORD = 1;
export const K_HYPHEN = 2;
export const K_APOS = 3;
export const K_SPACE = 4;
/** Flag bit: the code point may change under NFC in context (marks, Hangul jamo). */
export const F_NFC = 8;
export const KIND_MASK = 7;

const WORD_RE = /^[\p{L}\p{N}\p{M}_]$/u;
const SPACE_RE = /^\s$/u;
const MARK_RE = /^\p{M}$/u;

function computeClass(cp: number): number {
  let kind: number;
  if (cp === 0x2d || cp === 0x2010 || cp === 0x2011) kind = K_HYPHEN;
  else if (cp === 0x27 || cp === 0x2019) kind = K_APOS;
  else {
    const s = String.fromCodePoint(cp);
    kind = WORD_RE.test(s) ? K_WORD : SPACE_RE.test(s) ? K_SPACE : K_OTHER;
    const jamo = (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
    if (cp >= 0x80 && (jamo || MARK_RE.test(s) || (cp < 0xd800 || cp > 0xdfff ? s.normalize('NFC') !== s : false))) {
      kind |= F_NFC;
    }
  }
  return kind;
}

/** Class (kind | flags) of every BMP code point. */
export const BMP_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) t[cp] = cp >= 0xd800 && cp <= 0xdfff ? K_OTHER : computeClass(cp);
  return t;
})();

const astralClass = new Map<number, number>();

export function classOf(cp: number): number {
  if (cp < 0x10000) return BMP_CLASS[cp]!;
  let c = astralClass.get(cp);
  if (c === undefined) {
    c = computeClass(cp);
    astralClass.set(cp, c);
  }
  return c;
}

/**
 * Folded form of one code point as UTF-8 bytes: lower case, diacritics
 * removed (NFD, marks dropped: México → mexico), every apostrophe to ' and
 * every in-word hyphen to -. A combining mark folds to nothing.
 */
export function foldCodePoint(cp: number): string {
  const kind = classOf(cp) & KIND_MASK;
  if (kind === K_HYPHEN) return '-';
  if (kind === K_APOS) return "'";
  return String.fromCodePoint(cp).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

const encoder = new TextEncoder();
const foldCache = new Map<number, Uint8Array>();

/** foldCodePoint as bytes, cached: only non-ASCII word characters come here. */
export function foldBytes(cp: number): Uint8Array {
  let b = foldCache.get(cp);
  if (b === undefined) {
    b = encoder.encode(foldCodePoint(cp));
    foldCache.set(cp, b);
  }
  return b;
}

/** Folds a whole word (pattern side) the same way text is folded. */
export function foldWord(word: string): string {
  let out = '';
  for (const ch of word) out += foldCodePoint(ch.codePointAt(0)!);
  return out;
}

/**
 * A word as a reader would write it in a table: lower case with apostrophes
 * and in-word hyphens unified as folding does, but diacritics kept (NFC), so
 * `México` shows as `méxico` where foldWord gives `mexico`.
 */
export function lowerWord(word: string): string {
  let out = '';
  for (const ch of word) {
    const kind = classOf(ch.codePointAt(0)!) & KIND_MASK;
    out += kind === K_HYPHEN ? '-' : kind === K_APOS ? "'" : ch.toLowerCase();
  }
  return out.normalize('NFC');
}
