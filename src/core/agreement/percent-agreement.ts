import { defined, undefinedBecause, type Estimate } from './estimate.js';
import { unitPairAgreement, type UnitCounts } from './unit-counts.js';

/**
 * Percent agreement: the mean over units of the share of coder pairs that
 * agree,
 *   P_a = (1/n) Σ_u Σ_c n_uc(n_uc − 1) / (r_u(r_u − 1)),
 * over units with r_u ≥ 2 values. For two coders this is the share of units
 * coded alike. As computed by ReCal (Freelon 2010) and irrCAC's pa.coeff.raw
 * (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2).
 */
export function computePercentAgreement(uc: UnitCounts): Estimate {
  let sum = 0;
  let n = 0;
  for (let u = 0; u < uc.units; u++) {
    if (uc.raters[u]! < 2) continue;
    sum += unitPairAgreement(uc, u);
    n++;
  }
  if (n === 0) return undefinedBecause('no unit was coded by two or more coders');
  return defined(sum / n);
}
