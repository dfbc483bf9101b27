import { K_APOS, K_HYPHEN, K_WORD, KIND_MASK, classOf, foldWord } from './char-class.js';
import { compileRegex, splitRegexPattern, type CompiledRegex } from './check-regex.js';

/**
 * One word of a dictionary pattern after folding. `exact`: the token must be
 * this word; `prefix`/`suffix`: the token starts/ends with `text`; `glob`: the
 * token matches `parts` joined by runs of any token characters; `any`: a lone
 * `*`, which matches any one token. `cased` (a word written `=US`): the token
 * must also match these parts as written, case and diacritics included.
 */
export type TermPattern = (
  | { kind: 'exact' | 'prefix' | 'suffix'; text: string }
  | { kind: 'glob'; parts: string[] }
  | { kind: 'any' }
) & { cased?: string[] };

/** The proximity operators: A NEAR/n B, A BEFORE/n B, A NOT NEAR/n B. */
export type ProximityOp = 'near' | 'before' | 'not-near';

export type ParsedPattern =
  | { kind: 'tokens'; terms: TermPattern[] }
  | { kind: 'regex'; regex: CompiledRegex }
  | { kind: 'proximity'; op: ProximityOp; distance: number; left: TermPattern[]; right: TermPattern[] }
  | { kind: 'error'; code: PatternErrorCode; message: string; hint?: string };

/** What is wrong with a pattern: QC207 a regex that does not compile, QC208 one that needs backtracking, QC210 an unusable word pattern. */
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

/** A word as written, with only what the tokenizer always unifies made one: apostrophes, in-word hyphens (case-sensitive words compare this form). */
export function unifyJoiners(word: string): string {
  return word.replace(/[\u2010\u2011]/g, '-').replace(/\u2019/g, "'");
}

function parseWord(word: string): TermPattern {
  const cased = word.startsWith('=');
  const bare = stripPossessive(cased ? word.slice(1) : word);
  const folded = foldWord(bare).replace(/\*+/g, '*');
  const parts = folded.split('*');
  let term: TermPattern;
  if (folded === '*') term = { kind: 'any' };
  else if (parts.length === 1) term = { kind: 'exact', text: folded };
  else if (parts.length === 2 && parts[1] === '') term = { kind: 'prefix', text: parts[0]! };
  else if (parts.length === 2 && parts[0] === '') term = { kind: 'suffix', text: parts[1]! };
  else term = { kind: 'glob', parts };
  if (cased) term.cased = unifyJoiners(bare.normalize('NFC')).replace(/\*+/g, '*').split('*');
  return term;
}

const OPERATOR = /^(NEAR|BEFORE)\/([1-9]\d{0,5})$/;
const OPERATOR_LIKE = /^(near|before)\//i;

/** Parses the words of a phrase (or of one side of a proximity pattern). */
function parseWords(words: readonly string[], pattern: string): TermPattern[] | { error: string } {
  if (words.length === 0) return { error: `pattern "${pattern}" needs words on both sides of its operator` };
  for (const w of words) {
    const bare = w.startsWith('=') ? w.slice(1) : w;
    if (bare === '' || /^\*+$/.test(bare) && w !== bare) return { error: `pattern "${pattern}": '${w}' needs letters after '='` };
    const problem = tokenProblem(bare);
    if (problem) return { error: `pattern "${pattern}": ${problem}` };
  }
  const terms = words.map(parseWord);
  if (terms.every((t) => t.kind === 'any')) return { error: `pattern "${pattern}" is only wildcards and would match every word` };
  for (const t of terms) {
    if (t.kind !== 'any' && t.kind !== 'glob' && t.text === '') return { error: `pattern "${pattern}" folds to nothing` };
  }
  return terms;
}

/** Splits off a proximity operator, if the words hold one. */
function parseProximity(words: readonly string[], pattern: string): ParsedPattern | null {
  const at: number[] = [];
  words.forEach((w, i) => {
    if (OPERATOR.test(w) || OPERATOR_LIKE.test(w)) at.push(i);
  });
  if (at.length === 0) return null;
  const fail = (message: string): ParsedPattern => ({
    kind: 'error',
    code: 'QC210',
    message,
    hint: 'Proximity patterns are A NEAR/n B, A BEFORE/n B or A NOT NEAR/n B: the operator in capitals, n a whole number of words from 1, A and B words, phrases or wildcards.',
  });
  if (at.length > 1) return fail(`pattern "${pattern}" has more than one proximity operator`);
  const i = at[0]!;
  const m = OPERATOR.exec(words[i]!);
  if (!m) return fail(`pattern "${pattern}": '${words[i]}' is not an operator: write NEAR/n or BEFORE/n in capitals with a whole number n from 1`);
  const not = words[i - 1] === 'NOT';
  if (not && m[1] === 'BEFORE') return fail(`pattern "${pattern}": NOT goes with NEAR only (A NOT NEAR/n B)`);
  const left = parseWords(words.slice(0, not ? i - 1 : i), pattern);
  const right = parseWords(words.slice(i + 1), pattern);
  if ('error' in left) return fail(left.error);
  if ('error' in right) return fail(right.error);
  const op: ProximityOp = not ? 'not-near' : m[1] === 'NEAR' ? 'near' : 'before';
  return { kind: 'proximity', op, distance: Number(m[2]), left, right };
}

/**
 * Parses one codebook pattern: `/source/flags` is a regex run (on RE2) on the
 * segment text; `A NEAR/n B`, `A BEFORE/n B` and `A NOT NEAR/n B` are
 * proximity rules over token positions; anything else is a word or a phrase
 * of words separated by whitespace, each word possibly holding `*` wildcards,
 * and a word written `=Word` matched as written (case and diacritics). This
 * is the one judge of a pattern: codebook validation, the matcher and kwic
 * all call it, so they cannot disagree about what a pattern means or whether
 * it is usable.
 */
export function parsePattern(pattern: string): ParsedPattern {
  const rx = splitRegexPattern(pattern);
  if (rx) {
    const compiled = compileRegex(rx.source, rx.flags);
    if (!compiled.ok) {
      return { kind: 'error', code: compiled.code, message: `pattern ${pattern}: ${compiled.problem}`, ...(compiled.hint ? { hint: compiled.hint } : {}) };
    }
    return { kind: 'regex', regex: compiled.regex };
  }
  const words = pattern.trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return { kind: 'error', code: 'QC210', message: 'a pattern cannot be empty' };
  const proximity = parseProximity(words, pattern);
  if (proximity) return proximity;
  const terms = parseWords(words, pattern);
  if ('error' in terms) return { kind: 'error', code: 'QC210', message: terms.error };
  return { kind: 'tokens', terms };
}
