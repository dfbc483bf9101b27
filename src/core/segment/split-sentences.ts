import { Utf8Offsets, utf8Chars, utf8CodeAt, utf8Length, utf8StartBefore } from '../util/utf8-chars.js';
import type { SentenceRules } from './build-sentence-rules.js';
import { isHeadingAt, listMarkerEnd, skipHorizontalSpace } from './block-lines.js';
import { caseOf, isCloser, isDigit, isHorizontalSpace, isNumberLead, isOpener, isWhitespace, isWordCode } from './char-classes.js';
import { sentenceRulesFor } from './sentence-rules.js';
import type { TextSpan } from './text-span.js';

const encoder = new TextEncoder();

/**
 * Splits `text` into sentences, never across a paragraph break; the rules are
 * in docs/segments.md. Each span is trimmed and carries both UTF-16 and
 * code-point offsets. The text is split as its UTF-8 (splitSentenceBytes):
 * there is one definition of the rules.
 */
export function splitSentences(text: string, language: string): TextSpan[] {
  // A long text's buffers are its own, so that one long document does not stay in memory after it.
  const long = text.length > SCRATCH_MAX;
  const found = long ? [] : scratchFound;
  splitSentenceBytes(long ? encoder.encode(text) : utf8Of(text), language, found);
  const out: TextSpan[] = new Array(found.length / SENTENCE_FIELDS);
  for (let i = 0, k = 0; k < found.length; i++, k += SENTENCE_FIELDS) {
    out[i] = { start: found[k + 4]!, end: found[k + 5]!, cpStart: found[k + 2]!, cpEnd: found[k + 3]! };
  }
  return out;
}

/** The last text's UTF-8 and sentences, in buffers reused from call to call: a document's worth of allocation less per string. */
const SCRATCH_MAX = 1 << 20;
let scratch = new Uint8Array(1 << 16);
const scratchFound: number[] = [];

