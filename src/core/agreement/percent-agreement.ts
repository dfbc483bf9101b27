import { defined, linearizedCoefficient, standardError, undefinedCoefficient, type Coefficient } from './estimate.js';
import { constantRaters, pairableUnits, unitPairAgreement, type UnitCounts } from './unit-counts.js';

/**
 * Percent agreement: the mean over units with two or more values of the
 * share of coder pairs that agree,
 *   p_a = (1/n₂) Σ_{u: r_u ≥ 2} Σ_c n_uc(n_uc − 1) / (r_u(r_u − 1)),
 * n₂ the number of such units. For two coders this is the share of units
 * coded alike. As computed by ReCal (Freelon 2010) and irrCAC's pa.coeff.raw
 * (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2).
 * Standard error (Gwet 2014; irrCAC): two coders who coded every unit, the
 * contingency-table form var = p_a(1 − p_a)/n (pa2.table); otherwise the
 * linearised variance over the n units with a value of the terms
 * (n/n₂)·p_a,u (pa.coeff.raw), p_a,u = 0 for a unit with one value.
 * `isTable` says the data are two coders' complete contingency table.
 */
export function computePercentAgreement(uc: UnitCounts, isTable: boolean): Coefficient {
  const n2 = pairableUnits(uc);
  if (n2 === 0) return undefinedCoefficient('no unit was coded by two or more coders');
  let sum = 0;
  for (let u = 0; u < uc.units; u++) sum += uc.weight[u]! * unitPairAgreement(uc, u);
  const pa = sum / n2;
  if (isTable) return { value: defined(pa), se: defined(standardError((pa * (1 - pa)) / uc.n)), df: uc.n - 1 };
  const terms = new Float64Array(uc.units);
  for (let u = 0; u < uc.units; u++) terms[u] = (uc.n / n2) * unitPairAgreement(uc, u);
  return linearizedCoefficient(pa, terms, uc.weight, uc.n);
}

/** Two coders, each unit coded by both: the data are a contingency table (irrCAC's *.table functions apply). */
export function isTwoCoderTable(uc: UnitCounts, coders: number): boolean {
  return coders === 2 && constantRaters(uc) === 2;
}
