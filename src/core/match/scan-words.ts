import { foldWord } from '../pattern/char-class.js';
import { compileWordMatcher } from './compile-matcher.js';
import { MatchRun } from './match-run.js';
import { scanText } from './scan-text.js';

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

/**
 * The words of a text by the matcher's own definition (docs/matching.md):
 * the string scanner run with a lone `*`, which matches every token once. So
 * hyphenated compounds are one word, `'` and `’` are one apostrophe, `FBI's`
 * is the word `FBI`, and `México` folds to `mexico`, exactly as a pattern sees
 * them; there is no second tokenizer to drift from the first.
 */
export function scanWords(text: string): Word[] {
  const run = (wordRun ??= new MatchRun(compileWordMatcher()));
  run.reset();
  scanText(run, text);
  const words: Word[] = [];
  for (let k = 0; k < run.count; k++) {
    const word = text.slice(run.startUnit[k]!, run.endUnit[k]!);
    words.push({ text: word, folded: foldWord(word), start: run.startUnit[k]!, end: run.endUnit[k]! });
  }
  return words;
}
