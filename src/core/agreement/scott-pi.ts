import { defined, undefinedBecause, type Estimate } from './estimate.js';
import { marginals, observedAgreement, sharedSingleCategory, type ContingencyTable } from './contingency-table.js';

/**
 * Scott's π (Scott 1955, Public Opinion Quarterly 19): chance agreement from
 * the pooled margins π_c = (p_c. + p_.c)/2,
 *   p_e = Σ π_c²,  π = (p_o − p_e) / (1 − p_e).
 * Undefined when no unit was coded by both or every value is one category.
 */
export function computeScottPi(ct: ContingencyTable, labels: readonly string[]): Estimate {
  if (ct.n === 0) return undefinedBecause('no unit was coded by both coders');
  const single = sharedSingleCategory(ct);
  if (single !== null) {
    return undefinedBecause(`both coders chose '${labels[single]}' on every unit, so chance agreement is 1 and π is 0/0`);
  }
  const { rows, cols } = marginals(ct);
  let pe = 0;
  for (let c = 0; c < ct.k; c++) pe += ((rows[c]! + cols[c]!) / 2) ** 2;
  return defined((observedAgreement(ct) - pe) / (1 - pe));
}
