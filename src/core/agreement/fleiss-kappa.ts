import { defined, undefinedBecause, type Estimate } from './estimate.js';
import { constantRaters, unitPairAgreement, type UnitCounts } from './unit-counts.js';

export interface FleissKappa {
  kappa: Estimate;
  /** Standard error under H0: κ = 0 (Fleiss, Nee & Landis 1979). */
  se0: Estimate;
  z: Estimate;
  /** Units used: those with two or more values. */
  n: number;
}

/**
 * Fleiss' κ for any number of coders (Fleiss 1971, Psychol. Bull. 76):
 *   P̄ = mean over units of Σ_c n_uc(n_uc − 1) / (r_u(r_u − 1)),
 *   p_c = mean over units of n_uc / r_u,   P̄_e = Σ p_c²,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 * Units some coders left out are used as Gwet (2014, Handbook of Inter-Rater
 * Reliability, 4th ed., §2.4) extends the formula: P̄ over units with r_u ≥ 2,
 * p_c over every unit with a value (irrCAC's fleiss.kappa.raw). With all
 * coders on every unit this is Fleiss's original.
 * Standard error under H0 (Fleiss, Nee & Landis 1979, Psychol. Bull. 86),
 * for m coders on each of n units, q_c = 1 − p_c:
 *   var0 = 2 [ (Σ p_c q_c)² − Σ p_c q_c (q_c − p_c) ] / (n m (m − 1) (Σ p_c q_c)²),
 * defined only when every unit has the same number of coders; z = κ / se0.
 */
export function computeFleissKappa(uc: UnitCounts, labels: readonly string[]): FleissKappa {
  const { k, units } = uc;
  let pairSum = 0;
  let n2 = 0;
  const p = new Float64Array(k);
  for (let u = 0; u < units; u++) {
    const r = uc.raters[u]!;
    for (let c = 0; c < k; c++) p[c]! += uc.counts[u * k + c]! / r;
    if (r >= 2) {
      pairSum += unitPairAgreement(uc, u);
      n2++;
    }
  }
  const none = (reason: string): FleissKappa => ({
    kappa: undefinedBecause(reason),
    se0: undefinedBecause(reason),
    z: undefinedBecause(reason),
    n: n2,
  });
  if (n2 === 0) return none('no unit was coded by two or more coders');
  let pe = 0;
  let used = -1;
  let usedCount = 0;
  for (let c = 0; c < k; c++) {
    p[c]! /= units;
    pe += p[c]! ** 2;
    if (p[c]! > 0) {
      used = c;
      usedCount++;
    }
  }
  if (usedCount === 1) return none(`every value is '${labels[used]}', so chance agreement is 1 and κ is 0/0`);
  const kappa = (pairSum / n2 - pe) / (1 - pe);

  const m = constantRaters(uc);
  let se0: Estimate;
  let z: Estimate;
  if (m === null || m < 2) {
    const reason = 'the standard error under H0 needs the same number of coders on every unit (Fleiss, Nee & Landis 1979)';
    se0 = undefinedBecause(reason);
    z = undefinedBecause(reason);
  } else {
    let spq = 0;
    let spqqp = 0;
    for (let c = 0; c < k; c++) {
      const pc = p[c]!;
      const qc = 1 - pc;
      spq += pc * qc;
      spqqp += pc * qc * (qc - pc);
    }
    const v = Math.sqrt(Math.max(0, (2 * (spq * spq - spqqp)) / (units * m * (m - 1) * spq * spq)));
    se0 = defined(v);
    z = v > 0 ? defined(kappa / v) : undefinedBecause('the standard error under H0 is 0, so z is undefined');
  }
  return { kappa: defined(kappa), se0, z, n: n2 };
}
