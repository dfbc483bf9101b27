import { computeCohenKappa } from './cohen-kappa.js';
import { computeContingencyTable } from './contingency-table.js';
import { defined, undefinedBecause, type Estimate } from './estimate.js';
import type { RatingsTable } from './ratings-table.js';

export interface PairwiseKappa {
  pairs: { coders: [string, string]; kappa: Estimate }[];
  /** Mean over the pairs (Light 1971; Conger 1980 calls it the average pairwise κ). */
  mean: Estimate;
}

/**
 * Cohen's κ for every pair of coders, each over the units that pair coded
 * jointly, and their mean (Light 1971, Psychol. Bull. 76). When κ is
 * undefined for any pair the mean is undefined too, naming the pair, as
 * ReCal3 reports it (Freelon 2010): a mean over the remaining pairs would be
 * a different coefficient.
 */
export function computePairwiseCohenKappa(table: RatingsTable): PairwiseKappa {
  const pairs: PairwiseKappa['pairs'] = [];
  const m = table.coders.length;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const kappa = computeCohenKappa(computeContingencyTable(table, a, b), table.categories).value;
      pairs.push({ coders: [table.coders[a]!, table.coders[b]!], kappa });
    }
  }
  const missing = pairs.find((p) => p.kappa.value === null);
  const mean = missing
    ? undefinedBecause<number>(`Cohen’s κ is undefined for ${missing.coders[0]}–${missing.coders[1]} (${missing.kappa.reason}), and ReCal3 leaves the mean undefined then`)
    : defined(pairs.reduce((s, p) => s + p.kappa.value!, 0) / pairs.length);
  return { pairs, mean };
}
