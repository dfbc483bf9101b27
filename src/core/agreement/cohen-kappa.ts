import { defined, definedInterval, standardError, undefinedBecause, Z_975, type Estimate, type Interval } from './estimate.js';
import { marginals, observedAgreement, sharedSingleCategory, type ContingencyTable } from './contingency-table.js';

export interface CohenKappa {
  kappa: Estimate;
  /** Asymptotic standard error (non-null). */
  se: Estimate;
  /** Standard error under H0: κ = 0. */
  se0: Estimate;
  /** κ / se0. */
  z: Estimate;
  /** κ ± 1.96·se. */
  ci: Estimate<Interval>;
}

/**
 * Cohen's κ for two coders (Cohen 1960), with p_ij the proportion of units in
 * cell (i, j), p_i. and p_.j the margins:
 *   p_o = Σ p_ii,  p_e = Σ p_i. p_.i,  κ = (p_o − p_e) / (1 − p_e).
 * Asymptotic variance (Fleiss, Cohen & Everitt 1969, Psychol. Bull. 72, eq. 13):
 *   var κ = [ Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))²
 *            + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)²
 *            − (κ − p_e(1 − κ))² ] / (n (1 − p_e)²)
 * and under H0 (κ = 0):
 *   var0 κ = [ p_e + p_e² − Σ_i p_i. p_.i (p_i. + p_.i) ] / (n (1 − p_e)²).
 * The same formulas SAS PROC FREQ prints as ASE; z = κ / se0.
 * Undefined when no unit was coded by both, or when both coders used one and
 * the same category throughout (p_e = 1).
 */
export function computeCohenKappa(ct: ContingencyTable, labels: readonly string[]): CohenKappa {
  const none = (reason: string): CohenKappa => ({
    kappa: undefinedBecause(reason),
    se: undefinedBecause(reason),
    se0: undefinedBecause(reason),
    z: undefinedBecause(reason),
    ci: undefinedBecause(reason),
  });
  if (ct.n === 0) return none('no unit was coded by both coders');
  const single = sharedSingleCategory(ct);
  if (single !== null) {
    return none(`both coders chose '${labels[single]}' on every unit, so chance agreement is 1 and κ is 0/0`);
  }
  const { k, counts, n } = ct;
  const { rows, cols } = marginals(ct);
  const po = observedAgreement(ct);
  let pe = 0;
  for (let i = 0; i < k; i++) pe += rows[i]! * cols[i]!;
  const kappa = (po - pe) / (1 - pe);

  let a = 0;
  let b = 0;
  let c0 = 0;
  for (let i = 0; i < k; i++) {
    const pii = counts[i * k + i]! / n;
    a += pii * (1 - (rows[i]! + cols[i]!) * (1 - kappa)) ** 2;
    c0 += rows[i]! * cols[i]! * (rows[i]! + cols[i]!);
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      const pij = counts[i * k + j]! / n;
      if (pij > 0) b += pij * (cols[i]! + rows[j]!) ** 2;
    }
  }
  b *= (1 - kappa) ** 2;
  const denom = n * (1 - pe) ** 2;
  const se = standardError((a + b - (kappa - pe * (1 - kappa)) ** 2) / denom);
  const se0 = standardError((pe + pe * pe - c0) / denom);
  return {
    kappa: defined(kappa),
    se: defined(se),
    se0: defined(se0),
    z:
      se0 > 0
        ? defined(kappa / se0)
        : undefinedBecause('the standard error under H0 is 0 (one coder used a single category), so z is undefined'),
    ci: definedInterval(kappa - Z_975 * se, kappa + Z_975 * se),
  };
}
