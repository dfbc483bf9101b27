import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGraphemeClusters, graphemeClusters } from '../../../src/core/util/grapheme-clusters.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const reference = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);

// The fast path (each unit its own cluster) must cut exactly where Intl.Segmenter cuts, at the edges of its
// ranges too: CR LF, combining marks from U+0300, joiners, U+2028, emoji and flags, Hangul jamo.
const piece = fc.constantFrom(
  'a', ' ', '\n', '\r', '\r\n', '\t', '\u007f', '\u00a0', 'é', '\u02ff', '\u0300', 'e\u0301', '\u2010', '\u201c', '\u2027', '\u2028',
  '\u2030', '\u205e', '\u205f', '\u200d', '\u200b', '😀', '👍🏽', '🇲🇽', '\u1100\u1161', '각', 'क्ष', '\ud800', '\udc00',
);

describe('graphemeClusters', () => {
  it('cuts any text where Intl.Segmenter cuts it, and counts alike', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const s = pieces.join('');
        expect(graphemeClusters(s)).toEqual(reference(s));
        expect(countGraphemeClusters(s)).toBe(reference(s).length);
      }),
      { numRuns: 3000 },
    );
  });
});
