/**
 * The value of one statistic: a finite number, or null with the reason it is
 * undefined. Statistics never return NaN or ±Infinity, and never stand in a
 * silent 0 or 1 for "undefined".
 */
export type Estimate<T = number> = { value: T; reason?: undefined } | { value: null; reason: string };

/** A 95% confidence interval [lower, upper]. */
export type Interval = readonly [number, number];

export function undefinedBecause<T = number>(reason: string): Estimate<T> {
  return { value: null, reason };
}

/**
 * Wraps a computed number. A non-finite result is a bug in a caller that
 * should have named the undefined case first, so it throws rather than
 * letting NaN reach a report.
 */
export function defined(value: number): Estimate {
  if (!Number.isFinite(value)) throw new Error(`statistic computed as ${value}; an undefined case was not caught`);
  return { value };
}

export function definedInterval(lower: number, upper: number): Estimate<Interval> {
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) throw new Error('interval with a non-finite bound');
  return { value: [lower, upper] };
}

/**
 * √variance, with cancellation noise taken for what it is: a variance below
 * 1e-24 (an SE under 1e-12, which no data set short of 10²⁰ units can have)
 * is the rounding residue of terms that cancel exactly, and the SE is 0.
 */
export function standardError(variance: number): number {
  return variance < 1e-24 ? 0 : Math.sqrt(variance);
}

/**
 * A coefficient with its analytic standard error. `df` is the degrees of
 * freedom of the t quantile its interval uses (irrCAC's convention, n − 1),
 * or null for a normal-theory (z) interval (Fleiss, Cohen & Everitt; SAS).
 */
export interface Coefficient {
  value: Estimate;
  se: Estimate;
  df: number | null;
}

export function undefinedCoefficient(reason: string): Coefficient {
  return { value: undefinedBecause(reason), se: undefinedBecause(reason), df: null };
}

/**
 * The linearised (jackknife-type) variance irrCAC computes for its raw-data
 * coefficients (Gwet 2008, §5; Gwet 2014, ch. 5): with per-unit terms x_u
 * whose mean is the coefficient, weights w_u and n = Σ w_u units,
 *   var = Σ_u w_u (x_u − center)² / (n (n − 1)).
 * Null below two units.
 */
export function linearizedVariance(terms: Float64Array, weight: Float64Array, center: number, n: number): number | null {
  if (n < 2) return null;
  let s = 0;
  for (let u = 0; u < terms.length; u++) s += weight[u]! * (terms[u]! - center) ** 2;
  return s / (n * (n - 1));
}

/** A coefficient whose SE comes from linearizedVariance (t interval with n − 1 df). */
export function linearizedCoefficient(value: number, terms: Float64Array, weight: Float64Array, n: number): Coefficient {
  const v = linearizedVariance(terms, weight, value, n);
  return {
    value: defined(value),
    se: v === null ? undefinedBecause('the standard error needs two or more units') : defined(standardError(v)),
    df: n - 1,
  };
}

/** z_{0.975}, for 95% normal-theory intervals. */
export const Z_975 = 1.959963984540054;
