import { MISSING, rowWeight, type RatingsTable } from './ratings-table.js';

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
    const w = rowWeight(table, u);
    counts[a * k + b]! += w;
    n += w;
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

/**
 * Σ_ij p_ij (y_ij − ȳ)² with ȳ = Σ p_ij y_ij: the variance of a per-cell term
 * over the units, the centred form of the Fleiss–Cohen–Everitt and Gwet
 * variances (centring keeps a variance that is 0 at 0 instead of rounding
 * residue of a difference of equal sums).
 */
export function cellVariance(ct: ContingencyTable, y: (i: number, j: number) => number): number {
  const { k, counts, n } = ct;
  let mean = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (counts[i * k + j]! > 0) mean += (counts[i * k + j]! / n) * y(i, j);
  let s = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (counts[i * k + j]! > 0) s += (counts[i * k + j]! / n) * (y(i, j) - mean) ** 2;
  return s;
}
