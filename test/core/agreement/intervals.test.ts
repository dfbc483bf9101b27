import { describe, expect, it } from 'vitest';
import { COEFFICIENT_KEYS } from '../../../src/core/agreement/agreement-result.js';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { buildRatingsTable, compressRatings } from '../../../src/core/agreement/ratings-table.js';

const table = (coders: string[], categories: string[], rows: (number | null)[][]) => buildRatingsTable(coders, categories, rows);
const repeat = (row: (number | null)[], times: number) => Array.from({ length: times }, () => [...row]);

describe('intervals on every coefficient', () => {
  // 3 coders, 4 categories, some missing: every coefficient applies.
  const rows = [
    [0, 0, 0], [1, 1, 2], [2, 2, 2], [3, 3, null], [0, 1, 0], [1, 1, 1], [2, 3, 2], [null, 0, 0],
    [3, 3, 3], [0, 0, 1], [1, 2, 1], [2, 2, null], [0, 0, 0], [3, 2, 3], [1, 1, 1], [2, 2, 2],
  ];
  const m = computeAgreementMetrics(table(['a', 'b', 'c'], ['1', '2', '3', '5'], rows), {
    level: 'interval',
    bootstrap: { resamples: 400, seed: 3 },
  });

  it('gives an SE and a 95% interval (or null with a reason) and a bootstrap interval for each coefficient', () => {
    for (const key of COEFFICIENT_KEYS) {
      if (!(key in m.metrics)) continue;
      for (const suffix of ['_se', '_ci', '_boot_ci'] as const) {
        const k = `${key}${suffix}` as const;
        expect(k in m.metrics, k).toBe(true);
        if (m.metrics[k] === null) expect(m.notes.some((n) => n.split(': ')[0]!.split(', ').includes(k)), k).toBe(true);
      }
      const boot = m.metrics[`${key}_boot_ci`] as [number, number];
      expect(boot[0]).toBeLessThanOrEqual(boot[1]);
      expect(m.intervals?.[`${key}_boot_ci`]?.method).toBe('percentile_bootstrap');
    }
    expect(m.metrics.mean_pairwise_cohen_kappa_se).toBeNull();
    expect(Array.isArray(m.metrics.mean_pairwise_cohen_kappa_boot_ci)).toBe(true);
  });

  it('is reproducible for a seed and independent of the order of the units', () => {
    const again = computeAgreementMetrics(table(['a', 'b', 'c'], ['1', '2', '3', '5'], [...rows].reverse()), {
      level: 'interval',
      bootstrap: { resamples: 400, seed: 3 },
    });
    expect(again.metrics).toEqual(m.metrics);
  });

  it('cuts a Wald interval at the coefficient’s range and says so', () => {
    // 30 units, 29 agreements: κ ± 1.96·SE would pass 1.
    const t = table(['a', 'b'], ['yes', 'no'], [...repeat([0, 0], 20), ...repeat([1, 1], 9), [0, 1]]);
    const r = computeAgreementMetrics(t, { level: 'nominal' });
    const kappa = r.metrics.cohen_kappa as number;
    const se = r.metrics.cohen_kappa_se as number;
    expect(kappa + 1.959964 * se).toBeGreaterThan(1);
    expect(r.metrics.cohen_kappa_ci).toEqual([kappa - 1.959963984540054 * se, 1]);
    expect(r.intervals?.cohen_kappa_ci).toMatchObject({ method: 'wald_z', range: [-1, 1], truncated: ['upper'] });
  });

  it('says an interval is degenerate instead of printing a zero-width one: perfect agreement, n = 1, one resample', () => {
    const perfect = computeAgreementMetrics(table(['a', 'b'], ['yes', 'no'], [...repeat([0, 0], 9), [1, 1]]), {
      level: 'nominal',
      bootstrap: { resamples: 200, seed: 1 },
    });
    expect(perfect.metrics.gwet_ac1_se).toBe(0); // exactly 0, not rounding residue
    expect(perfect.metrics.cohen_kappa_se).toBe(0);
    expect(perfect.metrics.gwet_ac1_ci).toBeNull();
    expect(perfect.intervals?.gwet_ac1_ci?.degenerate).toMatch(/standard error is 0/);
    expect(perfect.metrics.gwet_ac1_boot_ci).toBeNull();
    expect(perfect.intervals?.gwet_ac1_boot_ci?.degenerate).toMatch(/all 200 resamples gave 1/);

    const one = computeAgreementMetrics(table(['a', 'b'], ['yes', 'no'], [[0, 1]]), { level: 'nominal', bootstrap: { resamples: 1, seed: 1 } });
    expect(one.metrics.percent_agreement_ci).toBeNull();
    expect(one.intervals?.percent_agreement_ci?.degenerate).toMatch(/n = 1/);
    expect(one.intervals?.percent_agreement_boot_ci?.degenerate).toMatch(/only 1 bootstrap resample/);
  });

  it('warns that the bootstrap under-covers with a rare category', () => {
    const skewed = [...repeat([0, 0], 36), [1, 1], [0, 1], [1, 0], [0, 0]];
    const r = computeAgreementMetrics(table(['a', 'b'], ['common', 'rare'], skewed), { level: 'nominal', bootstrap: { resamples: 200, seed: 2 } });
    expect(r.intervals?.krippendorff_alpha_boot_ci?.caution).toMatch(/under-covers.*'rare' has 4 values/);
  });
});

