import { K_APOS, K_HYPHEN, K_WORD, KIND_MASK, classOf, foldWord } from './char-class.js';
import { explainRegexError, hasNestedQuantifier, splitRegexPattern } from './check-regex.js';

/**
 * One word of a dictionary pattern after folding. `exact`: the token must be
 * this word; `prefix`/`suffix`: the token starts/ends with `text`; `glob`: the
 * token matches `parts` joined by runs of any token characters; `any`: a lone
 * `*`, which matches any one token.
 */
export type TermPattern =
  | { kind: 'exact' | 'prefix' | 'suffix'; text: string }
  | { kind: 'glob'; parts: string[] }
  | { kind: 'any' };

export type ParsedPattern =
  | { kind: 'tokens'; terms: TermPattern[] }
  | { kind: 'regex'; regex: RegExp }
  | { kind: 'error'; code: PatternErrorCode; message: string };

/** What is wrong with a pattern: QC207 a regex that does not compile, QC208 one that nests repetition, QC210 an unusable word pattern. */
export type PatternErrorCode = 'QC207' | 'QC208' | 'QC210';
const WILDCARD = 0x2a;

/** Finds what keeps a word from being one token, or null when it is one. */
function tokenProblem(word: string): string | null {
  let prev = 0; // 0 start, 1 word or *, 2 joiner
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    const kind = cp === WILDCARD ? K_WORD : classOf(cp) & KIND_MASK;
    if (kind === K_WORD) prev = 1;
    else if (kind === K_HYPHEN || kind === K_APOS) {
      if (prev !== 1) return `'${ch}' must stand between two letters`;
      prev = 2;
    } else return `'${ch}' is never part of a token`;
  }
  return prev === 2 ? `'${word.slice(-1)}' must stand between two letters` : null;
}

/** Drops an English possessive ('s, ’s), as the tokenizer does for text. */
function stripPossessive(word: string): string {
  const m = /^(.*[^'\u2019\-\u2010\u2011])['\u2019][sS]$/su.exec(word);
  return m ? m[1]! : word;
}

function parseWord(word: string): TermPattern {
  const folded = foldWord(stripPossessive(word)).replace(/\*+/g, '*');
  if (folded === '*') return { kind: 'any' };
  const parts = folded.split('*');
  if (parts.length === 1) return { kind: 'exact', text: folded };
  if (parts.length === 2 && parts[1] === '') return { kind: 'prefix', text: parts[0]! };
  if (parts.length === 2 && parts[0] === '') return { kind: 'suffix', text: parts[1]! };
  return { kind: 'glob', parts };
}

/**
 * Parses one codebook pattern: `/source/flags` is a JavaScript regex run on
 * the segment text; anything else is a word or a phrase of words separated
 * by whitespace, each word possibly holding `*` wildcards. This is the one
 * judge of a pattern: codebook validation, the matcher and kwic all call it,
 * so they cannot disagree about what a pattern means or whether it is usable.
 */
export function parsePattern(pattern: string): ParsedPattern {
  const rx = splitRegexPattern(pattern);
  if (rx) {
    const problem = explainRegexError(rx.source, rx.flags);
    if (problem) return { kind: 'error', code: 'QC207', message: `pattern ${pattern}: ${problem}` };
    if (hasNestedQuantifier(rx.source)) return { kind: 'error', code: 'QC208', message: `pattern ${pattern} nests repetition` };
    return { kind: 'regex', regex: new RegExp(rx.source, `${rx.flags}g`) };
  }
  const words = pattern.trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return { kind: 'error', code: 'QC210', message: 'a pattern cannot be empty' };
  for (const w of words) {
    const problem = tokenProblem(w);
    if (problem) return { kind: 'error', code: 'QC210', message: `pattern "${pattern}": ${problem}` };
  }
  const terms = words.map(parseWord);
  if (terms.every((t) => t.kind === 'any')) {
    return { kind: 'error', code: 'QC210', message: `pattern "${pattern}" is only wildcards and would match every word` };
  }
  for (const t of terms) {
    if (t.kind !== 'any' && t.kind !== 'glob' && t.text === '') {
      return { kind: 'error', code: 'QC210', message: `pattern "${pattern}" folds to nothing` };
    }
  }
  return { kind: 'tokens', terms };
}
