import { normalQuantile } from '../stats/student-t.js';

export interface AlphaSampleSizeInput {
  /** The smallest α acceptable (e.g. .800). */
  alphaMin: number;
  /** Significance level of the one-sided test that α exceeds α_min (e.g. .05). */
  p: number;
  /** Expected share of the smallest category (1/q for q equally used categories). */
  smallestShare: number;
}

/**
 * Krippendorff's (2019, Content Analysis, 4th ed., §12; 2004, §11.4) minimum
 * number of units two coders must code so that α ≥ α_min can be claimed at
 * significance level p when the rarest category has probability p_c, after
 * Bloch & Kraemer (1989, eq. 3.7):
 *   N = ⌈ 2 z_p² [ (1 + α_min)(3 − α_min) / (4 (1 − α_min) p_c (1 − p_c)) − α_min ] ⌉,
 * z_p the one-sided standard normal quantile (1.645 for p = .05).
 */
export function computeAlphaSampleSize({ alphaMin, p, smallestShare: pc }: AlphaSampleSizeInput): number {
  if (!(alphaMin > 0 && alphaMin < 1)) throw new RangeError('α_min must be between 0 and 1');
  if (!(p > 0 && p < 0.5)) throw new RangeError('p must be between 0 and .5');
  if (!(pc > 0 && pc <= 0.5)) throw new RangeError('the smallest share must be above 0 and at most .5');
  const z = normalQuantile(1 - p);
  const bracket = ((1 + alphaMin) * (3 - alphaMin)) / (4 * (1 - alphaMin) * pc * (1 - pc)) - alphaMin;
  // A hair below an integer is that integer (the formula's rounding residue must not add a unit).
  return Math.ceil(2 * z * z * bracket - 1e-9);
}

/** Krippendorff's table layout: α_min .667, .800, .900 × p .100, .050, .010, .005, for p_c = 1/2 … 1/10. */
export const ALPHA_TABLE = {
  alphaMin: [0.667, 0.8, 0.9],
  p: [0.1, 0.05, 0.01, 0.005],
  categories: [2, 3, 4, 5, 6, 7, 8, 9, 10],
} as const;