describe('the κ paradox note', () => {
  it('names prevalence when agreement is high and κ low, with AC1 and PABAK', () => {
    // 90% agreement, one category dominates.
    const rows = [...repeat([0, 0], 88), ...repeat([1, 1], 2), ...repeat([0, 1], 5), ...repeat([1, 0], 5)];
    const r = computeAgreementMetrics(table(['a', 'b'], ['no', 'yes'], rows), { level: 'nominal' });
    const note = r.notes.find((n) => n.startsWith('κ paradox'));
    expect(note).toMatch(/agreement is high \(0\.90\) but Cohen’s κ is 0\.23 because one category dominates \('no' is 93% of the values, prevalence index 0\.86\)/);
    expect(note).toMatch(/Gwet’s AC1 = 0\.89 and Brennan–Prediger \(PABAK\) = 0\.80/);
  });

  it('is absent when κ is not low', () => {
    const rows = [...repeat([0, 0], 45), ...repeat([1, 1], 45), ...repeat([0, 1], 10)];
    const r = computeAgreementMetrics(table(['a', 'b'], ['no', 'yes'], rows), { level: 'nominal' });
    expect(r.notes.some((n) => n.startsWith('κ paradox'))).toBe(false);
  });
});

describe('Light’s mean pairwise κ (ReCal3 convention)', () => {
  it('is over each pair’s jointly coded units and undefined, naming the pair, when any pair’s κ is', () => {
    // c coded only units where a and b agree on one category with c: pair a–c has κ 0/0.
    const rows = [[0, 0, 0], [0, 1, 0], [1, 1, null], [1, 0, null], [0, 0, 0]];
    const r = computeAgreementMetrics(table(['a', 'b', 'c'], ['x', 'y'], rows), { level: 'nominal' });
    expect(r.metrics.mean_pairwise_cohen_kappa).toBeNull();
    expect(r.notes.join('\n')).toMatch(/mean_pairwise_cohen_kappa.*undefined, Cohen’s κ is undefined for a–c .*ReCal3/);
  });
});

describe('compressed tables', () => {
  it('give the same coefficients as the rows they stand for', () => {
    const rows = [[0, 1], [0, 1], [1, 1], [0, 0], [null, 1], [0, 0], [1, 0]];
    const t = table(['a', 'b'], ['p', 'q'], rows);
    const compressed = compressRatings(t);
    expect(compressed.unitCount).toBe(5);
    expect(computeAgreementMetrics(compressed, { level: 'nominal' })).toEqual(computeAgreementMetrics(t, { level: 'nominal' }));
  });
});
