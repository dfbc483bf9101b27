import { describe, expect, it } from 'vitest';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { buildRatingsTable, type Level } from '../../../src/core/agreement/ratings-table.js';
import type { Metrics } from '../../../src/core/agreement/agreement-result.js';

function run(categories: string[], rows: (number | null)[][], level: Level = 'nominal', bootstrap = false) {
  const coders = rows[0]!.map((_, i) => `c${i}`);
  return computeAgreementMetrics(buildRatingsTable(coders, categories, rows), {
    level,
    ...(bootstrap ? { bootstrap: { resamples: 200, seed: 1 } } : {}),
  });
}

function nullsHaveNotes(r: { metrics: Metrics; notes: string[] }): void {
  for (const [key, v] of Object.entries(r.metrics)) {
    if (v !== null) continue;
    expect(r.notes.some((n) => n.split(':')[0]!.split(', ').includes(key)), `${key} has a note`).toBe(true);
  }
}

describe('undefined statistics are null with a reason', () => {
  it('both coders used a single category: κ, π, weighted κ, Fleiss, α are null; agreement and BP/AC1 defined', () => {
    const r = run(['yes', 'no', 'maybe'], [[1, 1], [1, 1], [1, 1]], 'ordinal', true);
    for (const key of ['cohen_kappa', 'cohen_kappa_se', 'cohen_kappa_se0', 'cohen_kappa_z', 'cohen_kappa_ci', 'kappa_linear', 'kappa_quadratic', 'scott_pi', 'fleiss_kappa', 'fleiss_kappa_se0', 'fleiss_kappa_z', 'krippendorff_alpha', 'krippendorff_alpha_ci'] as const) {
      expect(r.metrics[key], key).toBeNull();
    }
    expect(r.metrics.percent_agreement).toBe(1);
    expect(r.metrics.brennan_prediger).toBe(1);
    expect(r.metrics.gwet_ac1).toBeCloseTo(1, 12);
    expect(r.notes.join('\n')).toMatch(/both coders chose 'no' on every unit/);
    nullsHaveNotes(r);
  });

  it('a single declared category: BP and AC1 are null too (chance agreement needs two categories)', () => {
    const r = run(['only'], [[0, 0], [0, 0]]);
    expect(r.metrics.brennan_prediger).toBeNull();
    expect(r.metrics.gwet_ac1).toBeNull();
    expect(r.metrics.gwet_ac1_se).toBeNull();
    expect(r.metrics.percent_agreement).toBe(1);
    nullsHaveNotes(r);
  });

  it('no unit coded by every coder: everything on complete units is null; α from partial units may still be', () => {
    const r = run(['a', 'b'], [[0, null], [null, 1], [1, null]]);
    expect(r.n).toBe(0);
    expect(r.metrics.percent_agreement).toBeNull();
    expect(r.metrics.cohen_kappa).toBeNull();
    expect(r.metrics.krippendorff_alpha).toBeNull();
    expect(r.notes.join('\n')).toMatch(/no unit was coded by both coders/);
    nullsHaveNotes(r);
  });

  it('one coder used a single category: κ is 0 but z is undefined (SE under H0 is 0)', () => {
    const r = run(['a', 'b'], [[0, 0], [0, 1], [0, 1], [0, 0]]);
    expect(r.metrics.cohen_kappa).toBe(0);
    expect(r.metrics.cohen_kappa_se0).toBe(0);
    expect(r.metrics.cohen_kappa_z).toBeNull();
    nullsHaveNotes(r);
  });

  it('Fleiss SE under H0 with unequal numbers of coders is null with a reason', () => {
    const r = run(['a', 'b'], [[0, 0, 1], [1, 1, null], [0, 1, 0], [1, 1, 1]]);
    expect(typeof r.metrics.fleiss_kappa).toBe('number');
    expect(r.metrics.fleiss_kappa_se0).toBeNull();
    expect(r.notes.join('\n')).toMatch(/same number of coders on every unit/);
    expect(r.notes.join('\n')).toMatch(/missing ratings: .* agreement over the 4 units with two or more values/);
  });

  it('interval level without numeric categories gives a null α, not a crash', () => {
    const r = run(['low', 'high'], [[0, 1], [1, 1]], 'interval');
    expect(r.metrics.krippendorff_alpha).toBeNull();
    nullsHaveNotes(r);
  });
});
