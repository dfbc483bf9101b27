import { CodebookSchema, type Codebook } from '../../../src/core/model/codebook.js';
import { compileMatcher } from '../../../src/core/match/compile-matcher.js';
import { matchText } from '../../../src/core/match/code-document.js';
import { MatchRun } from '../../../src/core/match/match-run.js';

/** A codebook of one non-exclusive category whose code `c<i>` has the i-th pattern list. */
export function codebookOf(codes: Record<string, string[]>, exclusive = false): Codebook {
  return CodebookSchema.parse({
    name: 'test',
    version: '1.0.0',
    categories: [
      {
        id: 'cat',
        label: 'Category',
        exclusive,
        codes: Object.entries(codes).map(([id, patterns]) => ({ id, label: id, patterns })),
      },
    ],
  });
}

export function runFor(codes: Record<string, string[]>, exclusive = false): MatchRun {
  return new MatchRun(compileMatcher(codebookOf(codes, exclusive)));
}

/** The matched texts of `patterns` (all under one code) in `text`, in order. */
export function matched(patterns: string | string[], text: string): string[] {
  const run = runFor({ c: Array.isArray(patterns) ? patterns : [patterns] });
  return matchText(run, text).map((e) => e.matched_text);
}
