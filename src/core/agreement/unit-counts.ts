import { MISSING, rowWeight, type RatingsTable } from './ratings-table.js';

/**
 * Per unit, how many coders chose each category (Fleiss's n_uc) and how many
 * coded the unit at all (r_u), with the weight of the row (how many units it
 * stands for: 1, or a frequency in a compressed or resampled table). The
 * multi-coder coefficients (percent agreement, Fleiss, Gwet, Brennan–Prediger,
 * Krippendorff) depend on the data only through these counts. Rows with fewer
 * than `minRaters` values are left out.
 */
export interface UnitCounts {
  k: number;
  /** Rows kept. */
  units: number;
  /** counts[u * k + c] */
  counts: Int32Array;
  raters: Int32Array;
  weight: Float64Array;
  /** Units the rows stand for: Σ weight. */
  n: number;
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
  const weight = new Float64Array(units);
  let n = 0;
  let i = 0;
  for (let u = 0; u < unitCount; u++) {
    let r = 0;
    for (let c = 0; c < m; c++) if (data[u * m + c] !== MISSING) r++;
    if (r < min) continue;
    for (let c = 0; c < m; c++) {
      const v = data[u * m + c]!;
      if (v !== MISSING) counts[i * k + v]!++;
    }
    raters[i] = r;
    weight[i] = rowWeight(table, u);
    n += weight[i]!;
    i++;
  }
  return { k, units, counts, raters, weight, n };
}

/** Σ_c n_uc(n_uc − 1) / (r_u(r_u − 1)): the share of agreeing coder pairs on unit u (0 below two values). */
export function unitPairAgreement(uc: UnitCounts, u: number): number {
  const r = uc.raters[u]!;
  if (r < 2) return 0;
  let s = 0;
  for (let c = 0; c < uc.k; c++) {
    const x = uc.counts[u * uc.k + c]!;
    s += x * (x - 1);
  }
  return s / (r * (r - 1));
}

/** Units (weighted) with two or more values. */
export function pairableUnits(uc: UnitCounts): number {
  let n = 0;
  for (let u = 0; u < uc.units; u++) if (uc.raters[u]! >= 2) n += uc.weight[u]!;
  return n;
}

/**
 * Category shares π_c = (1/n) Σ_u n_uc / r_u over every unit with a value
 * (Gwet 2014, §2.4; irrCAC's pi.vec): each unit counts once, whatever its
 * number of values.
 */
export function categoryShares(uc: UnitCounts): Float64Array {
  const pi = new Float64Array(uc.k);
  for (let u = 0; u < uc.units; u++) {
    const w = uc.weight[u]! / uc.raters[u]!;
    for (let c = 0; c < uc.k; c++) pi[c]! += w * uc.counts[u * uc.k + c]!;
  }
  for (let c = 0; c < uc.k; c++) pi[c]! /= uc.n;
  return pi;
}

/** The same number of coders on every unit, or null. */
export function constantRaters(uc: UnitCounts): number | null {
  if (uc.units === 0) return null;
  const r0 = uc.raters[0]!;
  for (let u = 1; u < uc.units; u++) if (uc.raters[u] !== r0) return null;
  return r0;
}
