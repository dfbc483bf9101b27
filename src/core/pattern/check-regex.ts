/**
 * A regex pattern is written `/source/flags`. This file holds the one
 * definition of that form (codebook validation, the matcher and kwic all ask
 * splitRegexPattern), and decides whether a regex compiles and whether it
 * nests repetition.
 */

/**
 * A pattern is a regex when it starts with `/` and ends with `/` plus letters
 * (its flags). The source may be empty (`//`) so that the form is recognised
 * and refused with a clear message, rather than read as a word pattern that
 * "never matches a token". Flags are any letters here, so a wrong flag is
 * named (`flag 'G' is not allowed`) instead of turning the pattern into words.
 */
const REGEX_FORM = /^\/(.*)\/([A-Za-z]*)$/s;
export const ALLOWED_REGEX_FLAGS = 'imsuv';

/** The source and flags of a `/source/flags` pattern, or undefined when the pattern is not in that form. */
export function splitRegexPattern(pattern: string): { source: string; flags: string } | undefined {
  const m = REGEX_FORM.exec(pattern);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

/** Why a regex pattern does not compile, or undefined when it does. */
export function explainRegexError(source: string, flags: string): string | undefined {
  // Empty matches are ignored, so `//` would silently code nothing.
  if (source.length === 0) return 'the regular expression is empty and could never match any text: write a word pattern, or a regex with something to match';
  for (const f of flags) {
    if (!ALLOWED_REGEX_FLAGS.includes(f)) return `flag '${f}' is not allowed (use ${ALLOWED_REGEX_FLAGS.split('').join(', ')}; qcode adds g itself)`;
  }
  if (new Set(flags).size < flags.length) return `flags '${flags}' repeat a flag`;
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/**
 * True when a quantified group contains another quantifier: star height above
 * one, as in (a+)+ or (\w+\s?)*, the classic shape of catastrophic
 * backtracking in a backtracking engine. This is a conservative structural
 * check (after the star-height criterion of safe-regex tools), not a proof:
 * it flags every nested repetition, which a dictionary pattern never needs.
 */
export function hasNestedQuantifier(source: string): boolean {
  const stack: { quantified: boolean }[] = [{ quantified: false }];
  let lastGroupQuantified: boolean | undefined; // set right after ')'
  let i = 0;
  const isRepeat = (at: number): { repeats: boolean; length: number } => {
    const c = source[at];
    if (c === '*' || c === '+') return { repeats: true, length: 1 };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (m) {
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        // An exact count {n} is a fixed-length run, not a repetition that can backtrack.
        return { repeats: max > min && max > 1, length: m[0].length };
      }
    }
    return { repeats: false, length: 0 };
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      i += 2;
      lastGroupQuantified = undefined;
      continue;
    }
    if (c === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      lastGroupQuantified = undefined;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false });
      i++;
      lastGroupQuantified = undefined;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { quantified: false };
      lastGroupQuantified = group.quantified;
      i++;
      const r = isRepeat(i);
      if (r.repeats && lastGroupQuantified) return true;
      if (r.repeats || lastGroupQuantified) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    const r = isRepeat(i);
    if (r.repeats) {
      stack[stack.length - 1]!.quantified = true;
      i += r.length;
      continue;
    }
    lastGroupQuantified = undefined;
    i++;
  }
  return false;
}
