import { describe, expect, it } from 'vitest';
import { ALPHA_TABLE, computeAlphaSampleSize } from '../../../src/core/agreement/alpha-sample-size.js';
import { planIntervalSampleSize } from '../../../src/core/agreement/interval-sample-size.js';
import { referenceMetrics } from './reference/exact-reference.js';

describe('Krippendorff’s minimum sample size for α ≥ α_min', () => {
  // Krippendorff (2019), Content Analysis, 4th ed., table of required sample sizes (two coders), as
  // quoted by the ATLAS.ti 9/22 inter-coder agreement manual ("Sample size and decision rules"): four
  // equally used codes (p_c = .25) need 139 units for α_min = .800 and 81 for α_min = .667, both at
  // p = .05. Those two cells are the published values we could find as text; the rest of the table
  // follows from the same formula and is checked for its shape below.
  it('reproduces the published cells: 139 (α .800, p .05, p_c .25) and 81 (α .667, p .05, p_c .25)', () => {
    expect(computeAlphaSampleSize({ alphaMin: 0.8, p: 0.05, smallestShare: 0.25 })).toBe(139);
    expect(computeAlphaSampleSize({ alphaMin: 0.667, p: 0.05, smallestShare: 0.25 })).toBe(81);
  });

  it('grows with α_min, with stricter p and with rarer categories, as the table does', () => {
    for (const k of ALPHA_TABLE.categories) {
      for (const p of ALPHA_TABLE.p) {
        const byAlpha = ALPHA_TABLE.alphaMin.map((alphaMin) => computeAlphaSampleSize({ alphaMin, p, smallestShare: 1 / k }));
        expect([...byAlpha].sort((a, b) => a - b)).toEqual(byAlpha);
      }
      const byP = ALPHA_TABLE.p.map((p) => computeAlphaSampleSize({ alphaMin: 0.8, p, smallestShare: 1 / k }));
      expect([...byP].sort((a, b) => a - b)).toEqual(byP);
    }
    const byShare = ALPHA_TABLE.categories.map((k) => computeAlphaSampleSize({ alphaMin: 0.8, p: 0.05, smallestShare: 1 / k }));
    expect([...byShare].sort((a, b) => a - b)).toEqual(byShare);
  });

  it('rejects values outside the formula’s range', () => {
    expect(() => computeAlphaSampleSize({ alphaMin: 1, p: 0.05, smallestShare: 0.25 })).toThrow(RangeError);
    expect(() => computeAlphaSampleSize({ alphaMin: 0.8, p: 0.05, smallestShare: 0.7 })).toThrow(RangeError);
  });
});

describe('units for a 95% interval of a given half-width', () => {
  it('uses the Fleiss–Cohen–Everitt variance of κ on the expected table (checked with the exact-fraction reference)', () => {
    // π = .3, κ = .7: p11 = .237, p12 = p21 = .063, p22 = .637; as 1,000 units.
    const cells = [[0, 0, 237], [0, 1, 63], [1, 0, 63], [1, 1, 637]] as const;
    const rows = cells.flatMap(([a, b, count]) => Array.from({ length: count }, () => [a, b]));
    const ref = referenceMetrics(rows, 2, 'nominal', [1, 2]);
    const perUnitVariance = ref.cohen_kappa_var!.toNumber() * 1000;
    const expected = Math.ceil((1.959963984540054 ** 2 * perUnitVariance) / 0.01);
    const plan = planIntervalSampleSize({ halfWidth: 0.1, kappa: 0.7, prevalence: 0.3 });
    const kappa = plan.rows.find((r) => r.coefficient === 'cohen_kappa')!;
    expect(kappa.value).toBeCloseTo(0.7, 12);
    expect(kappa.units).toBe(expected);
    // AC1 and PABAK are less variable here than κ, so they need fewer units.
    expect(plan.rows.find((r) => r.coefficient === 'gwet_ac1')!.units!).toBeLessThan(expected);
    // Gwet's rule of thumb from p_a = .874: ⌈1.96² · .874 · .126 / .01⌉.
    expect(plan.gwetRule).toBe(Math.ceil((1.959963984540054 ** 2 * 0.874 * 0.126) / 0.01));
  });

  it('halving the half-width quadruples the units (to rounding)', () => {
    const a = planIntervalSampleSize({ halfWidth: 0.1, kappa: 0.6, prevalence: 0.5 }).rows[0]!.units!;
    const b = planIntervalSampleSize({ halfWidth: 0.05, kappa: 0.6, prevalence: 0.5 }).rows[0]!.units!;
    expect(Math.abs(b - 4 * a)).toBeLessThanOrEqual(4);
  });
});
