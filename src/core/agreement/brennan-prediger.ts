import { defined, undefinedBecause, type Estimate } from './estimate.js';
import { computePercentAgreement } from './percent-agreement.js';
import type { UnitCounts } from './unit-counts.js';

/**
 * Brennan–Prediger coefficient (Brennan & Prediger 1981, Educ. Psychol. Meas.
 * 41), chance agreement 1/q for q declared categories (used or not):
 *   BP = (p_a − 1/q) / (1 − 1/q).
 * With two categories and two coders this is PABAK = 2p_o − 1 (Byrt, Bishop
 * & Carlin 1993). Undefined with fewer than two declared categories.
 */
export function computeBrennanPrediger(uc: UnitCounts): Estimate {
  const q = uc.k;
  if (q < 2) return undefinedBecause('fewer than two categories are declared, so chance agreement 1/q is 1');
  const pa = computePercentAgreement(uc);
  if (pa.value === null) return pa;
  return defined((pa.value - 1 / q) / (1 - 1 / q));
}
