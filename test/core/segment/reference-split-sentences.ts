/**
 * The sentence splitter as it was before the byte splitter: the string
 * implementation of src/core/segment/split-sentences.ts and block-lines.ts
 * at bfee4f2, reading UTF-16 char codes, kept unchanged as an oracle (the
 * property test in split-sentence-bytes.test.ts holds the byte splitter to
 * it, span for span). Not used by src. Only its word lookups go through the
 * tables of src (by the slice's UTF-8), and caseAt through caseOf, since
 * those are the word lists' and the character classes' one definition.
 */
import type { SentenceRules } from '../../../src/core/segment/build-sentence-rules.js';
import { caseOf, isCloser, isDigit, isHorizontalSpace, isNumberLead, isOpener, isWhitespace, isWordCode } from '../../../src/core/segment/char-classes.js';
import { blankLineEnd } from '../../../src/core/segment/split-paragraphs.js';
import { sentenceRulesFor } from '../../../src/core/segment/sentence-rules.js';
import { pushTrimmed, type TextSpan } from '../../../src/core/segment/text-span.js';
import type { WordTable } from '../../../src/core/segment/word-table.js';

const encoder = new TextEncoder();

function lookUp<V>(table: WordTable<V>, text: string, start: number, end: number): V | undefined {
  if (end - start > table.maxLength) return undefined;
  const bytes = encoder.encode(text.slice(start, end));
  return table.get(bytes, 0, bytes.length);
}

function caseAt(text: string, i: number): number {
  return caseOf(text.codePointAt(i) ?? text.charCodeAt(i));
}

/**
 * Splits `text` into sentences, never across a paragraph break; the rules are
 * in docs/segments.md. Each span is trimmed and carries both UTF-16 and
 * code-point offsets.
 *
 * One pass over the char codes of the whole text: a letter costs two
 * comparisons, and only a terminator (. ? ! … and full-width 。！？), a
 * newline or a surrogate makes the scanner look further. Surrogate pairs are
 * counted on the way, so code-point offsets need no second pass. Nothing is
 * allocated per character, and words are looked up in place (WordTable).
 */
export function referenceSplitSentences(text: string, language: string): TextSpan[] {
  const rules = sentenceRulesFor(language);
  const out: TextSpan[] = [];
  const run: TerminatorRun = { end: 0, strong: false, ellipsis: false, wide: false };
  const to = text.length;
  let i = 0;
  while (i < to && isWhitespace(text.charCodeAt(i))) i++;
  let sentStart = i;
  let pairs = 0; // surrogate pairs before i
  let pairsAtStart = 0; // surrogate pairs before sentStart
  // No closures in this function: a variable captured by one would be re-read from memory at every character.
  let marker = listMarkerEnd(text, i, to);
  let line = lineKind(text, i, to, marker);
  if (marker >= 0) i = marker;

  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 63) {
      if (c < 0x2026) continue;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          pairs++;
          i++;
        }
        continue;
      }
      if (!isOtherTerminator(c)) continue;
    } else if (c === 10) {
      const blank = blankLineEnd(text, i, to);
      if (blank >= 0) {
        // A paragraph break ends the sentence, whatever came before it.
        pushTrimmed(text, sentStart, i, pairsAtStart, pairs, out);
        let next = blank;
        while (next < to && isWhitespace(text.charCodeAt(next))) next++;
        sentStart = next;
        pairsAtStart = pairs;
        marker = listMarkerEnd(text, next, to);
        line = lineKind(text, next, to, marker);
        i = (marker >= 0 ? marker : next) - 1;
        continue;
      }
      // A list item or heading is a sentence of its own, and so is the line before a list.
      const next = i + 1;
      const before = line;
      marker = listMarkerEnd(text, next, to);
      line = lineKind(text, next, to, marker);
      const indented = next < to && isHorizontalSpace(text.charCodeAt(next));
      if (before === HEADING || line !== PLAIN || (before === LIST_ITEM && !indented)) {
        pushTrimmed(text, sentStart, i, pairsAtStart, pairs, out);
        sentStart = next;
        pairsAtStart = pairs;
      }
      // An indented line after a list item continues the item.
      if (line === PLAIN && before === LIST_ITEM && indented) line = LIST_ITEM;
      i = (marker >= 0 ? marker : next) - 1;
      continue;
    } else if (c !== 46 && c !== 33 && c !== 63) continue;

    if (line === HEADING) continue;
    // The commonest case decided at once: a space and a lower-case letter never start a sentence.
    // (Reading past the end of a string makes V8 drop its optimised code, so every read here is in bounds.)
    if (i + 2 < to && text.charCodeAt(i + 1) === 32) {
      const d = text.charCodeAt(i + 2);
      if (d >= 97 && d <= 122) continue;
    }
    readTerminatorRun(text, i, to, run);
    const boundary = boundaryAfter(text, i, run, to, sentStart, rules);
    if (boundary >= 0) {
      // Between the terminator and the boundary are only punctuation marks, never astral.
      pushTrimmed(text, sentStart, boundary, pairsAtStart, pairs, out);
      sentStart = boundary;
      pairsAtStart = pairs;
    }
    i = run.end - 1;
  }
  pushTrimmed(text, sentStart, to, pairsAtStart, pairs, out);
  return out;
}