function utf8Of(text: string): Uint8Array {
  // Three bytes per UTF-16 unit at most.
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(Math.min(Math.max(text.length * 3, 2 * scratch.length), 3 * SCRATCH_MAX));
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/** Numbers per sentence that splitSentenceBytes gives: byte start and end, code point start and end, UTF-16 start and end. */
export const SENTENCE_FIELDS = 6;

/**
 * The sentences of a text given as its UTF-8 bytes `b` (a string's encoding,
 * or a JSON text's content as JsonContentBytes resolves it), appended to
 * `out` (emptied first) as SENTENCE_FIELDS numbers each: the same spans
 * splitSentences gives the string, with byte offsets besides.
 *
 * One pass over the bytes: a byte costs a table look-up, and only a
 * terminator (. ? ! and the three-byte … ‼ ⁇ ⁈ ⁉ 。！？) or a newline makes
 * the scanner look further. A code point is decoded only where a rule asks
 * about a character. Code-point and UTF-16 offsets come from the non-ASCII
 * bytes counted on the way (continuation bytes, and four-byte characters,
 * which are two UTF-16 units), so they need no second pass. Nothing is
 * allocated per character, and words are looked up in place (WordTable).
 */
export function splitSentenceBytes(b: Uint8Array, language: string, out: number[]): void {
  out.length = 0;
  const rules = sentenceRulesFor(language);
  const offsets = new Utf8Offsets(b);
  const run: TerminatorRun = { end: 0, strong: false, ellipsis: false, wide: false };
  // The current sentence's first character, its offsets taken when it was found, while the scanner is near.
  const first: SentenceStart = { at: 0, codePoints: 0, units: 0 };
  const to = b.length;
  let i = skipWhitespace(b, 0, to);
  let sentStart = i;
  startSentence(b, i, to, offsets, first);
  let marker = listMarkerEnd(b, i, to);
  let line = lineKind(b, i, to, marker);
  if (marker >= 0) i = marker;
  offsets.moveTo(i);
  // Non-ASCII bytes passed since offsets.pos. No closures in this function: a variable captured by one would be re-read from memory at every byte.
  let continuations = 0;
  let astral = 0;

  for (; i < to; i++) {
    // Four bytes at a time while none of them needs a look (most of a text): a quarter of the loop's branches.
    while (i + 4 <= to && (BYTE_KIND[b[i]!]! | BYTE_KIND[b[i + 1]!]! | BYTE_KIND[b[i + 2]!]! | BYTE_KIND[b[i + 3]!]!) === 0) i += 4;
    if (i >= to) break;
    const kind = BYTE_KIND[b[i]!]!;
    if (kind === 0) continue;
    if (kind === CONTINUATION) {
      continuations++;
      continue;
    }
    if (kind === FOUR_BYTE_LEAD) {
      astral++;
      continue;
    }
    const c = b[i]!;
    let width = 1;
    if (kind === THREE_BYTE_LEAD) {
      if (!isOtherTerminator(utf8CodeAt(b, i))) continue;
      width = 3;
    } else if (c === 10) {
      offsets.advance(i, continuations, astral);
      continuations = 0;
      astral = 0;
      const blank = blankLineEnd(b, i, to);
      let next = i + 1;
      if (blank >= 0) {
        // A paragraph break ends the sentence, whatever came before it.
        pushSentence(b, first, i, offsets, out);
        next = skipWhitespace(b, blank, to);
        sentStart = next;
        startSentence(b, next, to, offsets, first);
        marker = listMarkerEnd(b, next, to);
        line = lineKind(b, next, to, marker);
      } else {
        // A list item or heading is a sentence of its own, and so is the line before a list.
        const before = line;
        marker = listMarkerEnd(b, next, to);
        line = lineKind(b, next, to, marker);
        const indented = next < to && isHorizontalSpace(utf8CodeAt(b, next));
        if (before === HEADING || line !== PLAIN || (before === LIST_ITEM && !indented)) {
          pushSentence(b, first, i, offsets, out);
          sentStart = next;
          startSentence(b, next, to, offsets, first);
        }
        // An indented line after a list item continues the item.
        if (line === PLAIN && before === LIST_ITEM && indented) line = LIST_ITEM;
      }
      const resume = marker >= 0 ? marker : next;
      offsets.moveTo(resume);
      i = resume - 1;
      continue;
    }
    // A terminator. (A three-byte one passed over here leaves its continuation bytes to the loop.)
    if (line === HEADING) continue;
    // The commonest case decided at once: a space and a lower-case letter never start a sentence.
    const after = i + width;
    if (after + 1 < to && b[after] === 32) {
      const d = b[after + 1]!;
      if (d >= 97 && d <= 122) continue;
    }
    offsets.advance(i, continuations, astral);
    continuations = 0;
    astral = 0;
    readTerminatorRun(b, i, to, run);
    const boundary = boundaryAfter(b, i, run, to, sentStart, rules);
    if (boundary >= 0) {
      pushSentence(b, first, boundary, offsets, out);
      sentStart = boundary;
      startSentence(b, boundary, to, offsets, first);
    }
    offsets.moveTo(run.end);
    i = run.end - 1;
  }
  offsets.advance(i, continuations, astral);
  pushSentence(b, first, to, offsets, out);
}

/** What the scanner must look at: 1 a newline or . ! ?; continuation bytes and 4-byte leads, counted for the offsets; the leads E2, E3, EF of the other terminators. */
const MARK = 1;
const CONTINUATION = 2;
const FOUR_BYTE_LEAD = 3;
const THREE_BYTE_LEAD = 4;
const BYTE_KIND = new Uint8Array(256);
for (const c of [10, 33, 46, 63]) BYTE_KIND[c] = MARK;
BYTE_KIND.fill(CONTINUATION, 0x80, 0xc0);
BYTE_KIND.fill(FOUR_BYTE_LEAD, 0xf0);
for (const c of [0xe2, 0xe3, 0xef]) BYTE_KIND[c] = THREE_BYTE_LEAD;

const PLAIN = 0;
const LIST_ITEM = 1;
const HEADING = 2;

/** What the line starting at `at` is, given where its list marker ends (-1: none). */
function lineKind(b: Uint8Array, at: number, to: number, marker: number): number {
  return marker >= 0 ? LIST_ITEM : isHeadingAt(b, at, to) ? HEADING : PLAIN;
}

function skipWhitespace(b: Uint8Array, i: number, to: number): number {
  while (i < to && isWhitespace(utf8CodeAt(b, i))) i += utf8Length(b[i]!);
  return i;
}

/**
 * For the newline at `nl`: when the line after it is blank (empty, or only
 * spaces and tabs), the index of the newline that ends that blank line; otherwise -1.
 */
function blankLineEnd(b: Uint8Array, nl: number, to: number): number {
  const j = skipHorizontalSpace(b, nl + 1, to);
  return j < to && b[j] === 10 ? j : -1;
}

/** Where a sentence starts, trimmed, with its offsets. */
interface SentenceStart {
  at: number;
  codePoints: number;
  units: number;
}

/** Takes the sentence that begins at `at` (its white space skipped) as the current one. */
function startSentence(b: Uint8Array, at: number, to: number, offsets: Utf8Offsets, first: SentenceStart): void {
  first.at = skipWhitespace(b, at, to);
  offsets.moveTo(first.at);
  first.codePoints = offsets.codePoints;
  first.units = offsets.units;
}

/** Appends the current sentence, ending at `end`, trimmed, unless nothing is left of it. */
function pushSentence(b: Uint8Array, first: SentenceStart, end: number, offsets: Utf8Offsets, out: number[]): void {
  while (end > first.at) {
    const last = utf8StartBefore(b, end);
    if (!isWhitespace(utf8CodeAt(b, last))) break;
    end = last;
  }
  if (end <= first.at) return;
  offsets.moveTo(end);
  out.push(first.at, end, first.codePoints, offsets.codePoints, first.units, offsets.units);
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

function readTerminatorRun(b: Uint8Array, i: number, to: number, run: TerminatorRun): void {
  let dots = 0;
  run.strong = false;
  run.ellipsis = false;
  run.wide = false;
  let j = i;
  while (j < to) {
    const c = b[j]!;
    if (c === 46) dots++;
    else if (c === 33 || c === 63) run.strong = true;
    else if (c === 32 && dots > 0 && j + 1 < to && b[j + 1] === 46) {
      // A spaced ellipsis ". . ." is one run.
      run.ellipsis = true;
    } else if (c >= 0xe2 && c < 0xf0) {
      const u = utf8CodeAt(b, j);
      if (u === 0x203c || (u >= 0x2047 && u <= 0x2049)) run.strong = true;
      else if (u === 0x2026) run.ellipsis = true;
      else if (u === 0x3002 || u === 0xff01 || u === 0xff1f) run.wide = true;
      else break;
      j += 3;
      continue;
    } else break;
    j++;
  }
  if (dots >= 2) run.ellipsis = true;
  run.end = j;
}

/** The case of the character at b[i] (caseOf its code point). */
function caseAt(b: Uint8Array, i: number): number {
  return caseOf(utf8CodeAt(b, i));
}

/** Whether the character at b[i] is a word character (isWordCode; never one outside the BMP). */
function isWordAt(b: Uint8Array, i: number): boolean {
  return isWordCode(utf8CodeAt(b, i));
}

/**
 * Where the sentence ends after the run at `p` (after any closing quotes or
 * brackets), or -1 when it goes on.
 */
function boundaryAfter(b: Uint8Array, p: number, run: TerminatorRun, to: number, sentStart: number, rules: SentenceRules): number {
  let k = run.end;
  while (k < to && isCloser(utf8CodeAt(b, k))) k += utf8Length(b[k]!);
  const s = skipWhitespace(b, k, to);
  if (s >= to) return -1; // the paragraph ends here anyway
  if (run.wide) return k;
  let n = s;
  for (let openers = 0; n < to && openers < 4 && isOpener(utf8CodeAt(b, n)); openers++) n += utf8Length(b[n]!);
  if (n >= to) return k;
  const nextCase = caseAt(b, n);

  if (s === k) return missingSpaceEnds(b, p, run, n, to) ? k : -1;
  if (nextCase < 0) return -1; // "etc. and", "U.S. officials", "Stop!" he said, "wait… and"
  if (run.strong || run.ellipsis) return k;

  const ts = tokenStart(b, p, Math.max(rules.abbreviations.maxLength, 3));
  if (ts === p || ts < 0) return k; // after a quote, bracket or space, or after a long word
  const numeric = isNumberLead(utf8CodeAt(b, n));
  switch (rules.abbreviations.get(b, ts, p) ?? implicitKind(b, ts, p)) {
    case 'title':
      return -1;
    case 'number':
      return numeric ? -1 : k;
    case 'time':
      return numeric || (nextCase > 0 && rules.timeWords.get(b, n, wordEnd(b, n, to))) ? -1 : k;
    case 'starter':
      if (numeric) return -1;
      if (nextCase > 0) return rules.sentenceStarters.get(b, n, wordEnd(b, n, to)) ? k : -1;
      return k;
    default:
      return isInlineListNumber(b, ts, p, sentStart) ? -1 : k;
  }
}

/**
 * Initials (J. F. Kennedy) and dotted initialisms (U.S, Ph.D, EE.UU) not in
 * the word lists: letters in pieces of one or two between full stops.
 * A capital glued to a symbol or number is a unit, not an initial: "hit 40°C. Crops died".
 */
function implicitKind(b: Uint8Array, ts: number, p: number): 'starter' | undefined {
  if (ts + utf8Length(b[ts]!) === p) {
    const before = ts > 0 ? utf8CodeAt(b, utf8StartBefore(b, ts)) : 32;
    return caseAt(b, ts) > 0 && (isWhitespace(before) || isOpener(before)) ? 'starter' : undefined;
  }
  let dots = 0;
  let piece = 0;
  for (let i = ts; i < p; i += utf8Length(b[i]!)) {
    if (b[i] === 46) {
      dots++;
      piece = 0;
    } else if (++piece > 2 || caseAt(b, i) === 0) return undefined;
  }
  return dots > 0 ? 'starter' : undefined;
}

/**
 * A number of up to three digits that opens its sentence or follows a colon
 * is a list marker inside a line: "Steps: 1. Open the box".
 */
function isInlineListNumber(b: Uint8Array, ts: number, p: number, sentStart: number): boolean {
  if (p - ts > 3) return false;
  for (let i = ts; i < p; i++) if (!isDigit(b[i]!)) return false;
  let q = ts;
  while (q > sentStart) {
    const c = utf8StartBefore(b, q);
    if (!isWhitespace(utf8CodeAt(b, c))) break;
    q = c;
  }
  return q === sentStart || b[q - 1] === 58;
}

/**
 * "failed.The": a full stop (or ? !) with no space before a capitalised word
 * ends a sentence, unless it sits inside a URL, an e-mail address, a domain
 * name, an initialism (U.S.The) or after a single letter (J.Smith).
 */
function missingSpaceEnds(b: Uint8Array, p: number, run: TerminatorRun, n: number, to: number): boolean {
  // After a capital beyond the BMP the second character is the pair's low half, which has no case.
  const width = utf8Length(b[n]!);
  if (caseAt(b, n) <= 0 || width === 4 || n + width >= to || caseAt(b, n + width) >= 0) return false;
  if (!run.strong && !run.ellipsis) {
    const ts = tokenStart(b, p, 64);
    if (ts < 0) return !inUrlOrAddress(b, p, n, to); // a very long word
    if (utf8Chars(b, ts, p) < 2) return false;
    for (let i = ts; i < p; i++) if (b[i] === 46) return false;
    if (p - ts === 3 && (b[ts]! | 32) === 119 && (b[ts + 1]! | 32) === 119 && (b[ts + 2]! | 32) === 119) return false; // www
  }
  return !inUrlOrAddress(b, p, n, to);
}

/** Whether the terminator at `p` or the word at `n` is inside a URL, an e-mail address or a domain name (within 255 UTF-16 units each way). */
function inUrlOrAddress(b: Uint8Array, p: number, n: number, to: number): boolean {
  for (let i = p, units = 0; i > 0 && units < 255; ) {
    i = utf8StartBefore(b, i);
    const c = utf8CodeAt(b, i);
    if (isWhitespace(c)) break;
    if (c === 47 || c === 64 || c === 58) return true; // / @ :
    units += c > 0xffff ? 2 : 1;
  }
  for (let i = n, units = 0; i < to && units < 256; ) {
    const c = utf8CodeAt(b, i);
    if (isWhitespace(c)) break;
    if (c === 47 || c === 64) return true;
    if (c === 46 && i + 1 < to && isWordAt(b, i + 1)) return true; // more domain labels
    units += c > 0xffff ? 2 : 1;
    i += utf8Length(b[i]!);
  }
  return false;
}

/**
 * Start of the word before the full stop at `p`, inner dots included (U.S,
 * 2.0.1, EE.UU); -1 when its last piece is longer than `longest` letters, so
 * it cannot be an abbreviation or initialism and need not be read to its start.
 */
function tokenStart(b: Uint8Array, p: number, longest: number): number {
  let t = p;
  let piece = 0;
  // Bounded (64 characters), so that a long run of dotted pieces without spaces ("Ab.Cd.Ef…") is not read again at every dot.
  for (let chars = 0; t > 0 && chars < 64; chars++) {
    const c = b[t - 1]!;
    const lower = c | 32;
    let start = t - 1;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) {
      if (++piece > longest) return -1;
    } else if (c >= 128) {
      start = utf8StartBefore(b, t);
      if (!isWordAt(b, start)) break;
      if (++piece > longest) return -1;
    } else if (c === 46 && t >= 2 && isWordAt(b, utf8StartBefore(b, t - 1))) {
      piece = 0;
      longest = 2;
    } else break;
    t = start;
  }
  return t;
}

/** End of the word starting at `n` (at most 24 characters), for the starter and time-word lists. */
function wordEnd(b: Uint8Array, n: number, to: number): number {
  let e = n;
  for (let chars = 0; e < to && chars < 24 && isWordAt(b, e); chars++) e += utf8Length(b[e]!);
  return e;
}
