import { describe, expect, it } from 'vitest';
import { ByteRows } from '../../../src/core/util/byte-rows.js';
import { jsonTextBytes } from '../../../src/core/match/code-document.js';
import { SegmentRowMaker, factAt, factBuffers } from '../../../src/core/match/segment-rows.js';
import { computeTextSpans } from '../../../src/core/segment/compute-segments.js';
import { computeTextSha } from '../../../src/core/util/hash.js';

// The facts a slice hands over are columns of 65,536-entry chunks: a document
// with more segments than a chunk holds must read back whole, in order.
describe('SegmentRowMaker facts', () => {
  it('reads back every segment of a document past a chunk boundary, and one buffer per chunk to transfer', () => {
    const text = Array.from({ length: 70_000 }, (_, i) => `Item ${i} rose.`).join(' ');
    const maker = new SegmentRowMaker('sentence', 'csv', null);
    const buf = jsonTextBytes(text);
    const rows = { codings: new ByteRows(), evidence: new ByteRows() };
    const outcome = maker.code({ id: 'd', language: 'en', buf, from: 1, to: buf.length - 1, trusted: true, head: null }, rows);
    const spans = computeTextSpans(text, 'sentence', 'en');
    expect(outcome.segments).toBe(spans.length);
    const facts = maker.takeFacts();
    expect(factAt(facts.perDocument, 0)).toBe(spans.length);
    for (const n of [0, 65_535, 65_536, 65_537, spans.length - 1]) {
      expect([factAt(facts.index, n), factAt(facts.start, n), factAt(facts.end, n)]).toEqual([n + 1, spans[n]!.cpStart, spans[n]!.cpEnd]);
      const sha = computeTextSha(text.slice(spans[n]!.start, spans[n]!.end));
      expect([factAt(facts.shaHi, n), factAt(facts.shaLo, n)]).toEqual([parseInt(sha.slice(0, 8), 16), parseInt(sha.slice(8), 16)]);
    }
    expect(factBuffers(facts)).toHaveLength(1 + 5 * 2);
  });
});
