import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentTermCounter } from '../../../src/core/analysis/content-terms.js';
import { ExemplarCandidates } from '../../../src/core/analysis/exemplar-candidates.js';
import { EXEMPLAR_MAX_CHARS, ExemplarPicker, exemplarQuote, type CodeTerms } from '../../../src/core/analysis/themes.js';

const codeTerms = (code: string, g2: number[]): CodeTerms => ({ category: 'c', code, segments: 0, terms: [], g2ByTerm: new Map(g2.map((v, t) => [t, v])) });
const codes = [codeTerms('a', [0, 5, 1, 0]), codeTerms('b', [2, 0, 0, 7])];

/** A segment: which codes, matches per code, terms (numbers 0–3). */
const segment = fc.record({ codes: fc.subarray(['a', 'b']), matches: fc.array(fc.nat(3), { minLength: 2, maxLength: 2 }), terms: fc.array(fc.nat(3), { maxLength: 6 }) });

type Segment = { codes: string[]; matches: number[]; terms: number[] };

function pickAll(segments: Segment[], exemplars: number) {
  const picker = new ExemplarPicker(codes, exemplars, new ContentTermCounter());
  segments.forEach((s, i) => codes.forEach((c, k) => s.codes.includes(c.code) && picker.offer(k, `s${i}`, `text ${i}`, s.matches[k]!, () => s.terms)));
  return picker.result();
}

function pickCandidates(segments: Segment[], exemplars: number, budget?: number) {
  const candidates = new ExemplarCandidates(exemplars, budget);
  segments.forEach((s, i) => candidates.add({ id: () => `s${i}`, text: `text ${i}` }, new Set(s.codes), s.terms, (code) => s.matches[code === 'a' ? 0 : 1]!));
  const picker = new ExemplarPicker(codes, exemplars, new ContentTermCounter());
  candidates.pick(picker, codes);
  return { overflowed: candidates.overflowed, result: picker.result() };
}

describe('ExemplarCandidates', () => {
  it('keeps every segment that can be picked: the picks equal those over all segments', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 300, maxLength: 800 }), fc.integer({ min: 0, max: 4 }), (segments, exemplars) => {
        const { overflowed, result } = pickCandidates(segments, exemplars);
        expect(overflowed).toBe(false);
        expect(result).toEqual(pickAll(segments, exemplars));
      }),
      { numRuns: 100 },
    );
  });

  it('lets its candidates go and says so past its budget, so the caller picks in another pass', () => {
    const segments = Array.from({ length: 50 }, () => ({ codes: ['a'], matches: [1, 0], terms: [1, 2] }));
    expect(pickCandidates(segments, 3, 1000).overflowed).toBe(true);
    expect(pickCandidates(segments, 3, 1000).result[0]!.exemplars).toEqual([]);
    expect(pickCandidates(segments, 3).overflowed).toBe(false);
  });
});

/** The candidates of segments[0, cut) and, counted apart with their terms numbered otherwise (`remap` maps them back), of segments[cut, end), absorbed. */
function pickSplit(segments: Segment[], exemplars: number, cut: number, budget?: number) {
  const remap = Int32Array.from([2, 0, 3, 1]);
  const own = (t: number) => remap.indexOf(t);
  const first = new ExemplarCandidates(exemplars, budget);
  const second = new ExemplarCandidates(exemplars, budget);
  segments.forEach((s, i) => {
    const into = i < cut ? first : second;
    into.add({ id: () => `s${i}`, text: `text ${i}` }, new Set(s.codes), i < cut ? s.terms : s.terms.map(own), (code) => s.matches[code === 'a' ? 0 : 1]!);
  });
  first.absorb(structuredClone(second.tally()), remap);
  const picker = new ExemplarPicker(codes, exemplars, new ContentTermCounter());
  first.pick(picker, codes);
  return { overflowed: first.overflowed, result: picker.result() };
}

describe('ExemplarCandidates.absorb', () => {
  it('picks, from the candidates of two slices kept apart, what one pass over all segments picks', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 600 }), fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), (segments, exemplars, at) => {
        const { overflowed, result } = pickSplit(segments, exemplars, Math.floor(at * segments.length));
        expect(overflowed).toBe(false);
        expect(result).toEqual(pickAll(segments, exemplars));
      }),
      { numRuns: 150 },
    );
  });

  it('is overflowed when either slice overflowed, so the caller picks in another pass', () => {
    const segments = Array.from({ length: 60 }, (_, i) => ({ codes: ['a'], matches: [i < 10 ? 2 : 1, 0], terms: [1, 2] }));
    // Only the second slice, of 50 tied segments, outgrows the budget.
    expect(pickCandidates(segments.slice(0, 10), 3, 1000).overflowed).toBe(false);
    expect(pickSplit(segments, 3, 10, 1000).overflowed).toBe(true);
    // Only the first slice, of 50 tied segments, does.
    const tiedFirst = [...segments.slice(10), ...segments.slice(0, 10)];
    expect(pickCandidates(tiedFirst.slice(50), 3, 1000).overflowed).toBe(false);
    expect(pickSplit(tiedFirst, 3, 50, 1000).overflowed).toBe(true);
    expect(pickSplit(segments, 3, 30).overflowed).toBe(false);
  });
});

describe('exemplarQuote', () => {
  it('keeps a quote whole up to EXEMPLAR_MAX_CHARS, then cuts it with an ellipsis, never inside a surrogate pair', () => {
    const short = 'x'.repeat(EXEMPLAR_MAX_CHARS);
    expect(exemplarQuote(short)).toBe(short);
    expect(exemplarQuote(`${short}y`)).toBe(`${short}…`);
    const pairAtCut = `${'x'.repeat(EXEMPLAR_MAX_CHARS - 1)}😀tail`;
    expect(exemplarQuote(pairAtCut)).toBe(`${'x'.repeat(EXEMPLAR_MAX_CHARS - 1)}…`);
  });
});
