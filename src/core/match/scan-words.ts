import { foldWord } from '../pattern/char-class.js';
import { compileWordMatcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { jsonTextBytes } from './code-document.js';
import { MatchRun } from './match-run.js';
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

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The words of a text as written (scanWords' `text`), without offsets or
 * folding: what counting terms needs, word by word. Each is cut out of the
 * text itself by the scanner's code-point offsets (a word holds no JSON
 * escape), not decoded from the bytes.
 */
export function forEachWordText(text: string, visit: (word: string) => void): void {
  const { run } = scanWordRun(text);
  if (!SURROGATE.test(text)) {
    // No astral code point: code points and UTF-16 units are the same offsets.
    for (let k = 0; k < run.count; k++) visit(text.slice(run.startCp[k]!, run.endCp[k]!));
    return;
  }
  const toUnit = codePointCursor(text);
  for (let k = 0; k < run.count; k++) {
    const start = toUnit(run.startCp[k]!);
    visit(text.slice(start, toUnit(run.endCp[k]!)));
  }
}
