import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../src/core/refi/format-project-qde.js';

/** The definition: the whole text flattened, trimmed, cut at 100 code points. */
function plain(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > 100 ? `${chars.slice(0, 100).join('')}…` : chars.join('');
}

describe('excerpt (a selection name from the start of its text)', () => {
  it('equals flattening the whole text, for texts around and far past the prefix it reads', () => {
    const piece = fc.constantFrom('a', 'é', '😀', ' ', '  \n\t', '\u00a0', 'word ', '\u3000', '\ud83d', '\ude00');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 900 }), fc.nat(3), (pieces, pad) => {
        const text = ' '.repeat(pad * 300) + pieces.join('');
        expect(excerpt(text)).toBe(plain(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the start of a long selection', () => {
    const long = 'tariff talks '.repeat(2_000_000);
    expect(excerpt(long)).toBe(plain(long.slice(0, 1000)));
  });
});
