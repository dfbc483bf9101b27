import { MatchRun } from '../../../src/core/match/match-run.js';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/core/match/compile-matcher.js';
import { newScanExtent, scanJsonString } from '../../../src/core/match/scan-json-bytes.js';
import { codebookOf, matched, runFor } from './helpers.js';

// The suffix filter (a hash of a token's last three or four bytes) only
// skips the backward walk: it must never hide a match, whatever the lengths
// of the codebook's suffix terms and of the tokens.

const texts = 'a ba cba dcba edcba fedcba Édcba ÉDCBA x-dcba dcba’s abcd';

describe('suffix filter', () => {
  it('keys on four bytes only when every suffix term has four or more', () => {
    expect(compileMatcher(codebookOf({ c: ['*dcba', '*edcba'] })).suffixWide).toBe(true);
    expect(compileMatcher(codebookOf({ c: ['*dcba', '*cba'] })).suffixWide).toBe(false);
    expect(compileMatcher(codebookOf({ c: ['*a'] })).suffixWide).toBe(false);
  });

  for (const patterns of [['*a'], ['*ba'], ['*cba'], ['*dcba'], ['*edcba'], ['*dcba', '*ba'], ['*edcba', '*fedcba']]) {
    it(`finds every token ending in ${patterns.join(', ')}, on both paths`, () => {
      // One match per pattern a token ends with; dcba’s matches as dcba (a possessive does not block a match).
      const fold = (w: string): string => w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/’s$/, '');
      const shown = patterns.flatMap((p) => texts.split(' ').filter((w) => fold(w).endsWith(p.slice(1)))).map((w) => w.replace(/’s$/, ''));
      expect(matched(patterns, texts).sort()).toEqual([...shown].sort());
      const run = new MatchRun(runFor({ c: patterns }));
      const json = new TextEncoder().encode(JSON.stringify(texts));
      run.reset();
      expect(scanJsonString(run, json, 1, json.length - 1, newScanExtent())).toBe(true);
      const decoder = new TextDecoder();
      const got: string[] = [];
      for (let k = 0; k < run.count; k++) got.push(decoder.decode(json.subarray(run.startUnit[k]!, run.endUnit[k]!)));
      expect(got.sort()).toEqual([...shown].sort());
    });
  }
});
