import { createRng } from '../random/create-rng.js';
import { sampleMultinomial } from '../random/sample-multinomial.js';
import { compressRatings, totalUnits, type RatingsTable } from './ratings-table.js';

/**
 * The nonparametric bootstrap over units (Efron & Tibshirani 1993): B
 * resamples of the n units with replacement, each coefficient recomputed on
 * each. Every coefficient depends on the units only through how often each
 * distinct row (the coders' values on a unit) occurs, so drawing n units with
 * replacement is exactly drawing the rows' frequencies from
 * Multinomial(n; f_1/n, …, f_P/n) over the P distinct rows: a resample costs
 * P binomial draws and the coefficients are computed on P weighted rows, not
 * n. (A million units × 2 coders × 2 categories have at most 9 distinct
 * rows.) The generator is qcode's own, so a seed gives the same resamples on
 * every machine.
 * Returns, per key, the values of the resamples in which it was defined.
 */
export function bootstrapTable<K extends string>(
  table: RatingsTable,
  compute: (resample: RatingsTable) => Map<K, number | null>,
  resamples: number,
  seed: number,
): Map<K, number[]> {
  const rows = compressRatings(table);
  const n = totalUnits(rows);
  const m = rows.coders.length;
  const rng = createRng(seed);
  const draw = new Float64Array(rows.unitCount);
  const out = new Map<K, number[]>();
  for (let b = 0; b < resamples; b++) {
    sampleMultinomial(rng, n, rows.weights!, draw);
    let kept = 0;
    for (let p = 0; p < draw.length; p++) if (draw[p]! > 0) kept++;
    const data = new Int32Array(kept * m);
    const weights = new Float64Array(kept);
    let i = 0;
    for (let p = 0; p < draw.length; p++) {
      if (draw[p] === 0) continue;
      data.set(rows.data.subarray(p * m, p * m + m), i * m);
      weights[i++] = draw[p]!;
    }
    for (const [key, value] of compute({ ...rows, unitCount: kept, data, weights })) {
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      if (value !== null) list.push(value);
    }
  }
  return out;
}
