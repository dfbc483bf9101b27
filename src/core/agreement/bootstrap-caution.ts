import type { UnitCounts } from './unit-counts.js';

/** Below these the percentile bootstrap is known to under-cover. */
export const CAUTION_UNITS = 30;
export const CAUTION_RARE_VALUES = 10;

/**
 * A warning for the bootstrap intervals when the data are where the
 * percentile bootstrap covers less than its nominal 95%: few units, or a
 * category used so rarely that most resamples hold a handful of its values
 * or none (the interval then mostly reflects the common category). Null when
 * neither holds. The figure quoted is from scripts/simulate-bootstrap-coverage.mjs.
 */
export function bootstrapCaution(uc: UnitCounts, labels: readonly string[]): string | null {
  const values = new Float64Array(uc.k);
  for (let u = 0; u < uc.units; u++) for (let c = 0; c < uc.k; c++) values[c]! += uc.weight[u]! * uc.counts[u * uc.k + c]!;
  let rare = -1;
  for (let c = 0; c < uc.k; c++) if (values[c]! > 0 && (rare < 0 || values[c]! < values[rare]!)) rare = c;
  const reasons: string[] = [];
  if (uc.n < CAUTION_UNITS) reasons.push(`only ${uc.n} units`);
  if (rare >= 0 && values[rare]! < CAUTION_RARE_VALUES) reasons.push(`the rarest category '${labels[rare]}' has ${values[rare]} values`);
  if (reasons.length === 0) return null;
  return `the percentile bootstrap under-covers with ${reasons.join(' and ')} (fewer than ${CAUTION_UNITS} units or ${CAUTION_RARE_VALUES} values of a category; in a simulation with 95/5 prevalence and 40 units, 95% intervals for α covered 71% of the time): read these intervals as too narrow`;
}
