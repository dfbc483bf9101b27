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

/** A variance rounded below zero by floating point is zero. */
export function standardError(variance: number): number {
  return Math.sqrt(Math.max(0, variance));
}

/** z_{0.975}, for 95% normal-theory intervals. */
export const Z_975 = 1.959963984540054;
