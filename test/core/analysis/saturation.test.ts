import { describe, expect, it } from 'vitest';
import type { CodedSegment } from '../../../src/core/analysis/coded-segments.js';
import { computeSaturation } from '../../../src/core/analysis/saturation.js';
import type { Document } from '../../../src/core/model/document.js';
import type { Segment } from '../../../src/core/model/segment.js';

const doc = (id: string, date?: string): Document => ({ id, text: '', metadata: date ? { date } : {}, source: { file: 'x' } });
const seg = (docId: string, codes: string[]): CodedSegment => ({ segment: { doc_id: docId, segment_id: `${docId}:s` } as Segment, codes: new Set(codes) });

const documents = [doc('a', '2024-03-01'), doc('b', '2024-01-01'), doc('c'), doc('d', '2024-02-01'), doc('unreviewed')];
const coded = [seg('a', ['x', 'y']), seg('a', []), seg('b', ['y']), seg('c', ['z']), seg('d', ['x'])];

describe('computeSaturation', () => {
  it('counts distinct and new codes document by document and finds the last new code', () => {
    const s = computeSaturation(documents, coded, 'doc', null);
    expect(s.steps.map((r) => [r.document, r.new_codes, r.distinct_codes])).toEqual([
      ['a', ['x', 'y'], 2],
      ['b', [], 2],
      ['c', ['z'], 3],
      ['d', [], 3],
    ]);
    expect([s.saturated_at, s.documents_after]).toEqual([3, 1]);
  });

  it('orders by date, undated documents last', () => {
    expect(computeSaturation(documents, coded, 'date', null).steps.map((r) => r.document)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('shuffles reproducibly for a seed', () => {
    const one = computeSaturation(documents, coded, 'random', 7).steps.map((r) => r.document);
    expect(computeSaturation(documents, coded, 'random', 7).steps.map((r) => r.document)).toEqual(one);
    expect([...one].sort()).toEqual(['a', 'b', 'c', 'd']);
    const others = [1, 2, 3, 4, 5].map((seed) => computeSaturation(documents, coded, 'random', seed).steps.map((r) => r.document).join());
    expect(new Set([one.join(), ...others]).size).toBeGreaterThan(1);
  });

  it('has no saturation point when no code was applied', () => {
    const s = computeSaturation([doc('a')], [seg('a', [])], 'doc', null);
    expect(s.saturated_at).toBeNull();
    expect(s.steps[0]!.distinct_codes).toBe(0);
  });
});
