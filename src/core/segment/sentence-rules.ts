import { buildSentenceRules, type SentenceRules } from './build-sentence-rules.js';
import { ENGLISH_RULES } from './sentence-rules-en.js';
import { SPANISH_RULES } from './sentence-rules-es.js';

/** No word lists: only the structural rules (punctuation, case, numbers, initials, URLs, lines). */
export const NEUTRAL_RULES: SentenceRules = buildSentenceRules({
  title: [],
  number: [],
  starter: [],
  time: [],
  sentenceStarters: [],
  timeWords: [],
});

/** Rules for a BCP 47 tag by its primary language subtag (`es-MX` → es); unknown → language-neutral. */
export function sentenceRulesFor(language: string): SentenceRules {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return ENGLISH_RULES;
  if (primary === 'es') return SPANISH_RULES;
  return NEUTRAL_RULES;
}
