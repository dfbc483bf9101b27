import { defined, standardError, undefinedCoefficient, type Coefficient } from './estimate.js';
import { cellVariance, marginals, sharedSingleCategory, type ContingencyTable } from './contingency-table.js';

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
 * categories still set the distances. Asymptotic variance (Fleiss, Cohen &
 * Everitt 1969, eq. 11; SAS's ASE for weighted κ), centred:
 *   var = Σ_ij p_ij (y_ij − ȳ)² / (n (1 − p_e)²),
 *   y_ij = w_ij − (w̄_i. + w̄_.j)(1 − κ_w),  w̄_i. = Σ_j p_.j w_ij,  w̄_.j = Σ_i p_i. w_ij.
 * Undefined with fewer than two declared categories or when both coders used
 * one and the same category throughout.
 */
export function computeWeightedKappa(ct: ContingencyTable, kind: KappaWeights, labels: readonly string[]): Coefficient {
  const { k, counts, n } = ct;
  if (n === 0) return undefinedCoefficient('no unit was coded by both coders');
  if (k < 2) return undefinedCoefficient('fewer than two categories are declared, so weights are undefined');
  const single = sharedSingleCategory(ct);
  if (single !== null) {
    return undefinedCoefficient(`both coders chose '${labels[single]}' on every unit, so chance agreement is 1 and κ is 0/0`);
  }
  const { rows, cols } = marginals(ct);
  const w = (i: number, j: number) => kappaWeight(kind, i, j, k);
  const rowBar = new Float64Array(k);
  const colBar = new Float64Array(k);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      po += (w(i, j) * counts[i * k + j]!) / n;
      pe += w(i, j) * rows[i]! * cols[j]!;
      rowBar[i]! += cols[j]! * w(i, j);
      colBar[j]! += rows[i]! * w(i, j);
    }
  }
  const kw = (po - pe) / (1 - pe);
  const variance = cellVariance(ct, (i, j) => w(i, j) - (rowBar[i]! + colBar[j]!) * (1 - kw)) / (n * (1 - pe) ** 2);
  return { value: defined(kw), se: defined(standardError(variance)), df: null };
}
