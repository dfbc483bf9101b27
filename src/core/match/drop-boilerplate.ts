import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { Segment } from '../model/segment.js';
import { parsePattern } from '../pattern/parse-pattern.js';
import { matchText } from './code-document.js';
import { compilePatterns } from './compile-matcher.js';
import { MatchRun } from './match-run.js';

/**
 * Boilerplate to leave out of the study: `drop:` in qcode.yaml, patterns in
 * the codebook's syntax (words, phrases, `*`, `/regex/`). A segment one of
 * them matches is left out at whatever unit the study uses (a news agency's
 * sign-off sentence or paragraph; at document unit, the whole document).
 * Ids are given before dropping, so the other segments keep theirs.
 */
export interface DropRule {
  patterns: readonly string[];
  run: MatchRun;
}

/** Every pattern checked by the one judge of patterns; errors at their place in qcode.yaml. */
export function checkDropPatterns(patterns: readonly string[], at: (index: number) => SourceLocation): Diagnostic[] {
  return patterns.flatMap((p, i) => {
    const parsed = parsePattern(p);
    return parsed.kind === 'error' ? [diag('QC101', `drop pattern '${p}': ${parsed.message}`, { at: at(i), hint: `the same rules as a codebook pattern (${parsed.code})` })] : [];
  });
}

export function compileDropRule(patterns: readonly string[] | undefined): DropRule | null {
  return patterns && patterns.length > 0 ? { patterns, run: new MatchRun(compilePatterns(patterns)) } : null;
}

/** Whether a segment's text is boilerplate. */
export function isBoilerplate(rule: DropRule, text: string): boolean {
  return matchText(rule.run, text).length > 0;
}

/** The segments that are not boilerplate, and how many were left out. */
export function dropBoilerplate(segments: readonly Segment[], rule: DropRule | null): { kept: Segment[]; dropped: number } {
  if (!rule) return { kept: [...segments], dropped: 0 };
  const kept = segments.filter((s) => !isBoilerplate(rule, s.text));
  return { kept, dropped: segments.length - kept.length };
}
