import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';
import { isNormalizedUtf8 } from '../../../src/core/match/normalized-utf8.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('isNormalizedUtf8', () => {
  it('says unchanged only of texts normalizeText leaves as they are', () => {
    // Marks that compose or reorder, Hangul jamo, characters with another NFC form alone (U+2000, Å, a compatibility ideograph in and beyond the BMP), CR, BOM.
    const piece = fc.constantFrom('a', 'e', '\u0301', '\u0327', 'é', 'ß', '’', '“', '—', '😀', '\u1100', '\u1161', '\u11a8', '가', '\u2000', '\u212b', '\uf900', '\u{2f800}', '\r', '\n', '\ufeff', '教', ' ', '\u0653', '\u3099', 'か');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        if (isNormalizedUtf8(utf8(text))) expect(normalizeText(text)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('says unchanged of the common text: ASCII, accented letters, curly quotes, dashes, emoji, CJK, a BOM not at the start', () => {
    for (const text of ['Tariffs rose.', 'café naïve', '“Trump’s” — tariffs…', '😀 ok', '教育 か', 'a\ufeffb', '가나다', '']) expect(isNormalizedUtf8(utf8(text)), text).toBe(true);
  });

  it('says perhaps changed of a decomposed letter, a CR, a leading BOM, a singleton and a lone jamo', () => {
    for (const text of ['cafe\u0301', 'a\r\nb', '\ufeffa', '\u212b', '\u{2f800}', '가\u11a8']) expect(isNormalizedUtf8(utf8(text)), text).toBe(false);
  });
});
