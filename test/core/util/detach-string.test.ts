import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detachString } from '../../../src/core/util/detach-string.js';

describe('detachString', () => {
  it('gives the same string for any UTF-16 text, lone surrogates and control characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      const s = `${a}${b}\u0000\ud800"\\`.slice(0, a.length + b.length);
      expect(detachString(s)).toBe(s);
    }));
  });
});
