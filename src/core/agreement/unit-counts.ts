import { MISSING, type RatingsTable } from './ratings-table.js';

/**
 * Per unit, how many coders chose each category (Fleiss's n_ij) and how many
 * coded the unit at all. The multi-coder coefficients (percent agreement,
 * Fleiss, Gwet, Brennan–Prediger, Krippendorff) depend on the data only
 * through these counts. Units with fewer than `minRaters` values are left out.
 */
export interface UnitCounts {
  k: number;
  units: number;
  /** counts[u * k + c] */
  counts: Int32Array;
  raters: Int32Array;
}

export function computeUnitCounts(table: RatingsTable, minRaters: number): UnitCounts {
  const m = table.coders.length;
  const k = table.categories.length;
  const { data, unitCount } = table;
  const min = Math.max(1, minRaters);
  let units = 0;
  for (let u = 0; u < unitCount; u++) {
    let r = 0;
    for (let c = 0; c < m; c++) if (data[u * m + c] !== MISSING) r++;
    if (r >= min) units++;
  }
  const counts = new Int32Array(units * k);
  const raters = new Int32Array(units);
  let i = 0;
  for (let u = 0; u < unitCount; u++) {
    let r = 0;
    for (let c = 0; c < m; c++) if (data[u * m + c] !== MISSING) r++;
    if (r < min) continue;
    for (let c = 0; c < m; c++) {
      const v = data[u * m + c]!;
      if (v !== MISSING) counts[i * k + v]!++;
    }
    raters[i++] = r;
  }
  return { k, units, counts, raters };
}

/** Σ_c n_uc(n_uc − 1) / (r_u(r_u − 1)): the share of agreeing coder pairs on unit u (r_u ≥ 2). */
export function unitPairAgreement(uc: UnitCounts, u: number): number {
  const r = uc.raters[u]!;
  let s = 0;
  for (let c = 0; c < uc.k; c++) {
    const x = uc.counts[u * uc.k + c]!;
    s += x * (x - 1);
  }
  return s / (r * (r - 1));
}

/** The same number of coders on every unit, or null. */
export function constantRaters(uc: UnitCounts): number | null {
  if (uc.units === 0) return null;
  const r0 = uc.raters[0]!;
  for (let u = 1; u < uc.units; u++) if (uc.raters[u] !== r0) return null;
  return r0;
}
