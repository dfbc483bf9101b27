import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentTableBuilder } from '../../../src/core/segment/segment-table.js';

// The table keeps no document column and, without gaps, no index column: a
// segment's document comes from the documents' first segment numbers (with
// documents that have no segment among them) and its index from its place.
// Asked in any order, they must be what was added.
describe('SegmentTable', () => {
  it('gives each segment the document, index and id it was added with, asked in any order, with and without gaps', () => {
    const docs = fc.array(fc.array(fc.boolean(), { maxLength: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(docs, fc.array(fc.nat(), { maxLength: 60 }), (shape, asks) => {
        const b = new SegmentTableBuilder('sentence');
        const added: { doc: number; index: number }[] = [];
        shape.forEach((kept, d) => {
          b.addDocument({ id: `d${d}`, metadata: {} });
          kept.forEach((keep, i) => {
            if (!keep) {
              b.dropped++;
              return;
            }
            b.addSegment(i + 1, i * 10, i * 10 + 5, '0123456789abcdef');
            added.push({ doc: d, index: i + 1 });
          });
        });
        const t = b.finish();
        expect(t.length).toBe(added.length);
        for (const ask of [...asks, ...added.keys()]) {
          if (added.length === 0) break;
          const n = ask % added.length;
          expect(t.doc(n)).toBe(added[n]!.doc);
          expect(t.index(n)).toBe(added[n]!.index);
          expect(t.segmentNumber(t.segmentId(n))).toBe(n);
        }
        expect(t.segmentNumber(`d0:s${(shape[0]?.length ?? 0) + 1}`)).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });
});
