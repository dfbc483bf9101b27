import { describe, expect, it } from 'vitest';
import { codePointCursor } from '../../../src/core/util/code-point-cursor.js';
import { codePointIndex } from '../../../src/core/util/code-point-index.js';

describe('codePointCursor', () => {
  it('gives the UTF-16 index of each code-point offset, as codePointIndex does, asked in order or not', () => {
    for (const text of ['plain text', 'a😀b\u{1F1F2}\u{1F1FD}c', '\uD800lone\uDC00 😀', '\uD800\uD800\uDC00x\uD800\uDC00\uDC00😀', '\uDC00\uD800 lone, no pair\uD800', '']) {
      const index = codePointIndex(text);
      const forward = codePointCursor(text);
      for (let cp = 0; cp < index.length; cp++) expect(forward(cp)).toBe(index[cp]);
      // Told the length in code points (as a scan counts them, a lone surrogate one), the same answers.
      const told = codePointCursor(text, [...text].length);
      for (let cp = 0; cp < index.length; cp++) expect(told(cp)).toBe(index[cp]);
      const back = codePointCursor(text);
      for (let cp = index.length - 1; cp >= 0; cp--) expect(back(cp)).toBe(index[cp]);
      // Back and forth, as kwic asks for overlapping matches: walked back, not started over, with the same answers.
      const zigzag = codePointCursor(text);
      for (let k = 0; k < 3 * index.length; k++) {
        const cp = (k * 7 + (k % 3) * 5) % index.length;
        expect(zigzag(cp)).toBe(index[cp]);
      }
    }
  });
});
