import { describe, expect, it } from 'vitest';
import { CodebookSchema } from '../../../src/core/model/codebook.js';
import type { Segment } from '../../../src/core/model/segment.js';
import type { SpanCoding } from '../../../src/core/model/span-coding.js';
import { computeUnitsFromSpans, parseUnitRule } from '../../../src/core/spans/units-from-spans.js';

const codebook = CodebookSchema.parse({
  name: 't',
  version: '1.0.0',
  categories: [
    { id: 'topic', label: 'Topic', codes: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'tone', label: 'Tone', exclusive: true, codes: [{ id: 'pos', label: 'Pos' }, { id: 'neg', label: 'Neg' }] },
  ],
});
// Document d: three sentences [0,10) [11,21) [22,32); document e: one [0,10).
const seg = (doc: string, n: number, start: number): Segment => ({ segment_id: `${doc}:s${n}`, doc_id: doc, unit: 'sentence', index: n, start, end: start + 10, text: 'x'.repeat(10) });
const segments = [seg('d', 1, 0), seg('d', 2, 11), seg('d', 3, 22), seg('e', 1, 0)];
const span = (start: number, end: number, code: string, doc = 'd'): SpanCoding => ({ doc_id: doc, start, end, code, text: '', memo: '' });
const codes = (spans: SpanCoding[], rule: string, reviewed: 'spans' | 'documents' | 'corpus' = 'documents') =>
  computeUnitsFromSpans(spans, segments, codebook, { coder: 'x', rule: parseUnitRule(rule)!, reviewed }).codings.map((c) => `${c.segment_id}=${c.code}`);

describe('units from spans', () => {
  it('any: a span touching a sentence by one character codes it; whitespace between sentences touches nothing', () => {
    expect(codes([span(9, 11, 'a')], 'any')).toEqual(['d:s1=a', 'd:s2=', 'd:s3=']);
    expect(codes([span(10, 11, 'a')], 'any')).toEqual(['d:s1=', 'd:s2=', 'd:s3=']);
  });

  it('majority and cover:P measure the union of a code’s spans within the sentence', () => {
    const spans = [span(11, 14, 'a'), span(13, 17, 'a')]; // 6 of 10 characters of s2
    expect(codes(spans, 'majority')).toEqual(['d:s1=', 'd:s2=a', 'd:s3=']);
    expect(codes(spans, 'cover:60')).toEqual(['d:s1=', 'd:s2=a', 'd:s3=']);
    expect(codes(spans, 'cover:61')).toEqual(['d:s1=', 'd:s2=', 'd:s3=']);
    expect(codes([span(11, 16, 'a')], 'majority')).toEqual(['d:s1=', 'd:s2=', 'd:s3=']);
  });

  it('reviewed: documents with a span, only touched units, or the whole corpus', () => {
    const spans = [span(0, 5, 'b')];
    expect(codes(spans, 'any', 'documents')).toEqual(['d:s1=b', 'd:s2=', 'd:s3=']);
    expect(codes(spans, 'any', 'spans')).toEqual(['d:s1=b']);
    expect(codes(spans, 'any', 'corpus')).toEqual(['d:s1=b', 'd:s2=', 'd:s3=', 'e:s1=']);
    expect(codes([span(0, 32, ''), span(12, 13, 'a')], 'any', 'spans')).toEqual(['d:s1=', 'd:s2=a', 'd:s3=']);
  });

  it('keeps the code covering most of a sentence in an exclusive category, and says so', () => {
    const r = computeUnitsFromSpans([span(0, 3, 'pos'), span(3, 10, 'neg'), span(0, 10, 'a')], segments, codebook, { coder: 'x', rule: { kind: 'any' }, reviewed: 'spans' });
    expect(r.codings.map((c) => c.code)).toEqual(['a', 'neg']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['QC404']);
  });

  it('parses rules and rejects the rest', () => {
    expect(parseUnitRule('cover:50')).toEqual({ kind: 'cover', percent: 50 });
    for (const bad of ['cover:0', 'cover:101', 'most', 'cover:']) expect(parseUnitRule(bad)).toBeUndefined();
  });
});
