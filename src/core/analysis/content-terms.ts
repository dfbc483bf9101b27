import { foldWord, lowerWord } from '../pattern/char-class.js';
import { scanWords } from '../match/scan-words.js';
import { STOP_WORDS } from './stop-words.js';

/** The content terms of some texts, for keyness. */
export interface ContentTerms {
  /** Per text, its content terms in text order, each by its folded form (the matcher's word identity). */
  terms: string[][];
  /** How each folded term is shown: its most frequent lower-case spelling over all the texts (ties: code-unit order). */
  display: ReadonlyMap<string, string>;
}

const FOLDED_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS].map(foldWord));
const LETTER = /\p{L}/u;

/**
 * Content terms are the matcher's words (scanWords: compounds whole,
 * possessive dropped), counted by their folded form so that `México`,
 * `Mexico` and `MEXICO` are one term, as one pattern finds all three; stop
 * words, one-character words and words without a letter are left out. Each
 * term is shown with its accents, in the spelling the texts use most.
 */
export function computeContentTerms(texts: readonly string[]): ContentTerms {
  const spellings = new Map<string, Map<string, number>>();
  const terms = texts.map((text) => {
    const out: string[] = [];
    for (const word of scanWords(text)) {
      const key = word.folded;
      if ([...key].length < 2 || !LETTER.test(key) || FOLDED_STOP_WORDS.has(key)) continue;
      out.push(key);
      const shown = lowerWord(word.text);
      let counts = spellings.get(key);
      if (!counts) spellings.set(key, (counts = new Map()));
      counts.set(shown, (counts.get(shown) ?? 0) + 1);
    }
    return out;
  });
  const display = new Map<string, string>();
  for (const [key, counts] of spellings) {
    let best = '';
    let bestCount = 0;
    for (const [shown, n] of counts) if (n > bestCount || (n === bestCount && shown < best)) [best, bestCount] = [shown, n];
    display.set(key, best);
  }
  return { terms, display };
}
