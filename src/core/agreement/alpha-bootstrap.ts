import { createRng } from '../random/create-rng.js';
import { sampleMultinomial } from '../random/sample-multinomial.js';
import { addUnitCoincidences, type CoincidenceMatrix } from './coincidence-matrix.js';
import { definedInterval, undefinedBecause, type Estimate, type Interval } from './estimate.js';
import { computeKrippendorffAlpha } from './krippendorff-alpha.js';
import type { Level } from './ratings-table.js';
import type { UnitCounts } from './unit-counts.js';

export interface AlphaBootstrap {
  ci: Estimate<Interval>;
  /** Resamples in which α was undefined (all values alike) and left out. */
  undefinedResamples: number;
}

/**
 * Bootstrap 95% interval for Krippendorff's α, after Hayes & Krippendorff
 * (2007, Communication Methods and Measures 1, 77–89): the pairable units are
 * resampled with replacement B times, α is recomputed on each resample, and
 * the interval is the 2.5th and 97.5th percentiles (R's type-7 quantiles) of
 * the defined values. (KALPHA resamples pairs of values within the observed
 * coincidences; resampling units keeps each unit's values together, the
 * ordinary nonparametric bootstrap, and gives intervals of the same width
 * for the usual designs.)
 *
 * Speed: α depends on a unit only through its vector of category counts, so
 * units with the same vector are interchangeable. Drawing n units with
 * replacement is then exactly drawing how many times each distinct vector
 * appears, a Multinomial(n, f_p / n) over the distinct vectors p with
 * observed frequencies f_p; the resampled coincidence matrix is Σ_p x_p o_p.
 * For two coders without missing values the distinct vectors are the cells
 * of the (symmetrised) contingency table, so 1,000 resamples of a million
 * units cost 1,000 multinomial draws over at most k(k+1)/2 cells.
 */
export function computeAlphaBootstrap(
  uc: UnitCounts,
  level: Level,
  values: Float64Array | null,
  labels: readonly string[],
  resamples: number,
  seed: number,
): AlphaBootstrap {
  const k = uc.k;
  const firstUnit: number[] = [];
  const frequency: number[] = [];
  let maxRaters = 0;
  for (let u = 0; u < uc.units; u++) maxRaters = Math.max(maxRaters, uc.raters[u]!);
  const base = maxRaters + 1;
  // A unit's count vector as a number in base (max coders + 1); a dense
  // lookup table when the key space is small, a Map otherwise.
  const keySpace = base ** k;
  const dense = keySpace <= 1 << 20 ? new Int32Array(keySpace).fill(-1) : null;
  const sparse = new Map<number | string, number>();
  const numericKeys = keySpace < 2 ** 52;
  for (let u = 0; u < uc.units; u++) {
    if (uc.raters[u]! < 2) continue;
    let key: number | string;
    if (numericKeys) {
      key = 0;
      for (let c = 0; c < k; c++) key = key * base + uc.counts[u * k + c]!;
    } else {
      key = Array.from(uc.counts.subarray(u * k, u * k + k)).join(',');
    }
    const p = dense ? dense[key as number]! : (sparse.get(key) ?? -1);
    if (p < 0) {
      if (dense) dense[key as number] = firstUnit.length;
      else sparse.set(key, firstUnit.length);
      firstUnit.push(u);
      frequency.push(1);
    } else {
      frequency[p]!++;
    }
  }
  const nUnits = frequency.reduce((a, b) => a + b, 0);
  if (nUnits === 0) return { ci: undefinedBecause('no unit has two or more values'), undefinedResamples: 0 };

  const contributions = firstUnit.map((u) => {
    const o = new Float64Array(k * k);
    addUnitCoincidences(uc, u, o);
    return o;
  });
  const rng = createRng(seed);
  const draw = new Float64Array(frequency.length);
  const cm: CoincidenceMatrix = { k, o: new Float64Array(k * k), n: 0 };
  const alphas: number[] = [];
  let undefinedResamples = 0;
  for (let b = 0; b < resamples; b++) {
    sampleMultinomial(rng, nUnits, frequency, draw);
    cm.o.fill(0);
    for (let p = 0; p < draw.length; p++) {
      const x = draw[p]!;
      if (x === 0) continue;
      const contribution = contributions[p]!;
      for (let i = 0; i < cm.o.length; i++) cm.o[i]! += x * contribution[i]!;
    }
    const alpha = computeKrippendorffAlpha(cm, level, values, labels);
    if (alpha.value === null) undefinedResamples++;
    else alphas.push(alpha.value);
  }
  if (alphas.length === 0) {
    return { ci: undefinedBecause('α was undefined in every bootstrap resample'), undefinedResamples };
  }
  alphas.sort((a, b) => a - b);
  return { ci: definedInterval(quantile(alphas, 0.025), quantile(alphas, 0.975)), undefinedResamples };
}

/** Type-7 quantile (linear interpolation between order statistics) of sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
