import { defined, standardError, undefinedCoefficient, type Coefficient } from './estimate.js';
import { cellVariance, marginals, observedAgreement, sharedSingleCategory, type ContingencyTable } from './contingency-table.js';

/**
 * Scott's π (Scott 1955, Public Opinion Quarterly 19), over the units both
 * coders coded: chance agreement from the pooled margins π_c = (p_c. + p_.c)/2,
 *   p_e = Σ π_c²,  π = (p_o − p_e) / (1 − p_e).
 * Variance (Gwet 2014, ch. 5; irrCAC scott2.table), centred:
 *   var = Σ_kl p_kl (y_kl − ȳ)² / (n (1 − p_e)²),  y_kl = [k = l] − (1 − π)(π_k + π_l).
 * Undefined when no unit was coded by both or every value is one category.
 */
export function computeScottPi(ct: ContingencyTable, labels: readonly string[]): Coefficient {
  if (ct.n === 0) return undefinedCoefficient('no unit was coded by both coders');
  const single = sharedSingleCategory(ct);
  if (single !== null) {
    return undefinedCoefficient(`both coders chose '${labels[single]}' on every unit, so chance agreement is 1 and π is 0/0`);
  }
  const { rows, cols } = marginals(ct);
  const pi = rows.map((r, c) => (r + cols[c]!) / 2);
  let pe = 0;
  for (let c = 0; c < ct.k; c++) pe += pi[c]! ** 2;
  const scott = (observedAgreement(ct) - pe) / (1 - pe);
  const variance = cellVariance(ct, (k, l) => (k === l ? 1 : 0) - (1 - scott) * (pi[k]! + pi[l]!)) / (ct.n * (1 - pe) ** 2);
  return { value: defined(scott), se: defined(standardError(variance)), df: ct.n - 1 };
}
