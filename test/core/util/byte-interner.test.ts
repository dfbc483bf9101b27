import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../../../src/core/util/byte-interner.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('ByteInterner', () => {
  it('numbers byte strings in order of first appearance, as a Map of their texts would, across rehashing; find adds nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }), (words, probes) => {
        const interner = new ByteInterner(4);
        const ids = new Map<string, number>();
        for (const w of words) {
          // Each word inside other bytes: only [start, end) counts.
          const b = bytes(`<${w}>`);
          const id = interner.intern(b, 1, b.length - 1);
          expect(interner.added).toBe(!ids.has(w));
          if (!ids.has(w)) ids.set(w, ids.size);
          expect(id).toBe(ids.get(w));
          expect(interner.text(id)).toBe(new TextDecoder().decode(bytes(w)));
        }
        for (const p of probes) {
          const b = bytes(p);
          expect(interner.find(b, 0, b.length)).toBe(ids.get(p) ?? -1);
        }
        expect(interner.size).toBe(ids.size);
      }),
      { numRuns: 60 },
    );
  });
});
