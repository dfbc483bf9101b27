import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTextSpans } from '../../../src/core/segment/compute-segments.js';
import { SegmentTableBuilder } from '../../../src/core/segment/segment-table.js';
import { segmentTextCutter } from '../../../src/core/segment/segment-text-cutter.js';

// A pass that needs only some segments' texts cuts them from the document by
// the table's code-point offsets: each must be the segment's text as the
// segmenter cut it, astral characters and lone surrogates included.
const parts = ['Tariffs rose. ', 'Steel “fell”! ', '😀 ', 'é', '\ud83d', 'a\n\n', 'Why? ', '𝄞𝄞. '];
const text = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));

describe('segmentTextCutter', () => {
  it('gives each asked segment its text, asking only some of them in order', () => {
    fc.assert(
      fc.property(text, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (t, ask) => {
        const spans = computeTextSpans(t, 'sentence', 'en');
        const b = new SegmentTableBuilder('sentence');
        b.addDocument({ id: 'd', metadata: {} });
        spans.forEach((s, i) => b.addSegment(i + 1, s.cpStart, s.cpEnd, '0'.repeat(16)));
        const table = b.finish();
        const cut = segmentTextCutter(table, t);
        spans.forEach((s, n) => {
          if (ask[n % 40]) expect(cut(n)).toBe(t.slice(s.start, s.end));
        });
      }),
      { numRuns: 500 },
    );
  });
});