const PLAIN = 0;
const LIST_ITEM = 1;
const HEADING = 2;

/** What the line starting at `at` is, given where its list marker ends (-1: none). */
function lineKind(text: string, at: number, to: number, marker: number): number {
  return marker >= 0 ? LIST_ITEM : isHeadingAt(text, at, to) ? HEADING : PLAIN;
}

/** The terminal punctuation starting at one position: `.`, `?!`, `...`, `. . .`, `…`, `。`. */
interface TerminatorRun {
  end: number;
  /** Holds ? or ! (or ‼ ⁇ ⁈ ⁉). */
  strong: boolean;
  /** Two or more full stops, or …. */
  ellipsis: boolean;
  /** Full-width 。！？, which end a sentence with no space after. */
  wide: boolean;
}

function isOtherTerminator(c: number): boolean {
  return c === 0x2026 || c === 0x203c || (c >= 0x2047 && c <= 0x2049) || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function readTerminatorRun(text: string, i: number, to: number, run: TerminatorRun): void {
  let dots = 0;
  run.strong = false;
  run.ellipsis = false;
  run.wide = false;
  let j = i;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 46) dots++;
    else if (c === 33 || c === 63 || c === 0x203c || (c >= 0x2047 && c <= 0x2049)) run.strong = true;
    else if (c === 0x2026) run.ellipsis = true;
    else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) run.wide = true;
    else if (c === 32 && dots > 0 && j + 1 < to && text.charCodeAt(j + 1) === 46) {
      // A spaced ellipsis ". . ." is one run.
      run.ellipsis = true;
    } else break;
    j++;
  }
  if (dots >= 2) run.ellipsis = true;
  run.end = j;
}

/**
 * Where the sentence ends after the run at `p` (after any closing quotes or
 * brackets), or -1 when it goes on.
 */
function boundaryAfter(
  text: string,
  p: number,
  run: TerminatorRun,
  to: number,
  sentStart: number,
  rules: SentenceRules,
): number {
  let k = run.end;
  while (k < to && isCloser(text.charCodeAt(k))) k++;
  let s = k;
  while (s < to && isWhitespace(text.charCodeAt(s))) s++;
  if (s >= to) return -1; // the paragraph ends here anyway
  if (run.wide) return k;
  let n = s;
  while (n < to && n - s < 4 && isOpener(text.charCodeAt(n))) n++;
  if (n >= to) return k;
  const nextCase = caseAt(text, n);

  if (s === k) return missingSpaceEnds(text, p, run, n, to) ? k : -1;
  if (nextCase < 0) return -1; // "etc. and", "U.S. officials", "Stop!" he said, "wait… and"
  if (run.strong || run.ellipsis) return k;

  const ts = tokenStart(text, p, Math.max(rules.abbreviations.maxLength, 3));
  if (ts === p || ts < 0) return k; // after a quote, bracket or space, or after a long word
  const numeric = isNumberLead(text.charCodeAt(n));
  switch (lookUp(rules.abbreviations, text, ts, p) ?? implicitKind(text, ts, p)) {
    case 'title':
      return -1;
    case 'number':
      return numeric ? -1 : k;
    case 'time':
      return numeric || (nextCase > 0 && lookUp(rules.timeWords, text, n, wordEnd(text, n, to))) ? -1 : k;
    case 'starter':
      if (numeric) return -1;
      if (nextCase > 0) return lookUp(rules.sentenceStarters, text, n, wordEnd(text, n, to)) ? k : -1;
      return k;
    default:
      return isInlineListNumber(text, ts, p, sentStart) ? -1 : k;
  }
}

