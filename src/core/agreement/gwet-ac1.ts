import { defined, linearizedCoefficient, standardError, undefinedCoefficient, type Coefficient } from './estimate.js';
import { computePercentAgreement } from './percent-agreement.js';
import { categoryShares, pairableUnits, unitPairAgreement, type UnitCounts } from './unit-counts.js';

/**
 * Gwet's AC1 (Gwet 2008, Br. J. Math. Stat. Psychol. 61, 29–48), with q the
 * number of declared categories (used or not), missing ratings as Gwet
 * (2014) and irrCAC's gwet.ac1.raw:
 *   π_c = (1/n) Σ_u n_uc / r_u over the n units with a value,
 *   p_e = Σ π_c(1 − π_c) / (q − 1),
 *   p_a = percent agreement over units with two or more values,
 *   AC1 = (p_a − p_e) / (1 − p_e).
 * Variance, two coders who coded every unit (Gwet 2008, eq. 27; irrCAC
 * gwet.ac1.table), with p_kl the share of units in cell (k, l):
 *   var = Σ_kl p_kl (y_kl − ȳ)² / (n (1 − p_e)²),
 *   y_kl = δ_kl − 2(1 − AC1)(1 − (π_k + π_l)/2)/(q − 1),  ȳ = p_a − 2(1 − AC1) p_e
 * (the centred form of Gwet's expression, so a variance that is 0 is 0).
 * Otherwise (Gwet 2008, §5; irrCAC gwet.ac1.raw) the linearised variance of
 *   a_u = (n/n₂)(p_a,u − p_e [r_u ≥ 2])/(1 − p_e) − 2(1 − AC1)(p_e,u − p_e)/(1 − p_e),
 *   p_e,u = Σ_c (n_uc / r_u)(1 − π_c) / (q − 1).
 * Undefined with fewer than two declared categories or no pairable unit.
 */
export function computeGwetAc1(uc: UnitCounts, isTable: boolean): Coefficient {
  const q = uc.k;
  if (q < 2) return undefinedCoefficient('fewer than two categories are declared, so chance agreement is undefined');
  const pa = computePercentAgreement(uc, false).value;
  if (pa.value === null) return undefinedCoefficient(pa.reason);
  const pi = categoryShares(uc);
  let pe = 0;
  for (let c = 0; c < q; c++) pe += pi[c]! * (1 - pi[c]!);
  pe /= q - 1;
  const ac1 = (pa.value - pe) / (1 - pe);

  if (isTable) {
    const ybar = pa.value - 2 * (1 - ac1) * pe;
    let sum = 0;
    for (let u = 0; u < uc.units; u++) {
      const [k, l] = pairOf(uc, u);
      const y = (k === l ? 1 : 0) - (2 * (1 - ac1) * (1 - (pi[k]! + pi[l]!) / 2)) / (q - 1);
      sum += uc.weight[u]! * (y - ybar) ** 2;
    }
    return { value: defined(ac1), se: defined(standardError(sum / (uc.n * uc.n * (1 - pe) ** 2))), df: uc.n - 1 };
  }
  const n2 = pairableUnits(uc);
  const terms = new Float64Array(uc.units);
  for (let u = 0; u < uc.units; u++) {
    const r = uc.raters[u]!;
    let peU = 0;
    for (let c = 0; c < q; c++) peU += (uc.counts[u * q + c]! / r) * (1 - pi[c]!);
    peU /= q - 1;
    const a = ((uc.n / n2) * (unitPairAgreement(uc, u) - (r >= 2 ? pe : 0))) / (1 - pe);
    terms[u] = a - (2 * (1 - ac1) * (peU - pe)) / (1 - pe);
  }
  return linearizedCoefficient(ac1, terms, uc.weight, uc.n);
}

/** The two categories of a unit rated by exactly two coders (k = l when they agree). */
export function pairOf(uc: UnitCounts, u: number): [number, number] {
  let k = -1;
  let l = -1;
  for (let c = 0; c < uc.k; c++) {
    const x = uc.counts[u * uc.k + c]!;
    if (x === 2) return [c, c];
    if (x === 1) {
      if (k < 0) k = c;
      else l = c;
    }
  }
  return [k, l];
}
