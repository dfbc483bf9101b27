import { defined, undefinedBecause, type Estimate } from '../agreement/estimate.js';
import type { UnitizingData } from './continuum.js';

/** One code's observed and expected disagreement in Krippendorff's 2004 unitizing α. */
export interface AlphaU2004Disagreement {
  observed: number;
  expected: number;
}

/**
 * Krippendorff's earlier unitizing α, αU (Krippendorff 1995, Sociological
 * Methodology 25, 47–76; Krippendorff 2004, "Measuring the reliability of
 * qualitative text analysis data", Quality & Quantity 38, 787–800; Content
 * Analysis, 2nd ed., 2004, with the worked example DKPro Statistics cites as
 * p. 254), for one code c. Each of m coders partitions the
 * continuum of length L into sections: units of c (v = 1) and gaps (v = 0),
 * section g of coder i beginning at b_ig with length l_ig. Two sections of
 * different coders differ by
 *   δ²(ig, jh) = (b_ig − b_jh)² + (b_ig + l_ig − b_jh − l_jh)²  both units, overlapping,
 *              = l_ig²   a unit of i inside a gap of j,
 *              = l_jh²   a gap of i with a unit of j inside it,
 *              = 0       otherwise,
 * so D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m(m − 1) L²). With N the number
 * of units of c over all coders, expected disagreement is
 *   D_e = (2/L) Σ_{units u} [ (N − 1)(2l_u³ − 3l_u² + l_u)/3
 *                             + l_u² Σ_{gaps g: l_g ≥ l_u} (l_g − l_u + 1) ]
 *         / (mL(mL − 1) − Σ_{units u} l_u(l_u − 1)),
 * units and gaps taken over all coders. `data` holds the one code's partition
 * (one value, from buildUnitizingData). Unlike the 2016 family, codes are taken
 * one at a time, so units of different codes may overlap; unlike |uα, a unit
 * counts by how far its ends lie from another coder's, not position by
 * position. Krippendorff's later work (2016; Content Analysis, 4th ed., 2019,
 * §12.6) uses the uα family instead; αU is here to compare with published
 * figures and with other tools (DKPro Statistics).
 */
export function computeAlphaU2004Disagreement(data: UnitizingData): AlphaU2004Disagreement {
  if (data.values.length !== 1) throw new Error('αU (2004) takes one code at a time');
  const m = data.sections.length;
  const L = data.length;
  if (m < 2) throw new Error('αU (2004) needs two coders');
  // An empty continuum: nothing observed, nothing expected, α undefined.
  if (L === 0) return { observed: 0, expected: 0 };
  let observed = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) observed += 2 * pairDistance(data.sections[i]!, data.sections[j]!);
  }
  const units: number[] = [];
  const gaps: number[] = [];
  for (const sections of data.sections) for (const s of sections) (s.value === 0 ? gaps : units).push(s.end - s.start);
  // Gaps at least as long as a unit, and their summed length: sorted, with suffix sums, instead of units × gaps.
  const sorted = Float64Array.from(gaps).sort();
  const suffix = new Float64Array(sorted.length + 1);
  for (let k = sorted.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + sorted[k]!;
  const N = units.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    const from = firstAtLeast(sorted, l);
    const placements = suffix[from]! - (l - 1) * (sorted.length - from);
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements;
    selfPairs += l * (l - 1);
  }
  // Positive for m ≥ 2: Σ l(l − 1) ≤ mL(L − 1) < mL(mL − 1).
  const denominator = m * L * (m * L - 1) - selfPairs;
  return { observed: observed / (m * (m - 1) * L * L), expected: ((2 / L) * numerator) / denominator };
}

/**
 * αU over one code or several (a category, all codes): 1 − Σ_c D_o / Σ_c D_e,
 * as DKPro Statistics pools the 2004 example's two categories (the .8591 it
 * quotes is 1 − .0144/(.0532 + .0490)). Undefined when
 * nothing is expected to differ (D_e = 0): no unit at all, or no gap anywhere
 * and every unit one character long.
 */
export function computeAlphaU2004(parts: readonly AlphaU2004Disagreement[]): Estimate {
  let observed = 0;
  let expected = 0;
  for (const p of parts) {
    observed += p.observed;
    expected += p.expected;
  }
  if (!(expected > 0)) return undefinedBecause('nothing to expect: no units, or no gaps and every unit one character long');
  return defined(1 - observed / expected);
}

/** Σ δ² over the sections of two coders; every non-zero δ² is between sections that overlap. */
function pairDistance(a: readonly { start: number; end: number; value: number }[], b: readonly { start: number; end: number; value: number }[]): number {
  let sum = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    const s = a[x]!;
    const t = b[y]!;
    if (Math.min(s.end, t.end) > Math.max(s.start, t.start)) {
      if (s.value !== 0 && t.value !== 0) sum += (s.start - t.start) ** 2 + (s.end - t.end) ** 2;
      else if (s.value !== 0 && t.value === 0 && t.start <= s.start && s.end <= t.end) sum += (s.end - s.start) ** 2;
      else if (s.value === 0 && t.value !== 0 && s.start <= t.start && t.end <= s.end) sum += (t.end - t.start) ** 2;
    }
    if (s.end <= t.end) x++;
    else y++;
  }
  return sum;
}

/** Index of the first value ≥ x in ascending `sorted` (its length when none). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
