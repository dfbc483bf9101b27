import { normalQuantile } from '../stats/student-t.js';
import type { CoefficientKey } from './agreement-result.js';
import { computeAgreementMetrics } from './compute-agreement.js';
import type { RatingsTable } from './ratings-table.js';

export interface IntervalPlanInput {
  /** Half-width of the 95% interval wanted (e.g. .1 for ±.1). */
  halfWidth: number;
  /** The κ the study expects. */
  kappa: number;
  /** The share of units in the first category both coders are expected to use (binary coding). */
  prevalence: number;
}

export interface IntervalPlanRow {
  coefficient: CoefficientKey;
  /** The coefficient's value in the expected table. */
  value: number;
  /** Units for a 95% interval no wider than ± halfWidth, or null where the SE is 0 or undefined. */
  units: number | null;
}

const PLANNED: CoefficientKey[] = ['cohen_kappa', 'scott_pi', 'gwet_ac1', 'brennan_prediger', 'krippendorff_alpha', 'percent_agreement'];

/**
 * Units two coders must code for a 95% interval of ± E around each
 * coefficient, by the large-sample variances qcode reports (Fleiss, Cohen &
 * Everitt 1969 for κ, the procedure of Cantor 1996; Gwet 2014, ch. 10, for
 * AC1, Brennan–Prediger, π, α and p_a). The expected 2 × 2 table has both
 * coders using the first category at rate π with agreement κ beyond chance
 * (Fleiss 1981, §13.2):
 *   p₁₁ = π² + κπ(1 − π),  p₂₂ = (1 − π)² + κπ(1 − π),  p₁₂ = p₂₁ = π(1 − π)(1 − κ);
 * each SE, computed on that table (scaled to a million units, so that α's
 * small-sample factor vanishes) as on data, falls as 1/√n, so
 *   n = ⌈ (z_.975 · SE₁ / E)² ⌉, SE₁ = SE·√N the SE for one unit.
 * Also Gwet's (2014, pp. 158–160) rule of thumb from percent agreement alone,
 * n = ⌈ z² p_a(1 − p_a) / E² ⌉.
 */
export function planIntervalSampleSize({ halfWidth: e, kappa, prevalence: pi }: IntervalPlanInput): { rows: IntervalPlanRow[]; gwetRule: number } {
  if (!(e > 0 && e < 1)) throw new RangeError('the half-width must be between 0 and 1');
  if (!(pi > 0 && pi < 1)) throw new RangeError('the prevalence must be between 0 and 1');
  const share = pi * (1 - pi);
  const minKappa = -Math.min(pi, 1 - pi) / Math.max(pi, 1 - pi);
  if (!(kappa >= minKappa && kappa < 1)) throw new RangeError(`κ must be at least ${minKappa.toFixed(3)} and below 1 for this prevalence`);
  const cells = [pi * pi + kappa * share, share * (1 - kappa), share * (1 - kappa), (1 - pi) ** 2 + kappa * share];
  const big = 1e6;
  const table: RatingsTable = {
    coders: ['first', 'second'],
    categories: ['yes', 'no'],
    values: null,
    unitCount: 4,
    data: Int32Array.from([0, 0, 0, 1, 1, 0, 1, 1]),
    weights: Float64Array.from(cells, (c) => c * big),
  };
  const m = computeAgreementMetrics(table, { level: 'nominal' }).metrics;
  const z = normalQuantile(0.975);
  const rows = PLANNED.map((coefficient): IntervalPlanRow => {
    const value = m[coefficient] as number;
    const se = m[`${coefficient}_se`];
    const se1 = typeof se === 'number' ? se * Math.sqrt(big) : 0;
    return { coefficient, value, units: se1 > 0 ? Math.ceil(((z * se1) / e) ** 2 - 1e-9) : null };
  });
  const pa = m.percent_agreement as number;
  return { rows, gwetRule: Math.ceil((z * z * pa * (1 - pa)) / (e * e) - 1e-9) };
}
