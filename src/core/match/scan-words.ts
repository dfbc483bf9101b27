import { BMP_CLASS, foldWord, K_OTHER, K_SPACE, KIND_MASK } from '../pattern/char-class.js';
import { compileWordMatcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { jsonTextBytes } from './code-document.js';
import { MatchRun, type TokenLog } from './match-run.js';
import { newScanExtent, scanJsonString, type ScanExtent } from './scan-json-bytes.js';
import { codePointCursor } from '../util/code-point-cursor.js';

/** One word of a text as the matcher reads it. */
export interface Word {
  /** The word as it stands in the text (an English possessive 's left out). */
  text: string;
  /** Folded as patterns are: lower case, no diacritics, one apostrophe and one hyphen. */
  folded: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
}

/** One run, reused: scanWords is synchronous, so no two calls share it at once. */
let wordRun: MatchRun | undefined;
const extent: ScanExtent = newScanExtent();

/** The word matcher's run over a text, scanned as every text is (JSON string content, UTF-8). */
function scanWordRun(text: string): { run: MatchRun; buf: Uint8Array } {
  const run = (wordRun ??= new MatchRun(compileWordMatcher()));
  const buf = jsonTextBytes(text);
  run.reset();
  scanJsonString(run, buf, 1, buf.length - 1, extent, true);
  return { run, buf };
}

/**
 * The words of a (normalised) text by the matcher's own definition
 * (docs/matching.md): the one scanner run with a lone `*`, which matches
 * every token once. So hyphenated compounds are one word, `'` and `’` are one
 * apostrophe, `FBI's` is the word `FBI`, and `México` folds to `mexico`,
 * exactly as a pattern sees them; there is no second tokenizer to drift from
 * the first.
 */
export function scanWords(text: string): Word[] {
  const { run, buf } = scanWordRun(text);
  const words: Word[] = [];
  // Words come in text order, so one forward walk turns code points into UTF-16 offsets.
  const toUnit = codePointCursor(text);
  for (let k = 0; k < run.count; k++) {
    const word = decodeJsonSlice(buf, run.startUnit[k]!, run.endUnit[k]!);
    const start = toUnit(run.startCp[k]!);
    words.push({ text: word, folded: foldWord(word), start, end: start + word.length });
  }
  return words;
}

/**
 * Logs the words of a (normalised) text, scanWords' words, without strings:
 * their offsets in code points of the text and in bytes of log.buf (the text
 * as JSON string content, where a word, holding no escape, is its UTF-8
 * bytes).
 */
export function logWords(text: string, log: TokenLog): void {
  const run = (wordRun ??= new MatchRun(compileWordMatcher()));
  const buf = jsonTextBytes(text);
  run.reset();
  log.reset(buf);
  run.tokenLog = log;
  scanJsonString(run, buf, 1, buf.length - 1, extent, true);
  run.tokenLog = null;
}

/** Whether a UTF-16 unit is a character no token holds or joins across (space or punctuation; no surrogate, to stay on the safe side). */
function breaksTokens(c: number): boolean {
  const kind = BMP_CLASS[c]! & KIND_MASK;
  return (kind === K_SPACE || kind === K_OTHER) && (c < 0xd800 || c > 0xdfff);
}

/**
 * A document's token log (every word of one scan of the whole text) read
 * segment by segment, segments asked in document order, so that a caller
 * wanting each segment's words needs no scan per segment. A segment's words
 * are the logged tokens that start inside it, and they are exactly those a
 * scan of the segment's own text gives when the characters just outside it
 * are spaces or punctuation (or the text's ends): the scanner is then out of
 * any token on entering it, and meets the end of its last token as the
 * segment's own scan meets its closing quote. Where a word or a joiner
 * touches an edge (segments cut inside a word), `range` says no and the
 * caller scans that segment alone.
 */
export class SegmentWordCursor {
  private k = 0;
  private readonly at: (codePoint: number) => number;
  /** The segment's words: log indexes [from, to), when `range` said yes. */
  from = 0;
  to = 0;

  constructor(
    readonly text: string,
    private readonly log: TokenLog,
    /** The text's length in code points, when a scan counted them. */
    codePoints?: number,
  ) {
    this.at = codePointCursor(text, codePoints);
  }

  /** The UTF-16 offset of a code-point offset of the text (any order: the cursor walks back as well). */
  unitAt(codePoint: number): number {
    return this.at(codePoint);
  }

  /** Finds the words of the segment [start, end) (code points); false when the segment must be scanned alone. */
  range(start: number, end: number): boolean {
    const { log, text } = this;
    let k = this.k;
    while (k < log.count && log.startCp[k]! < start) k++;
    this.from = k;
    while (k < log.count && log.startCp[k]! < end) k++;
    this.to = k;
    this.k = k;
    const s = this.at(start);
    const e = this.at(end);
    return (s === 0 || breaksTokens(text.charCodeAt(s - 1))) && (e >= text.length || breaksTokens(text.charCodeAt(e)));
  }
}
