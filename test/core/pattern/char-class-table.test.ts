import { describe, expect, it } from 'vitest';
import { BMP_CLASS, computeClass } from '../../../src/core/pattern/char-class.js';

describe('BMP_CLASS', () => {
  it('holds computeClass of every BMP code point (surrogates: no class)', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      const want = cp >= 0xd800 && cp <= 0xdfff ? 0 : computeClass(cp);
      if (BMP_CLASS[cp] !== want && wrong.length < 20) wrong.push(`U+${cp.toString(16)}: ${BMP_CLASS[cp]} not ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});
