import type { Rng } from './create-rng.js';
import { sampleBinomial } from './sample-binomial.js';

/**
 * One draw from Multinomial(n, weights/Σweights) into `out`, by conditional
 * binomials: cell j gets Binomial(n − drawn so far, w_j / Σ_{i≥j} w_i).
 * Exact in distribution; O(cells) binomial draws. Weights are counts or any
 * non-negative numbers. The tail sums are built from the end so the last
 * cell with weight takes exactly what is left.
 */
export function sampleMultinomial(rng: Rng, n: number, weights: ArrayLike<number>, out: Float64Array | Int32Array): void {
  const k = weights.length;
  const tail = new Float64Array(k + 1);
  for (let j = k - 1; j >= 0; j--) tail[j] = tail[j + 1]! + Math.max(0, weights[j]!);
  let left = n;
  for (let j = 0; j < k; j++) {
    const w = Math.max(0, weights[j]!);
    if (left === 0 || w === 0) {
      out[j] = 0;
    } else if (tail[j + 1] === 0) {
      out[j] = left;
      left = 0;
    } else {
      const x = sampleBinomial(rng, left, w / tail[j]!);
      out[j] = x;
      left -= x;
    }
  }
}
