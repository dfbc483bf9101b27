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

export function computeClass(cp: number): number {
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

/**
 * Class (kind | flags) of every BMP code point: computeClass's answers, found
 * by one regex pass per property over a string of all of them and one
 * normalisation of them all, each standing between U+0000s (a starter that
 * composes with nothing and stops reordering, so each one's NFC form stands
 * alone between them). Three tests and a normalisation per code point took
 * some 50 ms in every thread that codes.
 */
export const BMP_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const units = new Uint16Array(0x10000);
  // Surrogates are no characters: a '?' holds their place.
  for (let cp = 0; cp < 0x10000; cp++) units[cp] = cp >= 0xd800 && cp <= 0xdfff ? 0x3f : cp;
  const utf16 = new TextDecoder('utf-16le');
  const all = utf16.decode(units);
  // A property's characters replaced by U+0001, itself none of them: position i has it when the result holds 1 there and i is not 1.
  // Runs are replaced, not characters: most of the BMP is letters, and a call per character costs more than the tests it saves.
  const has = (re: RegExp) => all.replace(re, (run) => '\u0001'.repeat(run.length));
  const word = has(/[\p{L}\p{N}\p{M}_]+/gu);
  const space = has(/\s+/gu);
  const mark = has(/\p{M}+/gu);
  const between = new Uint16Array(0x20000);
  for (let cp = 0x80; cp < 0x10000; cp++) between[2 * cp] = units[cp]!;
  const nfc = utf16.decode(between.subarray(0x100)).normalize('NFC');
  let at = 0;
  for (let cp = 0; cp < 0x10000; cp++) {
    let changed = false;
    if (cp >= 0x80) {
      const end = nfc.indexOf('\u0000', at);
      changed = end - at !== 1 || nfc.charCodeAt(at) !== cp;
      at = end + 1;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    let kind = K_OTHER;
    if (cp === 0x2d || cp === 0x2010 || cp === 0x2011) kind = K_HYPHEN;
    else if (cp === 0x27 || cp === 0x2019) kind = K_APOS;
    else if (word.charCodeAt(cp) === 1 && cp !== 1) kind = K_WORD;
    else if (space.charCodeAt(cp) === 1 && cp !== 1) kind = K_SPACE;
    if (cp >= 0x80) {
      const jamo = (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
      if (kind !== K_HYPHEN && kind !== K_APOS && (jamo || (mark.charCodeAt(cp) === 1 && cp !== 1) || changed)) kind |= F_NFC;
    }
    t[cp] = kind;
  }
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
