import { defined, undefinedBecause, type Estimate } from '../agreement/estimate.js';
import { EPSILON, rowSum, type Coincidences } from './continuum.js';
import { computeIntersectCoincidences, type IntersectCoincidences } from './cu-alpha.js';

/**
 * (k)uα: the reliability of one value k among the intersecting units — how
 * consistently coders who agree that matter is relevant give it value k
 * (Krippendorff, Mathet, Bouvry & Widlöcher 2016, §5.4, eq. 13b; Krippendorff
 * 2019, §12.6). Nominal, with cuα's coincidences:
 *   (k)uα = 1 − (e*_k. / l*_k.) · (l*_k. − l_kk) / (e*_k. − e*_kk).
 * `value` is the index in the coincidence matrices (1 + the value's position).
 * Undefined when no unit of value k intersects another coder's unit, or when
 * nothing but k is expected (e*_k. = e*_kk).
 */
export function computeKUAlpha(c: Coincidences, value: number, star: IntersectCoincidences = computeIntersectCoincidences(c)): Estimate {
  const lk = star.margins[value]!;
  if (!(lk > 0)) return undefinedBecause('no unit with this value intersects a unit of another coder');
  const ek = rowSum(star.expected, c.size, value, 1);
  const ekk = star.expected[value * c.size + value]!;
  if (!(ek - ekk > EPSILON * star.total)) return undefinedBecause('no other value among the intersecting units');
  const lkk = c.observed[value * c.size + value]!;
  return defined(1 - (ek / lk) * ((lk - lkk) / (ek - ekk)));
}
