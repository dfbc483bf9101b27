import { defined, linearizedCoefficient, standardError, undefinedBecause, undefinedCoefficient, type Coefficient, type Estimate } from './estimate.js';
import { computePercentAgreement } from './percent-agreement.js';
import { categoryShares, constantRaters, pairableUnits, unitPairAgreement, type UnitCounts } from './unit-counts.js';

export interface FleissKappa extends Coefficient {
  /** Standard error under H0: κ = 0 (Fleiss, Nee & Landis 1979). */
  se0: Estimate;
  z: Estimate;
}

/**
 * Fleiss' κ for any number of coders (Fleiss 1971, Psychol. Bull. 76), with
 * missing ratings as Gwet (2014, Handbook of Inter-Rater Reliability, 4th
 * ed., §2.4) and irrCAC's fleiss.kappa.raw:
 *   p_a = percent agreement over units with two or more values,
 *   π_c = (1/n) Σ_u n_uc / r_u over every unit with a value,  p_e = Σ π_c²,
 *   κ = (p_a − p_e) / (1 − p_e).
 * With every coder on every unit this is Fleiss's original; with two coders
 * on every unit it is Scott's π, and the standard error is Scott's
 * (computeScottPi). Otherwise (irrCAC) the linearised variance of
 *   κ_u = (n/n₂)(p_a,u − p_e [r_u ≥ 2])/(1 − p_e) − 2(1 − κ)(p_e,u − p_e)/(1 − p_e),
 *   p_e,u = Σ_c n_uc π_c / r_u.
 * Standard error under H0 (Fleiss, Nee & Landis 1979, Psychol. Bull. 86),
 * for m coders on each of n units, q_c = 1 − π_c:
 *   var0 = 2 [ (Σ π_c q_c)² − Σ π_c q_c (q_c − π_c) ] / (n m (m − 1) (Σ π_c q_c)²),
 * defined only when every unit has the same number of coders; z = κ / se0.
 */
export function computeFleissKappa(uc: UnitCounts, labels: readonly string[], tableSe: Estimate | null): FleissKappa {
  const none = (reason: string): FleissKappa => ({ ...undefinedCoefficient(reason), se0: undefinedBecause(reason), z: undefinedBecause(reason) });
  const pa = computePercentAgreement(uc, false).value;
  if (pa.value === null) return none(pa.reason);
  const k = uc.k;
  const pi = categoryShares(uc);
  let pe = 0;
  let used = -1;
  let usedCount = 0;
  for (let c = 0; c < k; c++) {
    pe += pi[c]! ** 2;
    if (pi[c]! > 0) {
      used = c;
      usedCount++;
    }
  }
  if (usedCount === 1) return none(`every value is '${labels[used]}', so chance agreement is 1 and κ is 0/0`);
  const kappa = (pa.value - pe) / (1 - pe);

  let coefficient: Coefficient;
  if (tableSe) {
    coefficient = { value: defined(kappa), se: tableSe, df: uc.n - 1 };
  } else {
    const n2 = pairableUnits(uc);
    const terms = new Float64Array(uc.units);
    for (let u = 0; u < uc.units; u++) {
      const r = uc.raters[u]!;
      let peU = 0;
      for (let c = 0; c < k; c++) peU += (uc.counts[u * k + c]! * pi[c]!) / r;
      const a = ((uc.n / n2) * (unitPairAgreement(uc, u) - (r >= 2 ? pe : 0))) / (1 - pe);
      terms[u] = a - (2 * (1 - kappa) * (peU - pe)) / (1 - pe);
    }
    coefficient = linearizedCoefficient(kappa, terms, uc.weight, uc.n);
  }

  const m = constantRaters(uc);
  if (m === null || m < 2) {
    const reason = 'the standard error under H0 needs the same number of coders on every unit (Fleiss, Nee & Landis 1979)';
    return { ...coefficient, se0: undefinedBecause(reason), z: undefinedBecause(reason) };
  }
  let spq = 0;
  let spqqp = 0;
  for (let c = 0; c < k; c++) {
    const pc = pi[c]!;
    const qc = 1 - pc;
    spq += pc * qc;
    spqqp += pc * qc * (qc - pc);
  }
  const v = standardError((2 * (spq * spq - spqqp)) / (uc.n * m * (m - 1) * spq * spq));
  return {
    ...coefficient,
    se0: defined(v),
    z: v > 0 ? defined(kappa / v) : undefinedBecause('the standard error under H0 is 0, so z is undefined'),
  };
}
