import { MISSING, type RatingsTable } from './ratings-table.js';

/**
 * Two coders' cross-classification: counts[i * k + j] = units the first coder
 * put in category i and the second in j, over units both coded. Every
 * two-coder coefficient (Cohen, weighted κ, Scott, prevalence and bias)
 * depends on the data only through this table.
 */
export interface ContingencyTable {
  k: number;
  counts: Float64Array;
  n: number;
}

export function computeContingencyTable(table: RatingsTable, first = 0, second = 1): ContingencyTable {
  const m = table.coders.length;
  const k = table.categories.length;
  const counts = new Float64Array(k * k);
  let n = 0;
  for (let u = 0; u < table.unitCount; u++) {
    const a = table.data[u * m + first]!;
    const b = table.data[u * m + second]!;
    if (a === MISSING || b === MISSING) continue;
    counts[a * k + b]!++;
    n++;
  }
  return { k, counts, n };
}

/** Row and column proportions p_i. and p_.j. */
export function marginals(ct: ContingencyTable): { rows: Float64Array; cols: Float64Array } {
  const { k, counts, n } = ct;
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const p = counts[i * k + j]! / n;
      rows[i]! += p;
      cols[j]! += p;
    }
  }
  return { rows, cols };
}

/** Observed proportion of agreement, Σ p_ii. */
export function observedAgreement(ct: ContingencyTable): number {
  let s = 0;
  for (let i = 0; i < ct.k; i++) s += ct.counts[i * ct.k + i]!;
  return s / ct.n;
}

/** Category labels used by either coder, for reasons. */
export function usedCategories(ct: ContingencyTable): number[] {
  const { rows, cols } = marginals(ct);
  const used: number[] = [];
  for (let i = 0; i < ct.k; i++) if (rows[i]! > 0 || cols[i]! > 0) used.push(i);
  return used;
}

/**
 * The category both coders used on every unit, if there is one: then every
 * chance-corrected two-coder coefficient is 0/0.
 */
export function sharedSingleCategory(ct: ContingencyTable): number | null {
  for (let i = 0; i < ct.k; i++) if (ct.n > 0 && ct.counts[i * ct.k + i] === ct.n) return i;
  return null;
}
