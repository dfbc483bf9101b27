import { defined, undefinedBecause, type Estimate } from '../agreement/estimate.js';
import { EPSILON, rowSum, type Coincidences } from './continuum.js';
import { offDiagonal } from './u-alpha.js';

/**
 * Coincidences of cuα, restricted to the intersections of units (Krippendorff,
 * Mathet, Bouvry & Widlöcher 2016, eq. 10): for values c, k ≠ ∅, observed
 * l_ck as for uα with margins l*_c = Σ_{k≠∅} l_ck and l** = Σ_c l*_c, and
 *   e*_ck = (l*_c l*_k − [c = k] S_c) / (l** − Σ_c S_c / l**),
 * where S_c sums, over each unit of value c and each other coder, the squared
 * length of the unit's intersection with that coder's units, divided by m − 1.
 */
export interface IntersectCoincidences {
  /** l*_c per value (index 0, ∅, unused). */
  margins: Float64Array;
  total: number;
  expected: Float64Array;
}

export function computeIntersectCoincidences(c: Coincidences): IntersectCoincidences {
  const { size, observed, intersectSelfPairing: S } = c;
  const margins = new Float64Array(size);
  for (let v = 1; v < size; v++) margins[v] = rowSum(observed, size, v, 1);
  const total = margins.reduce((a, b) => a + b, 0);
  const selfTotal = S.reduce((a, b) => a + b, 0);
  const expected = new Float64Array(size * size);
  if (total > 0) {
    const denominator = total - selfTotal / total;
    for (let x = 1; x < size; x++) {
      for (let y = 1; y < size; y++) expected[x * size + y] = (margins[x]! * margins[y]! - (x === y ? S[x]! : 0)) / denominator;
    }
  }
  return { margins, total, expected };
}

/**
 * cuα: reliability of the values coders give to the matter they all judged
 * relevant — the intersections of their units — ignoring unitizing
 * disagreements (2016, §5.3, eq. 11; Krippendorff 2019, §12.6). Nominal:
 *   cuα = 1 − Σ_{c≠k; c,k≠∅} l_ck / Σ_{c≠k; c,k≠∅} e*_ck.
 * Undefined when no unit of one coder intersects another coder's unit, or
 * when all intersecting units share one value.
 */
export function computeCuAlpha(c: Coincidences, star = computeIntersectCoincidences(c)): Estimate {
  if (!(star.total > 0)) return undefinedBecause('no unit of one coder intersects a unit of another');
  const De = offDiagonal(star.expected, c.size, (v) => v > 0);
  if (!(De > EPSILON * star.total)) return undefinedBecause('all intersecting units have one value');
  return defined(1 - offDiagonal(c.observed, c.size, (v) => v > 0) / De);
}

/** Share of the pairable continuum (l..) where units of different coders intersect: what cuα is about. */
export function computeCuCoverage(c: Coincidences, star = computeIntersectCoincidences(c)): number {
  const total = c.observed.reduce((a, b) => a + b, 0);
  return total > 0 ? star.total / total : 0;
}
