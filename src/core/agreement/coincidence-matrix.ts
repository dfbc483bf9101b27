import type { UnitCounts } from './unit-counts.js';

/**
 * Krippendorff's coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's alpha-reliability", §A): every ordered pair of values from
 * different coders within a unit, weighted 1/(m_u − 1):
 *   o_ck = Σ_u (n_uc n_uk − [c = k] n_uc) / (m_u − 1),  units with m_u ≥ 2.
 * n = Σ o_ck is the number of pairable values.
 */
export interface CoincidenceMatrix {
  k: number;
  o: Float64Array;
  n: number;
}

/** Adds unit u's coincidences, times its weight, into o. */
export function addUnitCoincidences(uc: UnitCounts, u: number, o: Float64Array): void {
  const k = uc.k;
  const m = uc.raters[u]!;
  if (m < 2) return;
  const w = uc.weight[u]! / (m - 1);
  for (let c = 0; c < k; c++) {
    const nc = uc.counts[u * k + c]!;
    if (nc === 0) continue;
    for (let d = 0; d < k; d++) {
      const nd = uc.counts[u * k + d]!;
      if (nd === 0) continue;
      o[c * k + d]! += (c === d ? nc * (nc - 1) : nc * nd) * w;
    }
  }
}

export function computeCoincidenceMatrix(uc: UnitCounts): CoincidenceMatrix {
  const o = new Float64Array(uc.k * uc.k);
  let n = 0;
  for (let u = 0; u < uc.units; u++) {
    if (uc.raters[u]! < 2) continue;
    addUnitCoincidences(uc, u, o);
    n += uc.raters[u]! * uc.weight[u]!;
  }
  return { k: uc.k, o, n };
}
