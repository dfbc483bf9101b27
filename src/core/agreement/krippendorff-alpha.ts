import { defined, undefinedBecause, type Estimate } from './estimate.js';
import type { CoincidenceMatrix } from './coincidence-matrix.js';
import type { Level } from './ratings-table.js';

/**
 * Squared difference δ²_ck between categories c and k at a level of
 * measurement (Krippendorff 2011, "Computing Krippendorff's alpha-reliability",
 * §C; Krippendorff 2004, Content Analysis, 2nd ed., §11.3):
 *   nominal   0 if c = k, else 1
 *   ordinal   (Σ_{g=c}^{k} n_g − (n_c + n_k)/2)², ranks by declared order,
 *             n_g the coincidence margins
 *   interval  (v_c − v_k)²
 *   ratio     ((v_c − v_k) / (v_c + v_k))²   (0 when both are 0)
 * Returns a k×k matrix.
 */
export function computeDistances(level: Level, margins: Float64Array, values: Float64Array | null): Float64Array {
  const k = margins.length;
  const d = new Float64Array(k * k);
  if ((level === 'interval' || level === 'ratio') && values === null) {
    throw new Error(`${level} distances need numeric categories`);
  }
  // Running sums of the margins make the ordinal metric O(k²).
  const cumulative = new Float64Array(k + 1);
  for (let g = 0; g < k; g++) cumulative[g + 1] = cumulative[g]! + margins[g]!;
  for (let c = 0; c < k; c++) {
    for (let e = 0; e < k; e++) {
      if (c === e) continue;
      let x: number;
      if (level === 'nominal') x = 1;
      else if (level === 'ordinal') {
        const lo = Math.min(c, e);
        const hi = Math.max(c, e);
        const between = cumulative[hi + 1]! - cumulative[lo]! - (margins[c]! + margins[e]!) / 2;
        x = between * between;
      } else {
        const vc = values![c]!;
        const ve = values![e]!;
        if (level === 'interval') x = (vc - ve) ** 2;
        else x = vc + ve === 0 ? 0 : ((vc - ve) / (vc + ve)) ** 2;
      }
      d[c * k + e] = x;
    }
  }
  return d;
}

/**
 * Krippendorff's α from the coincidence matrix (Krippendorff 2011, eq. for
 * α with any metric): with n_c = Σ_k o_ck and n = Σ n_c pairable values,
 *   α = 1 − D_o / D_e = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Missing values are allowed: units with fewer than two values add nothing.
 * Undefined with fewer than two pairable values, or when all pairable values
 * are alike (D_e = 0: no variation to be reliable about).
 */
export function computeKrippendorffAlpha(
  cm: CoincidenceMatrix,
  level: Level,
  values: Float64Array | null,
  labels: readonly string[],
): Estimate {
  const { k, o } = cm;
  const margins = new Float64Array(k);
  let n = 0;
  for (let c = 0; c < k; c++) {
    for (let e = 0; e < k; e++) margins[c]! += o[c * k + e]!;
    n += margins[c]!;
  }
  if (n < 2) return undefinedBecause('no unit has two or more values, so no values can be paired');
  if ((level === 'interval' || level === 'ratio') && values === null) {
    return undefinedBecause(`the ${level} level needs numeric categories`);
  }
  const d = computeDistances(level, margins, values);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let e = 0; e < k; e++) {
      const x = d[c * k + e]!;
      if (x === 0) continue;
      observed += o[c * k + e]! * x;
      expected += margins[c]! * margins[e]! * x;
    }
  }
  if (expected === 0) {
    const used = [...margins.keys()].filter((c) => margins[c]! > 0).map((c) => `'${labels[c]}'`);
    return undefinedBecause(
      `all pairable values are ${used.length === 1 ? used[0] : `at no distance (${used.join(', ')})`}, so expected disagreement is 0 and α is 0/0`,
    );
  }
  return defined(1 - ((n - 1) * observed) / expected);
}
