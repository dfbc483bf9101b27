import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCodeTerms, ThemeCounts } from '../../../src/core/analysis/themes.js';
import { codebook } from './small-study.js';

// A themes pass over a large corpus counts its slices apart (on threads) and
// absorbs them in corpus order: the counts must be those of one pass.

const codeIds = codebook.categories.flatMap((c) => c.codes.map((k) => k.id));
const WORDS = ['México', 'Mexico', 'MEXICO', 'méxico', 'trade', 'Trade', 'tariffs', 'police', 'Police', 'cartel', 'the', 'and', 'árbol', 'Arbol', 'good', 'bad'];
const segment = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }),
  codes: fc.subarray(codeIds),
});
type Seg = { words: string[]; codes: string[] };

function countAll(segments: readonly Seg[]): ThemeCounts {
  const counts = new ThemeCounts(codeIds);
  for (const s of segments) counts.add(s.words.join(' '), new Set(s.codes));
  return counts;
}

describe('ThemeCounts.absorb', () => {
  it('gives, from slices counted apart, the terms, spellings, counts and orders of one pass', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 60 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }), (segments, at) => {
        const cuts = [0, ...at.map((x) => Math.floor(x * segments.length)).sort((a, b) => a - b), segments.length];
        const first = countAll(segments.slice(0, cuts[1]));
        for (let k = 1; k + 1 < cuts.length; k++) first.absorb(structuredClone(countAll(segments.slice(cuts[k], cuts[k + 1])).tally()));
        const one = countAll(segments);
        expect(first.tally()).toEqual(one.tally());
        expect(computeCodeTerms(first, { codebook, top: 5 })).toEqual(computeCodeTerms(one, { codebook, top: 5 }));
        expect(first.terms.display()).toEqual(one.terms.display());
      }),
      { numRuns: 200 },
    );
  });

  it('shows a term in the spelling used most over all slices, not in either alone', () => {
    const seg = (text: string): Seg => ({ words: text.split(' '), codes: [codeIds[0]!] });
    const first = countAll([seg('Mexico Mexico'), seg('mexico México')]);
    first.absorb(countAll([seg('México méxico'), seg('MÉXICO')]).tally());
    expect(first.terms.display().get('mexico')).toBe('méxico');
  });
});
