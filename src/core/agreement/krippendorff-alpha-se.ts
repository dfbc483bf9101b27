import { cellVariance, marginals, type ContingencyTable } from './contingency-table.js';
import { computeDistances } from './krippendorff-alpha.js';
import { defined, linearizedVariance, standardError, undefinedBecause, type Estimate } from './estimate.js';
import type { Level } from './ratings-table.js';
import type { UnitCounts } from './unit-counts.js';

/**
 * Agreement weights w_ck = 1 − δ²_ck / max δ² for the levels whose distances
 * do not depend on the data (nominal: identity; interval: quadratic in the
 * values; ratio), or null for ordinal, whose distances move with the
 * coincidence margins: Gwet's variance treats the weights as fixed.
 */
function fixedWeights(level: Level, k: number, values: Float64Array | null): Float64Array | null {
  if (level === 'ordinal') return null;
  const d = computeDistances(level, new Float64Array(k), values);
  let max = 0;
  for (const x of d) max = Math.max(max, x);
  const w = new Float64Array(k * k);
  for (let i = 0; i < w.length; i++) w[i] = max > 0 ? 1 - d[i]! / max : i % (k + 1) === 0 ? 1 : 0;
  return w;
}

const ORDINAL = 'Gwet’s variance holds the distances fixed, and ordinal distances move with the margins; use --bootstrap';

/**
 * Standard error of Krippendorff's α by Gwet's (2014, Handbook of Inter-Rater
 * Reliability, 4th ed., ch. 5) linearisation, as irrCAC computes it, with
 * agreement weights w = 1 − δ²/max δ² at the level. Two coders who coded
 * every unit (irrCAC krippen2.table), p_kl the cell shares and π_k the pooled
 * margins: with p_a0 = Σ w_kl p_kl, p_e = Σ w_kl π_k π_l, α' = (p_a0 − p_e)/(1 − p_e),
 *   var = Σ_kl p_kl (y_kl − ȳ)² / (n(1 − p_e)²),  y_kl = w_kl − (1 − α')(π̄_k + π̄_l),  π̄_k = Σ_l w_kl π_l.
 * Otherwise (krippen.alpha.raw), over the n units with two or more values,
 * r̄ their mean number of values, ε = 1/Σ r_u and π_k = (1/n) Σ_u n_uk / r̄:
 *   p_a' = (1/n) Σ_u Σ_c n_uc (Σ_l w_cl n_ul − 1) / (r̄ (r_u − 1)),  p_a = (1 − ε) p_a' + ε,
 *   terms x_u = (p_a,u − p_e)/(1 − p_e) − 2(1 − α')(p_e,u − p_e)/(1 − p_e), with
 *   p_a,u = Σ_c n_uc(Σ_l w_cl n_ul − 1)/(r̄(r_u − 1)) − p_a (r_u − r̄)/r̄,
 *   p_e,u = Σ_c n_uc π̄_c / r̄ − p_e (r_u − r̄)/r̄,
 *   var = Σ_u (x_u − α')² / (n(n − 1)),
 * and the interval uses t with n − 1 degrees of freedom, n the units with two
 * or more values. This is the irrCAC version whose output its README prints
 * for cac.raw4raters (SE 0.14557, interval (0.419, 1)); irrCAC's later raw
 * code centres p_a,u on p_a' instead (SE 0.14548 there), and its
 * krippen.alpha.dist uses yet another linearisation (0.08243 for
 * distrib.6raters, where this gives 0.08119, the same as Fleiss' κ's).
 * Undefined at the ordinal level (its distances depend on the data).
 */
export function computeAlphaStandardError(
  uc: UnitCounts,
  table: ContingencyTable | null,
  level: Level,
  values: Float64Array | null,
): { se: Estimate; df: number } {
  const k = uc.k;
  const w = fixedWeights(level, k, values);
  if (w === null) return { se: undefinedBecause(ORDINAL), df: uc.n - 1 };
  if (table) return { se: tableStandardError(table, w), df: table.n - 1 };
  return rawStandardError(uc, w);
}

function tableStandardError(table: ContingencyTable, w: Float64Array): Estimate {
  const k = table.k;
  const { rows, cols } = marginals(table);
  const pi = rows.map((r, c) => (r + cols[c]!) / 2);
  const piBar = weightedShares(w, pi);
  let pa0 = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    pe += pi[i]! * piBar[i]!;
    for (let j = 0; j < k; j++) pa0 += (w[i * k + j]! * table.counts[i * k + j]!) / table.n;
  }
  if (pe >= 1) return undefinedBecause('all values are alike, so α is undefined');
  const a1 = (pa0 - pe) / (1 - pe);
  const variance = cellVariance(table, (i, j) => w[i * k + j]! - (1 - a1) * (piBar[i]! + piBar[j]!)) / (table.n * (1 - pe) ** 2);
  return defined(standardError(variance));
}

function rawStandardError(uc: UnitCounts, w: Float64Array): { se: Estimate; df: number } {
  const k = uc.k;
  const rows: number[] = [];
  let n = 0;
  let rsum = 0;
  for (let u = 0; u < uc.units; u++) {
    if (uc.raters[u]! < 2) continue;
    rows.push(u);
    n += uc.weight[u]!;
    rsum += uc.weight[u]! * uc.raters[u]!;
  }
  if (n < 2) return { se: undefinedBecause('the standard error needs two or more units with two or more values'), df: n - 1 };
  const rbar = rsum / n;
  const pi = new Float64Array(k);
  const sumQ = new Float64Array(rows.length);
  let paPrime = 0;
  rows.forEach((u, i) => {
    let s = 0;
    for (let c = 0; c < k; c++) {
      const nc = uc.counts[u * k + c]!;
      if (nc === 0) continue;
      pi[c]! += (uc.weight[u]! * nc) / rbar / n;
      let agree = 0;
      for (let l = 0; l < k; l++) agree += w[c * k + l]! * uc.counts[u * k + l]!;
      s += nc * (agree - 1);
    }
    sumQ[i] = s / (rbar * (uc.raters[u]! - 1));
    paPrime += (uc.weight[u]! * sumQ[i]!) / n;
  });
  const piBar = weightedShares(w, pi);
  let pe = 0;
  for (let c = 0; c < k; c++) pe += pi[c]! * piBar[c]!;
  if (pe >= 1) return { se: undefinedBecause('all values are alike, so α is undefined'), df: n - 1 };
  const a1 = (paPrime - pe) / (1 - pe);
  const pa = (1 - 1 / rsum) * paPrime + 1 / rsum;
  const terms = new Float64Array(rows.length);
  const weight = new Float64Array(rows.length);
  rows.forEach((u, i) => {
    const r = uc.raters[u]!;
    const paU = sumQ[i]! - (pa * (r - rbar)) / rbar;
    let peU = 0;
    for (let c = 0; c < k; c++) peU += (uc.counts[u * k + c]! * piBar[c]!) / rbar;
    peU -= (pe * (r - rbar)) / rbar;
    terms[i] = (paU - pe) / (1 - pe) - (2 * (1 - a1) * (peU - pe)) / (1 - pe);
    weight[i] = uc.weight[u]!;
  });
  return { se: defined(standardError(linearizedVariance(terms, weight, a1, n)!)), df: n - 1 };
}

/** π̄ = W π for symmetric agreement weights W. */
function weightedShares(w: Float64Array, pi: ArrayLike<number>): Float64Array {
  const k = pi.length;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i]! += w[i * k + j]! * pi[j]!;
  return out;
}
