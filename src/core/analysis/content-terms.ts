import { foldWord, lowerWord } from '../pattern/char-class.js';
import { forEachWordText } from '../match/scan-words.js';
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

/** What a word as written is to the counter: its term (-1: not a content term) and, once counted, its spelling. */
interface WordEntry {
  term: number;
  spelling: number;
}

/**
 * Content terms of texts given one at a time (a corpus streamed document by
 * document), with the spellings counted for `display`: memory grows with the
 * vocabulary, not with the texts. Each term has a number (first seen, first
 * numbered); a word as written is folded and judged once, then looked up.
 */
export class ContentTermCounter {
  private readonly words = new Map<string, WordEntry>();
  private readonly ids = new Map<string, number>();
  /** Folded form of each term, by number. */
  readonly folded: string[] = [];
  /** Per term, its spellings (lower case, accents kept) with their numbers. */
  private readonly spellingIds: Map<string, number>[] = [];
  private readonly spellingCounts: number[] = [];

  private entry(word: string): WordEntry {
    let e = this.words.get(word);
    if (e === undefined) {
      const key = foldWord(word);
      let term = -1;
      if (isContentTerm(key)) {
        term = this.ids.get(key) ?? -1;
        if (term < 0) {
          term = this.folded.length;
          this.ids.set(key, term);
          this.folded.push(key);
          this.spellingIds.push(new Map());
        }
      }
      e = { term, spelling: -1 };
      this.words.set(word, e);
    }
    return e;
  }

  /** The text's content terms in text order, by number; their spellings are counted. */
  termIds(text: string): number[] {
    const out: number[] = [];
    forEachWordText(text, (word) => {
      const e = this.entry(word);
      if (e.term < 0) return;
      out.push(e.term);
      if (e.spelling < 0) {
        const shown = lowerWord(word);
        const ids = this.spellingIds[e.term]!;
        e.spelling = ids.get(shown) ?? -1;
        if (e.spelling < 0) {
          e.spelling = this.spellingCounts.length;
          ids.set(shown, e.spelling);
          this.spellingCounts.push(0);
        }
      }
      this.spellingCounts[e.spelling]!++;
    });
    return out;
  }

  /** The text's content terms in text order, by number, spellings not counted (a second pass over texts already counted). */
  lookupIds(text: string): number[] {
    const out: number[] = [];
    forEachWordText(text, (word) => {
      const term = this.entry(word).term;
      if (term >= 0) out.push(term);
    });
    return out;
  }

  /** The text's content terms in text order, by folded form; their spellings are counted. */
  terms(text: string): string[] {
    return this.termIds(text).map((t) => this.folded[t]!);
  }

  /** How each folded term is shown: its most frequent lower-case spelling so far (ties: code-unit order). */
  display(): Map<string, string> {
    const display = new Map<string, string>();
    this.folded.forEach((key, t) => {
      let best = '';
      let bestCount = 0;
      for (const [shown, s] of this.spellingIds[t]!) {
        const n = this.spellingCounts[s]!;
        if (n > bestCount || (n === bestCount && shown < best)) [best, bestCount] = [shown, n];
      }
      display.set(key, best);
    });
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
