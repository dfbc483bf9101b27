import { defined, undefinedBecause, type Estimate } from './estimate.js';
import { marginals, sharedSingleCategory, type ContingencyTable } from './contingency-table.js';

export type KappaWeights = 'linear' | 'quadratic';

/**
 * Agreement weight of categories at positions i and j among K declared ones:
 * linear 1 − |i − j|/(K − 1) (Cicchetti & Allison 1971), quadratic
 * 1 − (i − j)²/(K − 1)² (Fleiss & Cohen 1973).
 */
export function kappaWeight(kind: KappaWeights, i: number, j: number, categories: number): number {
  const d = Math.abs(i - j) / (categories - 1);
  return kind === 'linear' ? 1 - d : 1 - d * d;
}

/**
 * Weighted κ (Cohen 1968):
 *   κ_w = (Σ w_ij p_ij − Σ w_ij p_i. p_.j) / (1 − Σ w_ij p_i. p_.j),
 * positions fixed by the declared category order, so declared but unused
 * categories still set the distances. Undefined with fewer than two declared
 * categories or when both coders used one and the same category throughout.
 */
export function computeWeightedKappa(ct: ContingencyTable, kind: KappaWeights, labels: readonly string[]): Estimate {
  const { k, counts, n } = ct;
  if (n === 0) return undefinedBecause('no unit was coded by both coders');
  if (k < 2) return undefinedBecause('fewer than two categories are declared, so weights are undefined');
  const single = sharedSingleCategory(ct);
  if (single !== null) {
    return undefinedBecause(`both coders chose '${labels[single]}' on every unit, so chance agreement is 1 and κ is 0/0`);
  }
  const { rows, cols } = marginals(ct);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = kappaWeight(kind, i, j, k);
      po += (w * counts[i * k + j]!) / n;
      pe += w * rows[i]! * cols[j]!;
    }
  }
  return defined((po - pe) / (1 - pe));
}
