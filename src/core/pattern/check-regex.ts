import { RE2JS } from 're2js';

/**
 * A regex pattern is written `/source/flags`. This file holds the one
 * definition of that form (codebook validation, the matcher and kwic all ask
 * splitRegexPattern) and compiles it.
 *
 * Regexes run on RE2 (re2js, the JavaScript port of Google's RE2): matching
 * takes time linear in the text whatever the pattern, so no pattern can hang
 * a run the way `(a|a)*b` or `(a+)+$` hang a backtracking engine (issue 16.5).
 * The price is RE2's syntax: no backreferences and no lookahead, which need
 * backtracking; those are refused with QC208, naming the construct and where
 * it stands. Every regex is compiled here, when a codebook is validated, so a
 * pattern too large to compile is a diagnostic, never a failure at first use.
 */

/**
 * A pattern is a regex when it starts with `/` and ends with `/` plus letters
 * (its flags). The source may be empty (`//`) so that the form is recognised
 * and refused with a clear message, rather than read as a word pattern that
 * "never matches a token". Flags are any letters here, so a wrong flag is
 * named (`flag 'G' is not allowed`) instead of turning the pattern into words.
 */
const REGEX_FORM = /^\/(.*)\/([A-Za-z]*)$/s;
export const ALLOWED_REGEX_FLAGS = 'imsu';

/** The source and flags of a `/source/flags` pattern, or undefined when the pattern is not in that form. */
export function splitRegexPattern(pattern: string): { source: string; flags: string } | undefined {
  const m = REGEX_FORM.exec(pattern);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

/** A compiled regex pattern: RE2 program plus what it was written as. */
export interface CompiledRegex {
  source: string;
  flags: string;
  re: RE2JS;
}

export type RegexOutcome =
  | { ok: true; regex: CompiledRegex }
  | { ok: false; code: 'QC207' | 'QC208'; problem: string; hint?: string };

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, s: RE2JS.DOTALL, m: RE2JS.MULTILINE, u: 0 };

/**
 * The first construct of `source` that only a backtracking engine can run
 * (a lookahead or a backreference; RE2 runs lookbehind), outside character
 * classes: its offset, its name and what to write instead.
 */
function backtrackingConstruct(source: string): { at: number; name: string; instead: string } | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(e) || source.startsWith('k<', i + 1))) return { at: i, name: 'a backreference', instead: 'spell the repeated text out' };
      i++;
    } else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (!inClass && (source.startsWith('(?=', i) || source.startsWith('(?!', i))) {
      return { at: i, name: 'a lookahead', instead: 'match the following text too, or use word patterns with NEAR/n or BEFORE/n' };
    }
  }
  return null;
}

/**
 * Compiles `/source/flags` on RE2, or says why it cannot: QC207 for an empty
 * regex, a flag qcode does not allow or a syntax error; QC208 for a construct
 * only a backtracking engine runs. Positions count characters of the pattern
 * as written, its opening slash being 1.
 */
export function compileRegex(source: string, flags: string): RegexOutcome {
  // Empty matches are ignored, so `//` would silently code nothing.
  if (source.length === 0) {
    return { ok: false, code: 'QC207', problem: 'the regular expression is empty and could never match any text: write a word pattern, or a regex with something to match' };
  }
  for (const f of flags) {
    if (!ALLOWED_REGEX_FLAGS.includes(f)) {
      const why = f === 'v' ? ' (set notation needs a backtracking engine)' : '';
      return { ok: false, code: 'QC207', problem: `flag '${f}' is not allowed${why} (use ${ALLOWED_REGEX_FLAGS.split('').join(', ')}; qcode adds g itself)` };
    }
  }
  if (new Set(flags).size < flags.length) return { ok: false, code: 'QC207', problem: `flags '${flags}' repeat a flag` };
  const construct = backtrackingConstruct(source);
  if (construct) {
    const { at, name, instead } = construct;
    return {
      ok: false,
      code: 'QC208',
      problem: `${name} at position ${at + 2} ('${source.slice(at, at + 3)}') cannot run in linear time`,
      hint: `qcode runs regexes on RE2, which never backtracks: ${instead}.`,
    };
  }
  let bits = RE2JS.LOOKBEHINDS;
  for (const f of flags) bits |= FLAG_BITS[f]!;
  try {
    return { ok: true, regex: { source, flags, re: RE2JS.compile(source, bits) } };
  } catch (e) {
    const err = e as { message?: string; input?: string };
    const message = String(err.message ?? e).replace(/^error parsing regexp: /, '');
    const at = err.input ? source.indexOf(err.input) : -1;
    return { ok: false, code: 'QC207', problem: at >= 0 ? `${message} at position ${at + 2}` : message };
  }
}

/** Why a regex pattern cannot be used, or undefined when it compiles. */
export function explainRegexError(source: string, flags: string): string | undefined {
  const r = compileRegex(source, flags);
  return r.ok ? undefined : r.problem;
}

/**
 * Every non-empty match of the regex in `text`, as [start, end) UTF-16
 * offsets, left to right and not overlapping (RE2's leftmost-first search,
 * as JavaScript's matchAll finds them).
 */
export function findRegexMatches(regex: CompiledRegex, text: string): number[] {
  const out: number[] = [];
  const m = regex.re.matcher(text);
  while (m.find()) {
    const start = m.start();
    const end = m.end();
    if (end > start) out.push(start, end);
  }
  return out;
}
