import { describe, expect, it } from 'vitest';
import { computeAlphaBootstrap, quantile } from '../../../src/core/agreement/alpha-bootstrap.js';
import { computeCoincidenceMatrix } from '../../../src/core/agreement/coincidence-matrix.js';
import { computeKrippendorffAlpha } from '../../../src/core/agreement/krippendorff-alpha.js';
import { buildRatingsTable } from '../../../src/core/agreement/ratings-table.js';
import { computeUnitCounts, type UnitCounts } from '../../../src/core/agreement/unit-counts.js';
import { createRng } from '../../../src/core/random/create-rng.js';

const N = null;
// Krippendorff (2011) reliability data, see test/fixtures/agreement-krippendorff-2011-four-observers-missing.
const rows = [[1, 1, N, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4], [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [N, 5, 5, 5], [N, N, 1, 1], [N, N, 3, N]];
const cats = ['1', '2', '3', '4', '5'];
const table = buildRatingsTable(['A', 'B', 'C', 'D'], cats, rows.map((r) => r.map((v) => (v === null ? null : v - 1))));
const uc = computeUnitCounts(table, 2);

/** The slow, obvious bootstrap: draw unit indices with replacement. */
function naiveBootstrap(data: UnitCounts, resamples: number, seed: number): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const picked: UnitCounts = { k: data.k, units: data.units, counts: new Int32Array(data.units * data.k), raters: new Int32Array(data.units) };
    for (let i = 0; i < data.units; i++) {
      const u = Math.floor(rng.nextDouble() * data.units);
      picked.counts.set(data.counts.subarray(u * data.k, u * data.k + data.k), i * data.k);
      picked.raters[i] = data.raters[u]!;
    }
    const a = computeKrippendorffAlpha(computeCoincidenceMatrix(picked), 'nominal', null, cats);
    if (a.value !== null) out.push(a.value);
  }
  return out.sort((x, y) => x - y);
}

describe('bootstrap interval for α', () => {
  it('is reproducible for a seed and changes with the seed', () => {
    const a = computeAlphaBootstrap(uc, 'nominal', null, cats, 500, 11);
    const b = computeAlphaBootstrap(uc, 'nominal', null, cats, 500, 11);
    const c = computeAlphaBootstrap(uc, 'nominal', null, cats, 500, 12);
    expect(a).toEqual(b);
    expect(a.ci.value).not.toEqual(c.ci.value);
  });

  it('brackets α and agrees with a naive unit-resampling bootstrap in distribution', () => {
    const alpha = computeKrippendorffAlpha(computeCoincidenceMatrix(uc), 'nominal', null, cats).value!;
    const fast = computeAlphaBootstrap(uc, "nominal", null, cats, 20000, 5);
    const [lo, hi] = fast.ci.value!;
    expect(lo).toBeLessThan(alpha);
    expect(hi).toBeGreaterThanOrEqual(alpha);
    const naive = naiveBootstrap(uc, 20000, 6);
    // Monte Carlo error of a 2.5% quantile from 20,000 draws is about 0.01 here; 12 units make the distribution lumpy.
    expect(Math.abs(quantile(naive, 0.025) - lo)).toBeLessThan(0.06);
    expect(Math.abs(quantile(naive, 0.975) - hi)).toBeLessThan(0.06);
  });

  it('quantile interpolates between order statistics (R type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });
});
