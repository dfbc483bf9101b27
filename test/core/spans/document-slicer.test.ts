import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentSlicer, PreslicedDocuments } from '../../../src/core/spans/document-slicer.js';

describe('PreslicedDocuments', () => {
  it('gives the lengths and slices DocumentSlicer gives, for any text (surrogate pairs, lone surrogates) and any ranges', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '😀', '\uD800', '\uDC00', '\n') });
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { maxLength: 8 }), (t, ranges) => {
        const doc = { id: 'd', text: t, metadata: {}, source: { file: 'd.txt' } };
        const whole = new DocumentSlicer([doc]);
        const presliced = new PreslicedDocuments(['d', 'e']);
        presliced.take('d', t, ranges);
        expect(presliced.length('d')).toBe(whole.length('d'));
        for (const [start, end] of ranges) {
          if (start < end && end <= whole.length('d')) expect(presliced.slice('d', start, end)).toBe(whole.slice('d', start, end));
        }
        expect([presliced.has('e'), presliced.has('x'), presliced.ids()]).toEqual([true, false, ['d', 'e']]);
      }),
      { numRuns: 300 },
    );
  });
});
