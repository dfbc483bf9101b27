import { WordTable } from './word-table.js';

/**
 * How a word followed by a full stop behaves when the next word starts with
 * a capital letter or a digit (before a lower-case word no full stop ends a sentence):
 * - `title`: never ends a sentence (Dr. Smith, Sr. López, Roe v. Wade, e.g. Mexico).
 * - `number`: no end before a number (No. 7, Art. 35, pp. 12); ends before a capital.
 * - `starter`: no end before a number; before a capital only when that word
 *   commonly starts sentences (`in the U.S. The next` ends, `U.S. President` does not).
 * - `time`: a.m./p.m.; ends before a capital unless it is a time zone or weekday (10 a.m. Eastern).
 * Any other word ends a sentence before a capital or a digit.
 */
export type AbbreviationKind = 'title' | 'number' | 'starter' | 'time';

/** The word lists of one language, as written in sentence-rules-<lang>.ts. */
export interface LanguageWords {
  title: string[];
  number: string[];
  starter: string[];
  time: string[];
  /** Words that commonly start a sentence (for `starter` abbreviations). */
  sentenceStarters: string[];
  /** Words after a.m./p.m. that continue the sentence. */
  timeWords: string[];
}

export interface SentenceRules {
  abbreviations: WordTable<AbbreviationKind>;
  sentenceStarters: WordTable<true>;
  timeWords: WordTable<true>;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * Builds the lookup tables. Abbreviations are matched case-sensitively (`Inc.`
 * a company, `inc.` a Spanish inciso); a lower-case entry also matches its
 * capitalised form at the start of a sentence unless that form has its own entry.
 */
export function buildSentenceRules(words: LanguageWords): SentenceRules {
  const abbreviations = new Map<string, AbbreviationKind>();
  const kinds: AbbreviationKind[] = ['title', 'number', 'starter', 'time'];
  for (const kind of kinds) for (const w of words[kind]) abbreviations.set(w, kind);
  for (const kind of kinds) {
    for (const w of words[kind]) {
      const cap = capitalise(w);
      if (!abbreviations.has(cap)) abbreviations.set(cap, kind);
    }
  }
  const set = (list: string[]) => new WordTable(list.map((w) => [w, true] as const));
  return {
    abbreviations: new WordTable(abbreviations),
    sentenceStarters: set(words.sentenceStarters),
    timeWords: set(words.timeWords),
  };
}
