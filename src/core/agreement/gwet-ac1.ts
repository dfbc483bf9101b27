import { defined, standardError, undefinedBecause, type Estimate } from './estimate.js';
import { constantRaters, unitPairAgreement, type UnitCounts } from './unit-counts.js';

export interface GwetAc1 {
  ac1: Estimate;
  se: Estimate;
}

/**
 * Gwet's AC1 (Gwet 2008, Br. J. Math. Stat. Psychol. 61, 29–48), over units
 * every coder coded, with q the number of declared categories (used or not):
 *   π_c = mean over units of n_uc / r,   p_e = Σ π_c(1 − π_c) / (q − 1),
 *   p_a = percent agreement,            AC1 = (p_a − p_e) / (1 − p_e).
 * Variance, two coders (Gwet 2008, eq. 27; irrCAC gwet.ac1.table), with p_kl
 * the share of units in cell (k, l):
 *   var = [ Σ_kl p_kl (δ_kl − 2(1 − AC1)(1 − (π_k + π_l)/2)/(q − 1))²
 *           − (p_a − 2(1 − AC1) p_e)² ] / (n (1 − p_e)²).
 * Three or more coders (Gwet 2008, §5; irrCAC gwet.ac1.raw): per unit
 *   a_u = (p_a,u − p_e)/(1 − p_e) − 2(1 − AC1)(p_e,u − p_e)/(1 − p_e),
 *   p_e,u = Σ_c (n_uc / r)(1 − π_c) / (q − 1),
 *   var = Σ_u (a_u − AC1)² / (n(n − 1)).
 * Undefined with fewer than two declared categories or no units.
 */
export function computeGwetAc1(uc: UnitCounts): GwetAc1 {
  const { k: q, units: n } = uc;
  const none = (reason: string): GwetAc1 => ({ ac1: undefinedBecause(reason), se: undefinedBecause(reason) });
  if (n === 0) return none('no unit was coded by every coder');
  if (q < 2) return none('fewer than two categories are declared, so chance agreement is undefined');
  const m = constantRaters(uc);
  if (m === null || m < 2) throw new Error('Gwet AC1 expects units coded by every coder');

  const pi = new Float64Array(q);
  let pa = 0;
  for (let u = 0; u < n; u++) {
    for (let c = 0; c < q; c++) pi[c]! += uc.counts[u * q + c]! / m;
    pa += unitPairAgreement(uc, u);
  }
  pa /= n;
  let pe = 0;
  for (let c = 0; c < q; c++) {
    pi[c]! /= n;
    pe += pi[c]! * (1 - pi[c]!);
  }
  pe /= q - 1;
  const ac1 = (pa - pe) / (1 - pe);

  let variance: number;
  if (m === 2) {
    let sum = 0;
    for (let u = 0; u < n; u++) {
      let k = -1;
      let l = -1;
      for (let c = 0; c < q; c++) {
        const x = uc.counts[u * q + c]!;
        if (x === 2) k = l = c;
        else if (x === 1) {
          if (k < 0) k = c;
          else l = c;
        }
      }
      const delta = k === l ? 1 : 0;
      sum += (delta - (2 * (1 - ac1) * (1 - (pi[k]! + pi[l]!) / 2)) / (q - 1)) ** 2;
    }
    variance = (sum / n - (pa - 2 * (1 - ac1) * pe) ** 2) / (n * (1 - pe) ** 2);
  } else {
    if (n < 2) return { ac1: defined(ac1), se: undefinedBecause('the standard error needs at least two units') };
    let sum = 0;
    for (let u = 0; u < n; u++) {
      let peU = 0;
      for (let c = 0; c < q; c++) peU += (uc.counts[u * q + c]! / m) * (1 - pi[c]!);
      peU /= q - 1;
      const a = (unitPairAgreement(uc, u) - pe) / (1 - pe) - (2 * (1 - ac1) * (peU - pe)) / (1 - pe);
      sum += (a - ac1) ** 2;
    }
    variance = sum / (n * (n - 1));
  }
  return { ac1: defined(ac1), se: defined(standardError(variance)) };
}
