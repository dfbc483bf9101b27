import { defined, undefinedBecause, type Estimate } from './estimate.js';
import type { ContingencyTable } from './contingency-table.js';

export interface PrevalenceBias {
  prevalence: Estimate;
  bias: Estimate;
}

/**
 * Prevalence and bias indices for two coders and two categories (Byrt,
 * Bishop & Carlin 1993, J. Clin. Epidemiol. 46), with a = both chose the
 * first declared category, d = both the second, b and c the disagreements
 * (first coder first category / second coder first category):
 *   PI = (a − d) / n,   BI = (b − c) / n.
 * A large |PI| or |BI| explains high agreement with low κ.
 */
export function computePrevalenceBias(ct: ContingencyTable): PrevalenceBias {
  if (ct.k !== 2) {
    const reason = 'defined for two categories only';
    return { prevalence: undefinedBecause(reason), bias: undefinedBecause(reason) };
  }
  if (ct.n === 0) {
    const reason = 'no unit was coded by both coders';
    return { prevalence: undefinedBecause(reason), bias: undefinedBecause(reason) };
  }
  const [a, b, c, d] = [ct.counts[0]!, ct.counts[1]!, ct.counts[2]!, ct.counts[3]!];
  return { prevalence: defined((a - d) / ct.n), bias: defined((b - c) / ct.n) };
}
