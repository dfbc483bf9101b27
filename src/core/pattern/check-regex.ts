/**
 * A regex pattern is written `/source/flags`. This file decides whether a
 * pattern is a regex, whether it compiles, and whether it nests repetition.
 */
const REGEX_FORM = /^\/(.*)\/([a-z]*)$/s;
export const ALLOWED_REGEX_FLAGS = 'imsuv';

export function isRegexPattern(pattern: string): boolean {
  return REGEX_FORM.test(pattern) && pattern.length >= 2;
}

export function splitRegexPattern(pattern: string): { source: string; flags: string } | undefined {
  const m = REGEX_FORM.exec(pattern);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

/** Why a regex pattern does not compile, or undefined when it does. */
export function explainRegexError(source: string, flags: string): string | undefined {
  if (source.length === 0) return 'the regular expression is empty';
  for (const f of flags) if (!ALLOWED_REGEX_FLAGS.includes(f)) return `flag '${f}' is not allowed (use ${ALLOWED_REGEX_FLAGS.split('').join(', ')})`;
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
