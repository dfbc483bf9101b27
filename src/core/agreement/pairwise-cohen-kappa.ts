import { computeCohenKappa } from './cohen-kappa.js';
import { computeContingencyTable } from './contingency-table.js';
import { defined, undefinedBecause, type Estimate } from './estimate.js';
import type { RatingsTable } from './ratings-table.js';

export interface PairwiseKappa {
  pairs: { coders: [string, string]; kappa: Estimate }[];
  /** Mean over the pairs where κ is defined (Light 1971; Conger 1980 calls it the average pairwise κ). */
  mean: Estimate;
}

/**
 * Cohen's κ for every pair of coders, and their mean (Light 1971, Psychol.
 * Bull. 76). Pairs whose κ is undefined are named and left out of the mean.
 */
export function computePairwiseCohenKappa(table: RatingsTable): PairwiseKappa {
  const pairs: PairwiseKappa['pairs'] = [];
  const m = table.coders.length;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const kappa = computeCohenKappa(computeContingencyTable(table, a, b), table.categories).kappa;
      pairs.push({ coders: [table.coders[a]!, table.coders[b]!], kappa });
    }
  }
  const values = pairs.flatMap((p) => (p.kappa.value === null ? [] : [p.kappa.value]));
  const mean =
    values.length === 0
      ? undefinedBecause<number>('Cohen’s κ is undefined for every pair of coders')
      : defined(values.reduce((s, v) => s + v, 0) / values.length);
  return { pairs, mean };
}
