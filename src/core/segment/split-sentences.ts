import type { SentenceRules } from './build-sentence-rules.js';
import { isHeadingAt, listMarkerEnd } from './block-lines.js';
import { caseAt, isCloser, isDigit, isHorizontalSpace, isNumberLead, isOpener, isWhitespace, isWordCode } from './char-classes.js';
import { pushTrimmed, type CodeUnitSpan } from './code-unit-span.js';
import { splitParagraphs } from './split-paragraphs.js';
import { sentenceRulesFor } from './sentence-rules.js';

/**
 * Splits `text` into sentences, never across a paragraph break; the rules are
 * in docs/segments.md. Offsets are UTF-16 code units, each span trimmed.
 *
 * One pass over char codes per paragraph: letters cost one comparison, and
 * only a terminator (. ? ! … and full-width 。！？) or a newline makes the
 * scanner look around. Nothing is allocated per character; a word is sliced
 * out only at a full stop that is followed by a space and a capital or digit.
 */
export function splitSentences(text: string, language: string): CodeUnitSpan[] {
  const rules = sentenceRulesFor(language);
  const out: CodeUnitSpan[] = [];
  const run: TerminatorRun = { end: 0, strong: false, ellipsis: false, wide: false };
  for (const p of splitParagraphs(text)) scanParagraph(text, p.start, p.end, rules, run, out);
  return out;
}

const PLAIN = 0;
const LIST_ITEM = 1;
const HEADING = 2;

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

function scanParagraph(
  text: string,
  from: number,
  to: number,
  rules: SentenceRules,
  run: TerminatorRun,
  out: CodeUnitSpan[],
): void {
  let sentStart = from;
  let line = PLAIN;
  let i = from;
  const firstMarker = listMarkerEnd(text, from, to);
  if (firstMarker >= 0) {
    line = LIST_ITEM;
    i = firstMarker;
  } else if (isHeadingAt(text, from, to)) line = HEADING;

  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 63) {
      if (c < 0x2026 || !isOtherTerminator(c)) continue;
    } else if (c === 10) {
      // A list item or heading is a sentence of its own, and so is the line before a list.
      const next = i + 1;
      const marker = listMarkerEnd(text, next, to);
      const nextLine = marker >= 0 ? LIST_ITEM : isHeadingAt(text, next, to) ? HEADING : PLAIN;
      const indented = isHorizontalSpace(text.charCodeAt(next));
      if (line === HEADING || nextLine !== PLAIN || (line === LIST_ITEM && !indented)) {
        pushTrimmed(text, sentStart, i, out);
        sentStart = next;
      }
      // An indented line after a list item continues the item.
      line = nextLine !== PLAIN ? nextLine : line === LIST_ITEM && indented ? LIST_ITEM : PLAIN;
      if (marker >= 0) i = marker - 1;
      continue;
    } else if (c !== 46 && c !== 33 && c !== 63) continue;

    if (line === HEADING) continue;
    readTerminatorRun(text, i, to, run);
    const boundary = boundaryAfter(text, i, run, from, to, sentStart, rules);
    if (boundary >= 0) {
      pushTrimmed(text, sentStart, boundary, out);
      sentStart = boundary;
    }
    i = run.end - 1;
  }
  pushTrimmed(text, sentStart, to, out);
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
  from: number,
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

  if (s === k) return missingSpaceEnds(text, p, run, n, from, to) ? k : -1;
  if (nextCase < 0) return -1; // "etc. and", "U.S. officials", "Stop!" he said, "wait… and"
  if (run.strong || run.ellipsis) return k;

  const ts = tokenStart(text, p, from);
  if (ts === p) return k; // the full stop follows a quote, bracket or space
  const token = text.slice(ts, p);
  const numeric = isNumberLead(text.charCodeAt(n));
  switch (rules.abbreviations.get(token) ?? implicitKind(text, token, ts, from)) {
    case 'title':
      return -1;
    case 'number':
      return numeric ? -1 : k;
    case 'time':
      return numeric || (nextCase > 0 && rules.timeWords.has(wordAt(text, n, to))) ? -1 : k;
    case 'starter':
      if (numeric) return -1;
      if (nextCase > 0) return rules.sentenceStarters.has(wordAt(text, n, to)) ? k : -1;
      return k;
    default:
      return isInlineListNumber(text, ts, p, sentStart) ? -1 : k;
  }
}

/**
 * Initials (J. F. Kennedy) and dotted initialisms (U.S, Ph.D, EE.UU) not in the word lists.
 * A capital glued to a symbol or number is a unit, not an initial: "hit 40°C. Crops died".
 */
function implicitKind(text: string, token: string, ts: number, from: number): 'starter' | undefined {
  if (token.length === 1) {
    const before = ts > from ? text.charCodeAt(ts - 1) : 32;
    return caseAt(token, 0) > 0 && (isWhitespace(before) || isOpener(before)) ? 'starter' : undefined;
  }
  if (!token.includes('.')) return undefined;
  for (const piece of token.split('.')) {
    if (piece.length === 0 || piece.length > 2) return undefined;
    for (let i = 0; i < piece.length; i++) if (caseAt(piece, i) === 0) return undefined;
  }
  return 'starter';
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
function missingSpaceEnds(text: string, p: number, run: TerminatorRun, n: number, from: number, to: number): boolean {
  if (caseAt(text, n) <= 0 || n + 1 >= to || caseAt(text, n + 1) >= 0) return false;
  if (!run.strong && !run.ellipsis) {
    const ts = tokenStart(text, p, from);
    if (p - ts < 2) return false;
    for (let i = ts; i < p; i++) if (text.charCodeAt(i) === 46) return false;
    if (p - ts === 3 && text.slice(ts, p).toLowerCase() === 'www') return false;
  }
  return !inUrlOrAddress(text, p, n, from, to);
}

function inUrlOrAddress(text: string, p: number, n: number, from: number, to: number): boolean {
  for (let i = p - 1; i >= from && p - i < 256; i--) {
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

/** Start of the word before the full stop at `p`, inner dots included (U.S, 2.0.1, EE.UU). */
function tokenStart(text: string, p: number, from: number): number {
  let t = p;
  while (t > from && p - t < 40) {
    const c = text.charCodeAt(t - 1);
    if (isWordCode(c) || (c === 46 && t - 2 >= from && isWordCode(text.charCodeAt(t - 2)))) t--;
    else break;
  }
  return t;
}

/** The letters starting at `n`, for the starter and time-word lists. */
function wordAt(text: string, n: number, to: number): string {
  let e = n;
  while (e < to && e - n < 24 && isWordCode(text.charCodeAt(e))) e++;
  return text.slice(n, e);
}
