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

/** Whether a folded word is a content term: two characters or more, a letter, no stop word. */
function isContentTerm(key: string): boolean {
  return [...key].length >= 2 && LETTER.test(key) && !FOLDED_STOP_WORDS.has(key);
}

/** A text's content terms in text order, by folded form, without counting spellings: what a second pass over the texts needs. */
export function listContentTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of scanWords(text)) if (isContentTerm(word.folded)) out.push(word.folded);
  return out;
}

/**
 * Content terms of texts given one at a time (a corpus streamed document by
 * document), with the spellings counted for `display`: memory grows with the
 * vocabulary, not with the texts.
 */
export class ContentTermCounter {
  private readonly spellings = new Map<string, Map<string, number>>();

  /** The text's content terms in text order, by folded form; their spellings are counted. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const word of scanWords(text)) {
      const key = word.folded;
      if (!isContentTerm(key)) continue;
      out.push(key);
      const shown = lowerWord(word.text);
      let counts = this.spellings.get(key);
      if (!counts) this.spellings.set(key, (counts = new Map()));
      counts.set(shown, (counts.get(shown) ?? 0) + 1);
    }
    return out;
  }

  /** How each folded term is shown: its most frequent lower-case spelling so far (ties: code-unit order). */
  display(): Map<string, string> {
    const display = new Map<string, string>();
    for (const [key, counts] of this.spellings) {
      let best = '';
      let bestCount = 0;
      for (const [shown, n] of counts) if (n > bestCount || (n === bestCount && shown < best)) [best, bestCount] = [shown, n];
      display.set(key, best);
    }
    return display;
  }
}

/**
 * Content terms are the matcher's words (scanWords: compounds whole,
 * possessive dropped), counted by their folded form so that `México`,
 * `Mexico` and `MEXICO` are one term, as one pattern finds all three; stop
 * words, one-character words and words without a letter are left out. Each
 * term is shown with its accents, in the spelling the texts use most.
 */
export function computeContentTerms(texts: readonly string[]): ContentTerms {
  const counter = new ContentTermCounter();
  const terms = texts.map((text) => counter.terms(text));
  return { terms, display: counter.display() };
}
