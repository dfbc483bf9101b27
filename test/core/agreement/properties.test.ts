import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COEFFICIENT_KEYS, type Metrics } from '../../../src/core/agreement/agreement-result.js';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { buildRatingsTable, type Level } from '../../../src/core/agreement/ratings-table.js';

type Rows = (number | null)[][];

const dataset = (opts: { missing: boolean }) =>
  fc
    .record({ coders: fc.integer({ min: 2, max: 4 }), categories: fc.integer({ min: 1, max: 4 }), units: fc.integer({ min: 1, max: 25 }) })
    .chain(({ coders, categories, units }) =>
      fc.record({
        categories: fc.constant(categories),
        rows: fc.array(
          fc.array(
            opts.missing
              ? fc.option(fc.integer({ min: 0, max: categories - 1 }), { freq: 5 })
              : fc.integer({ min: 0, max: categories - 1 }),
            { minLength: coders, maxLength: coders },
          ),
          { minLength: units, maxLength: units },
        ),
        level: fc.constantFrom<Level>('nominal', 'ordinal', 'interval'),
      }),
    );

function run(rows: Rows, categories: number, level: Level, labels?: string[]): Metrics {
  const coders = rows[0]!.map((_, i) => `c${i}`);
  const names = labels ?? Array.from({ length: categories }, (_, i) => String(i + 1));
  return computeAgreementMetrics(buildRatingsTable(coders, names, rows), { level }).metrics;
}

function expectSame(a: Metrics, b: Metrics, skip: string[] = []): void {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const [key, v] of Object.entries(a)) {
    if (skip.includes(key)) continue;
    const w = (b as Record<string, unknown>)[key];
    if (v === null || w === null) expect(w, key).toBe(v);
    else if (Array.isArray(v)) {
      expect((w as number[])[0]).toBeCloseTo(v[0]!, 9);
      expect((w as number[])[1]).toBeCloseTo(v[1]!, 9);
    } else expect(w as number, key).toBeCloseTo(v as number, 9);
  }
}

const shuffle = <T>(xs: T[], order: number[]): T[] => order.map((i) => xs[i]!);
const permutation = (n: number) =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));

describe('properties of every coefficient', () => {
  it('is symmetric in the coders (the bias index changes sign)', () => {
    fc.assert(
      fc.property(dataset({ missing: true }).chain((d) => fc.tuple(fc.constant(d), permutation(d.rows[0]!.length))), ([d, order]) => {
        const a = run(d.rows, d.categories, d.level);
        const b = run(d.rows.map((r) => shuffle(r, order)), d.categories, d.level);
        expectSame(a, b, ['bias_index']);
        if (typeof a.bias_index === 'number') expect(Math.abs(b.bias_index as number)).toBeCloseTo(Math.abs(a.bias_index), 12);
      }),
    );
  });

  it('is unchanged by reordering units', () => {
    fc.assert(
      fc.property(dataset({ missing: true }).chain((d) => fc.tuple(fc.constant(d), permutation(d.rows.length))), ([d, order]) => {
        expectSame(run(d.rows, d.categories, d.level), run(shuffle(d.rows, order), d.categories, d.level));
      }),
    );
  });

  it('nominal coefficients are unchanged by permuting categories', () => {
    fc.assert(
      fc.property(dataset({ missing: true }).chain((d) => fc.tuple(fc.constant(d), permutation(d.categories))), ([d, order]) => {
        const a = run(d.rows, d.categories, 'nominal');
        const b = run(d.rows.map((r) => r.map((v) => (v === null ? null : order[v]!))), d.categories, 'nominal');
        // Byrt's indices are signed by which category is first, so only their size is kept.
        expectSame(a, b, ['prevalence_index', 'bias_index']);
        if (typeof a.prevalence_index === 'number') expect(Math.abs(b.prevalence_index as number)).toBeCloseTo(Math.abs(a.prevalence_index), 12);
      }),
    );
  });

  it('weighted κ and ordinal α are unchanged by renaming that keeps the order, and by reversing it', () => {
    fc.assert(
      fc.property(dataset({ missing: false }), (d) => {
        const labels = Array.from({ length: d.categories }, (_, i) => `level-${String.fromCharCode(97 + i)}`);
        const a = run(d.rows, d.categories, 'ordinal');
        expectSame(a, run(d.rows, d.categories, 'ordinal', labels));
        const reversed = run(d.rows.map((r) => r.map((v) => (v === null ? null : d.categories - 1 - v))), d.categories, 'ordinal');
        for (const key of ['kappa_linear', 'kappa_quadratic', 'krippendorff_alpha'] as const) {
          if (a[key] === undefined) continue;
          if (a[key] === null) expect(reversed[key]).toBeNull();
          else expect(reversed[key] as number).toBeCloseTo(a[key] as number, 9);
        }
      }),
    );
  });

  it('perfect agreement gives 1 wherever a coefficient is defined', () => {
    fc.assert(
      fc.property(dataset({ missing: false }), (d) => {
        const rows = d.rows.map((r) => r.map(() => r[0]!));
        const m = run(rows, d.categories, d.level);
        for (const key of COEFFICIENT_KEYS) {
          const v = m[key];
          if (v === undefined || v === null) continue;
          expect(v as number, key).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('values stay within their bounds and are never NaN or infinite', () => {
    fc.assert(
      fc.property(dataset({ missing: true }), (d) => {
        const m = run(d.rows, d.categories, d.level);
        for (const [key, v] of Object.entries(m)) {
          if (v === null) continue;
          for (const x of Array.isArray(v) ? v : [v]) expect(Number.isFinite(x), key).toBe(true);
        }
        const within = (v: unknown, lo: number, hi: number) => {
          if (typeof v === 'number') {
            expect(v).toBeGreaterThanOrEqual(lo - 1e-12);
            expect(v).toBeLessThanOrEqual(hi + 1e-12);
          }
        };
        within(m.percent_agreement, 0, 1);
        for (const k of ['cohen_kappa', 'kappa_linear', 'kappa_quadratic', 'scott_pi', 'mean_pairwise_cohen_kappa'] as const) within(m[k], -1, 1);
        for (const k of ['fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'] as const) within(m[k], -Infinity, 1);
        if (typeof m.brennan_prediger === 'number') within(m.brennan_prediger, -1 / (d.categories - 1), 1);
        for (const k of ['cohen_kappa_se', 'cohen_kappa_se0', 'fleiss_kappa_se0', 'gwet_ac1_se'] as const) within(m[k], 0, Infinity);
        within(m.prevalence_index, -1, 1);
        within(m.bias_index, -1, 1);
        if (Array.isArray(m.cohen_kappa_ci)) {
          expect(m.cohen_kappa_ci[0]).toBeLessThanOrEqual(m.cohen_kappa as number);
          expect(m.cohen_kappa_ci[1]).toBeGreaterThanOrEqual(m.cohen_kappa as number);
        }
      }),
    );
  });
});
