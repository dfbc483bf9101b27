import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeRequestedSize, computeSample, type SampleOptions } from '../../../src/core/sample/compute-sample.js';
import { formatSampleCsv } from '../../../src/core/sample/format-sample.js';
import { fixtureCorpus } from './fixture-corpus.js';
import { expectGolden } from '../../helpers/golden.js';

const { docs, segments } = fixtureCorpus();
const byType: SampleOptions = { fraction: 0.2, seed: 2026, stratify: { by: 'metadata', key: 'type' } };
const codes = (s: { diagnostics: { code: string; severity: string }[] }) =>
  s.diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('computeSample', () => {
  it('golden: seed 2026, 20%, stratified by type', async () => {
    const s = computeSample(segments, docs, byType);
    expect(s.diagnostics).toEqual([]);
    expect(s.population).toBe(75);
    // 20% of 75 = 15; quotas 28·15/75 = 5.6, 15·15/75 = 3, 32·15/75 = 6.4:
    // floors 5, 3, 6 leave one seat, which goes to the largest remainder (news, .6).
    expect(s.requested).toBe(15);
    expect(s.strata.map((x) => [x.stratum, x.population, x.allocated])).toEqual([
      ['news', 28, 6],
      ['official', 15, 3],
      ['social', 32, 6],
    ]);
    expectGolden('sample/fixture-seed2026-20pct-by-type.csv', formatSampleCsv(s.rows));
  });

  it('is deterministic and lists rows in corpus order', () => {
    const a = computeSample(segments, docs, byType);
    const b = computeSample(segments, docs, { ...byType, seed: '2026' });
    expect(b.rows).toEqual(a.rows);
    const pos = new Map(segments.map((s, i) => [s.segment_id, i]));
    const order = a.rows.map((r) => pos.get(r.segment_id)!);
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('a different seed draws a different sample of the same allocation', () => {
    const a = computeSample(segments, docs, byType);
    const b = computeSample(segments, docs, { ...byType, seed: 2027 });
    expect(b.rows.map((r) => r.segment_id)).not.toEqual(a.rows.map((r) => r.segment_id));
    expect(b.strata).toEqual(a.strata);
  });

  it('--size takes that many; unstratified puts every row in stratum ""', () => {
    const s = computeSample(segments, docs, { size: 10, seed: 1, stratify: { by: 'none' } });
    expect(s.rows).toHaveLength(10);
    expect(new Set(s.rows.map((r) => r.stratum))).toEqual(new Set(['']));
  });

  it('stratify by doc gives each document its proportional share', () => {
    const s = computeSample(segments, docs, { fraction: 0.5, seed: 3, stratify: { by: 'doc' } });
    expect(s.strata).toHaveLength(30);
    for (const st of s.strata) {
      expect(s.rows.filter((r) => r.stratum === st.stratum)).toHaveLength(st.allocated);
      expect(s.rows.every((r) => r.stratum === r.doc_id)).toBe(true);
    }
    expect(s.rows.length).toBe(s.strata.reduce((n, x) => n + x.allocated, 0));
  });

  it('rounds a fraction up, guarding against float noise', () => {
    expect(computeRequestedSize(0.2, 7)).toBe(2);
    expect(computeRequestedSize(0.1, 30)).toBe(3);
    expect(computeRequestedSize(0.2, 90)).toBe(18);
    expect(computeRequestedSize(1, 90)).toBe(90);
    expect(computeRequestedSize(1e-9, 90)).toBe(1);
    expect(computeRequestedSize(0.2, 75)).toBe(15);
  });

  it('fraction 1 takes everything', () => {
    const s = computeSample(segments, docs, { ...byType, fraction: 1 });
    expect(s.rows.map((r) => r.segment_id)).toEqual(segments.map((x) => x.segment_id));
  });

  describe('edge cases', () => {
    it('fraction 0, negative or above 1 is an error', () => {
      for (const fraction of [0, -0.1, 1.5, Number.NaN]) {
        const s = computeSample(segments, docs, { ...byType, fraction });
        expect(codes(s)).toEqual(['error QC501']);
        expect(s.rows).toEqual([]);
      }
    });

    it('size 0 or fractional, and both or neither of fraction/size, are errors', () => {
      expect(codes(computeSample(segments, docs, { size: 0, seed: 1, stratify: { by: 'none' } }))).toEqual(['error QC501']);
      expect(codes(computeSample(segments, docs, { size: 2.5, seed: 1, stratify: { by: 'none' } }))).toEqual(['error QC501']);
      expect(codes(computeSample(segments, docs, { size: 2, fraction: 0.1, seed: 1, stratify: { by: 'none' } }))).toEqual([
        'error QC501',
      ]);
      expect(codes(computeSample(segments, docs, { seed: 1, stratify: { by: 'none' } }))).toEqual(['error QC501']);
    });

    it('size above the population warns and takes everything', () => {
      const s = computeSample(segments, docs, { size: 500, seed: 1, stratify: { by: 'none' } });
      expect(codes(s)).toEqual(['warning QC502']);
      expect(s.rows).toHaveLength(75);
    });

    it('an empty corpus is an error', () => {
      expect(codes(computeSample([], [], byType))).toEqual(['error QC506']);
    });

    it('an unknown metadata key is an error naming the keys there are', () => {
      const s = computeSample(segments, docs, { ...byType, stratify: { by: 'metadata', key: 'typ' } });
      expect(codes(s)).toEqual(['error QC504']);
      expect(s.diagnostics[0]!.hint).toContain('title, type');
    });

    it('documents without the key form the "" stratum, with a warning', () => {
      const c = fixtureCorpus({ withoutType: ['doc-01', 'doc-02'] });
      const s = computeSample(c.segments, c.docs, byType);
      expect(codes(s)).toEqual(['warning QC505']);
      expect(s.diagnostics[0]!.message).toContain('doc-01, doc-02');
      expect(s.strata[0]!.stratum).toBe('');
      expect(s.strata[0]!.population).toBe(1 + 4);
    });

    it('a stratum smaller than --min-per-stratum warns and is taken whole', () => {
      const c = fixtureCorpus({ withoutType: ['doc-01'] }); // stratum "" has 1 segment
      const s = computeSample(c.segments, c.docs, { ...byType, minPerStratum: 2 });
      expect(codes(s)).toEqual(['warning QC505', 'warning QC503']);
      const empty = s.strata.find((x) => x.stratum === '')!;
      expect([empty.population, empty.proportional, empty.allocated]).toEqual([1, 0, 1]);
      expect(s.rows.filter((r) => r.stratum === '')).toHaveLength(1);
    });

    it('min-per-stratum raises small strata above their proportional share', () => {
      const s = computeSample(segments, docs, { fraction: 0.05, seed: 9, stratify: { by: 'metadata', key: 'type' }, minPerStratum: 3 });
      // ⌈.05 · 75⌉ = 4; quotas 1.49, 0.8, 1.71 → floors 1, 0, 1, and the two
      // seats left go to official (.8) and social (.71).
      expect(s.strata.map((x) => [x.proportional, x.allocated])).toEqual([
        [1, 3],
        [1, 3],
        [2, 3],
      ]);
      expect(s.rows).toHaveLength(9);
    });

    it('a negative minimum is an error', () => {
      expect(codes(computeSample(segments, docs, { ...byType, minPerStratum: -1 }))).toEqual(['error QC501']);
    });
  });

  it('property: sample size, uniqueness and strata sizes hold for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 75 }), (seed, size) => {
        const s = computeSample(segments, docs, { size, seed, stratify: { by: 'metadata', key: 'type' } });
        expect(s.rows).toHaveLength(size);
        expect(new Set(s.rows.map((r) => r.segment_id)).size).toBe(size);
        for (const st of s.strata) expect(s.rows.filter((r) => r.stratum === st.stratum)).toHaveLength(st.allocated);
      }),
      { numRuns: 50 },
    );
  });

  it('writes an empty sample as a header line', () => {
    expect(formatSampleCsv([])).toBe('segment_id,doc_id,stratum,text\n');
  });
});

describe('computeSample reports every problem at once', () => {
  it('a bad fraction and an unknown key together', () => {
    const { docs, segments } = fixtureCorpus();
    const s = computeSample(segments, docs, { fraction: 0, seed: 1, stratify: { by: 'metadata', key: 'typ' } });
    expect(s.diagnostics.map((d) => d.code)).toEqual(['QC501', 'QC504']);
  });
});
