import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeNfc } from '../../../src/core/corpus/normalize-text.js';

// A long text is normalised in pieces cut before an ASCII character, and is
// itself returned when no piece changes (normalize copies even an NFC text:
// a 200 MB document was held twice). Small pieces here put the cuts among
// the characters NFC joins and reorders.
const parts = ['e', 'E', ' ', '\n', 'a', '<', '=', '\u0301', '\u0308', '\u0323', '\u0338', 'é', '\u1100', '\u1161', '\u11a8', '\u0b47', '\u0b3e', '“', '😀', '\ud83d', '\u00c5', 'Å', 'ﬁ', '\u0f73'];
const text = fc.array(fc.constantFrom(...parts), { maxLength: 80 }).map((a) => a.join(''));

describe('normalizeNfc in pieces', () => {
  it('equals String.prototype.normalize for any piece size, marks and jamo at the cuts', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (s, piece) => {
        expect(normalizeNfc(s, piece)).toBe(s.normalize('NFC'));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns the text itself when it is in NFC already, and a normalised copy when a piece changes', () => {
    const nfc = 'Quer\u00e9taro “x” tariff. '.repeat(40);
    expect(normalizeNfc(nfc, 16)).toBe(nfc);
    const decomposed = `${nfc}Quere\u0301taro`;
    expect(normalizeNfc(decomposed, 16)).toBe(decomposed.normalize('NFC'));
    expect(normalizeNfc(decomposed, 16)).not.toBe(decomposed);
  });

  it('takes a piece with no ASCII character whole, however long', () => {
    const s = `ab${'\u0915\u093f'.repeat(50)}e\u0301${'\u00e9'.repeat(30)}`;
    expect(normalizeNfc(s, 4)).toBe(s.normalize('NFC'));
  });
});