/**
 * Initials (J. F. Kennedy) and dotted initialisms (U.S, Ph.D, EE.UU) not in
 * the word lists: letters in pieces of one or two between full stops.
 * A capital glued to a symbol or number is a unit, not an initial: "hit 40°C. Crops died".
 */
function implicitKind(text: string, ts: number, p: number): 'starter' | undefined {
  if (p - ts === 1) {
    const before = ts > 0 ? text.charCodeAt(ts - 1) : 32;
    return caseAt(text, ts) > 0 && (isWhitespace(before) || isOpener(before)) ? 'starter' : undefined;
  }
  let dots = 0;
  let piece = 0;
  for (let i = ts; i < p; i++) {
    if (text.charCodeAt(i) === 46) {
      dots++;
      piece = 0;
    } else if (++piece > 2 || caseAt(text, i) === 0) return undefined;
  }
  return dots > 0 ? 'starter' : undefined;
}

/**
 * A number of up to three digits that opens its sentence or follows a colon
 * is a list marker inside a line: "Steps: 1. Open the box".
 */
function isInlineListNumber(text: string, ts: number, p: number, sentStart: number): boolean {
  if (p - ts > 3) return false;
  for (let i = ts; i < p; i++) if (!isDigit(text.charCodeAt(i))) return false;
  let q = ts;
  while (q > sentStart && isWhitespace(text.charCodeAt(q - 1))) q--;
  return q === sentStart || text.charCodeAt(q - 1) === 58;
}

/**
 * "failed.The": a full stop (or ? !) with no space before a capitalised word
 * ends a sentence, unless it sits inside a URL, an e-mail address, a domain
 * name, an initialism (U.S.The) or after a single letter (J.Smith).
 */
function missingSpaceEnds(text: string, p: number, run: TerminatorRun, n: number, to: number): boolean {
  if (caseAt(text, n) <= 0 || n + 1 >= to || caseAt(text, n + 1) >= 0) return false;
  if (!run.strong && !run.ellipsis) {
    const ts = tokenStart(text, p, 64);
    if (ts < 0) return !inUrlOrAddress(text, p, n, to); // a very long word
    if (p - ts < 2) return false;
    for (let i = ts; i < p; i++) if (text.charCodeAt(i) === 46) return false;
    if (p - ts === 3 && /^www$/i.test(text.slice(ts, p))) return false;
  }
  return !inUrlOrAddress(text, p, n, to);
}

function inUrlOrAddress(text: string, p: number, n: number, to: number): boolean {
  for (let i = p - 1; i >= 0 && p - i < 256; i--) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) break;
    if (c === 47 || c === 64 || c === 58) return true; // / @ :
  }
  for (let i = n; i < to && i - n < 256; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) break;
    if (c === 47 || c === 64) return true;
    if (c === 46 && i + 1 < to && isWordCode(text.charCodeAt(i + 1))) return true; // more domain labels
  }
  return false;
}

/**
 * Start of the word before the full stop at `p`, inner dots included (U.S,
 * 2.0.1, EE.UU); -1 when its last piece is longer than `longest` letters, so
 * it cannot be an abbreviation or initialism and need not be read to its start.
 */
function tokenStart(text: string, p: number, longest: number): number {
  let t = p;
  let piece = 0;
  // Bounded, so that a long run of dotted pieces without spaces ("Ab.Cd.Ef…") is not read again at every dot.
  while (t > 0 && p - t < 64) {
    const c = text.charCodeAt(t - 1);
    const lower = c | 32;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || (c >= 128 && isWordCode(c))) {
      if (++piece > longest) return -1;
    } else if (c === 46 && t >= 2 && isWordCode(text.charCodeAt(t - 2))) {
      piece = 0;
      longest = 2;
    } else break;
    t--;
  }
  return t;
}

/** End of the word starting at `n`, for the starter and time-word lists. */
function wordEnd(text: string, n: number, to: number): number {
  let e = n;
  while (e < to && e - n < 24 && isWordCode(text.charCodeAt(e))) e++;
  return e;
}


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
function listMarkerEnd(text: string, pos: number, to: number): number {
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
function isHeadingAt(text: string, pos: number, to: number): boolean {
  let i = skipIndent(text, pos, to);
  const from = i;
  while (i < to && text.charCodeAt(i) === 35) i++;
  const level = i - from;
  return level >= 1 && level <= 6 && spaceAt(text, i, to);
}
