import { defined, undefinedBecause, type Estimate } from '../agreement/estimate.js';
import { EPSILON, rowSum, type Coincidences } from './continuum.js';

/**
 * Expected coincidences of the uα family (Krippendorff, Mathet, Bouvry &
 * Widlöcher 2016, eq. 4): with l.. = mL, margins l_c. and the self-pairings
 * Σ_c = Σ l² over the units of value c (Σ l over the gaps for ∅),
 *   e_ck = l.. (l_c. l_.k − [c = k] Σ_c) / (l..² − Σ_c Σ_c).
 */
export function computeExpectedCoincidences(c: Coincidences): Float64Array {
  const { size, observed, selfPairing } = c;
  const total = observed.reduce((a, b) => a + b, 0);
  const margins = Array.from({ length: size }, (_, v) => rowSum(observed, size, v));
  const denominator = total * total - selfPairing.reduce((a, b) => a + b, 0);
  const e = new Float64Array(size * size);
  for (let x = 0; x < size; x++) {
    for (let y = 0; y < size; y++) e[x * size + y] = (total * (margins[x]! * margins[y]! - (x === y ? selfPairing[x]! : 0))) / denominator;
  }
  return e;
}

/** Σ of the off-diagonal cells: disagreement under the nominal metric. */
export function offDiagonal(matrix: Float64Array, size: number, within?: (v: number) => boolean): number {
  let s = 0;
  for (let x = 0; x < size; x++) {
    if (within && !within(x)) continue;
    for (let y = 0; y < size; y++) if (x !== y && (!within || within(y))) s += matrix[x * size + y]!;
  }
  return s;
}

/**
 * uα: reliability of unitizing and coding at once — where units begin and end
 * and which values they get, gaps included (2016, §5.1; Krippendorff 2019,
 * §12.6). Nominal: with observed l_ck and expected e_ck coincidences,
 *   uα = 1 − D_o / D_e = 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck.
 * Undefined when nothing varies (D_e = 0): no coder marked any unit, or every
 * coder marked the whole continuum alike.
 */
export function computeUAlpha(c: Coincidences, expected = computeExpectedCoincidences(c)): Estimate {
  const De = offDiagonal(expected, c.size);
  if (!(De > EPSILON * c.observed.reduce((a, b) => a + b, 0))) return undefinedBecause('no variation in the continuum: no units, or one value everywhere for every coder');
  return defined(1 - offDiagonal(c.observed, c.size) / De);
}
