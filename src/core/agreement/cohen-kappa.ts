import { defined, standardError, undefinedBecause, undefinedCoefficient, type Coefficient, type Estimate } from './estimate.js';
import { cellVariance, marginals, observedAgreement, sharedSingleCategory, type ContingencyTable } from './contingency-table.js';

export interface CohenKappa extends Coefficient {
  /** Standard error under H0: κ = 0. */
  se0: Estimate;
  /** κ / se0. */
  z: Estimate;
}

/**
 * Cohen's κ for two coders (Cohen 1960), over the units both coded, with
 * p_ij the proportion of units in cell (i, j), p_i. and p_.j the margins:
 *   p_o = Σ p_ii,  p_e = Σ p_i. p_.i,  κ = (p_o − p_e) / (1 − p_e).
 * Asymptotic variance (Fleiss, Cohen & Everitt 1969, Psychol. Bull. 72, eq. 13):
 *   var κ = [ Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))²
 *            + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)²
 *            − (κ − p_e(1 − κ))² ] / (n (1 − p_e)²),
 * computed in its centred form Σ_ij p_ij (y_ij − ȳ)² / (n(1 − p_e)²) with
 * y_ij = [i = j] − (p_.i + p_j.)(1 − κ); and under H0 (κ = 0):
 *   var0 κ = [ p_e + p_e² − Σ_i p_i. p_.i (p_i. + p_.i) ] / (n (1 − p_e)²).
 * The same formulas SAS PROC FREQ prints as ASE; z = κ / se0; intervals are
 * normal-theory (z), as SAS's.
 * Undefined when no unit was coded by both, or when both coders used one and
 * the same category throughout (p_e = 1).
 */
export function computeCohenKappa(ct: ContingencyTable, labels: readonly string[]): CohenKappa {
  const none = (reason: string): CohenKappa => ({ ...undefinedCoefficient(reason), se0: undefinedBecause(reason), z: undefinedBecause(reason) });
  if (ct.n === 0) return none('no unit was coded by both coders');
  const single = sharedSingleCategory(ct);
  if (single !== null) {
    return none(`both coders chose '${labels[single]}' on every unit, so chance agreement is 1 and κ is 0/0`);
  }
  const { k, n } = ct;
  const { rows, cols } = marginals(ct);
  const po = observedAgreement(ct);
  let pe = 0;
  let c0 = 0;
  for (let i = 0; i < k; i++) {
    pe += rows[i]! * cols[i]!;
    c0 += rows[i]! * cols[i]! * (rows[i]! + cols[i]!);
  }
  const kappa = (po - pe) / (1 - pe);
  const denom = n * (1 - pe) ** 2;
  const se = standardError(cellVariance(ct, (i, j) => (i === j ? 1 : 0) - (cols[i]! + rows[j]!) * (1 - kappa)) / denom);
  // p_e + p_e² − Σ p_i.p_.i(p_i. + p_.i) is exactly 0 when one coder used a single category; keep it so.
  const h0 = pe + pe * pe - c0;
  const se0 = standardError(h0 <= 1e-12 * (pe + pe * pe) ? 0 : h0 / denom);
  return {
    value: defined(kappa),
    se: defined(se),
    df: null,
    se0: defined(se0),
    z: se0 > 0 ? defined(kappa / se0) : undefinedBecause('the standard error under H0 is 0 (one coder used a single category), so z is undefined'),
  };
}
