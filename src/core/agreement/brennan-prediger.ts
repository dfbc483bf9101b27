import { defined, linearizedCoefficient, standardError, undefinedCoefficient, type Coefficient } from './estimate.js';
import { computePercentAgreement } from './percent-agreement.js';
import { pairableUnits, unitPairAgreement, type UnitCounts } from './unit-counts.js';

/**
 * Brennan–Prediger coefficient (Brennan & Prediger 1981, Educ. Psychol. Meas.
 * 41), chance agreement 1/q for q declared categories (used or not):
 *   BP = (p_a − 1/q) / (1 − 1/q),
 * p_a as computePercentAgreement (units with two or more values). With two
 * categories and two coders this is PABAK = 2p_o − 1 (Byrt, Bishop & Carlin
 * 1993). Standard error (Gwet 2014; irrCAC): two coders' complete table,
 * var = p_a(1 − p_a) / (n(1 − 1/q)²) (bp2.table); otherwise the linearised
 * variance of (n/n₂)(p_a,u − 1/q)/(1 − 1/q) over units with a value, the
 * 1/q dropped for units with one value (bp.coeff.raw).
 * Undefined with fewer than two declared categories.
 */
export function computeBrennanPrediger(uc: UnitCounts, isTable: boolean): Coefficient {
  const q = uc.k;
  if (q < 2) return undefinedCoefficient('fewer than two categories are declared, so chance agreement 1/q is 1');
  const pa = computePercentAgreement(uc, isTable);
  if (pa.value.value === null) return pa;
  const pe = 1 / q;
  const bp = (pa.value.value - pe) / (1 - pe);
  const p = pa.value.value;
  if (isTable) return { value: defined(bp), se: defined(standardError((p * (1 - p)) / (uc.n * (1 - pe) ** 2))), df: uc.n - 1 };
  const n2 = pairableUnits(uc);
  const terms = new Float64Array(uc.units);
  for (let u = 0; u < uc.units; u++) {
    const pair = uc.raters[u]! >= 2;
    terms[u] = ((uc.n / n2) * (unitPairAgreement(uc, u) - (pair ? pe : 0))) / (1 - pe);
  }
  return linearizedCoefficient(bp, terms, uc.weight, uc.n);
}
