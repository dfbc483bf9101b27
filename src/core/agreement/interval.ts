import { quantile } from '../stats/quantile.js';
import { normalQuantile, studentTQuantile } from '../stats/student-t.js';
import type { IntervalInfo } from './agreement-result.js';
import { definedInterval, undefinedBecause, type Coefficient, type Estimate, type Interval } from './estimate.js';

export interface BuiltInterval {
  ci: Estimate<Interval>;
  info: IntervalInfo | null;
}

/**
 * A 95% Wald interval value ± q·SE, q the t quantile with the coefficient's
 * degrees of freedom (irrCAC) or the normal one (Fleiss–Cohen–Everitt, SAS),
 * cut to the coefficient's range (irrCAC cuts the upper end at 1; a κ is
 * never above 1 nor below −1, a percent agreement never outside [0, 1]).
 * An interval that would say nothing — SE exactly 0, or fewer than two units
 * — is given as undefined with the reason, not as a zero-width interval.
 */
export function waldInterval(c: Coefficient, range: [number, number], n: number): BuiltInterval {
  if (c.value.value === null) return { ci: c.value, info: null };
  if (c.se.value === null) return { ci: c.se, info: null };
  const v = c.value.value;
  const se = c.se.value;
  const info: IntervalInfo = { method: c.df === null ? 'wald_z' : 'wald_t', level: 0.95, range, truncated: [] };
  if (c.df !== null) info.df = c.df;
  if (n < 2 || (c.df !== null && c.df < 1)) {
    info.degenerate = `n = ${n}: an interval needs two or more units`;
    return { ci: undefinedBecause(`no interval: ${info.degenerate}`), info };
  }
  if (se === 0) {
    info.degenerate = `the standard error is 0 (every unit contributes the same, as under perfect agreement), and a zero-width interval would claim a precision that n = ${n} units cannot give; use --bootstrap, or code more units`;
    return { ci: undefinedBecause(`no interval: ${info.degenerate}`), info };
  }
  const q = c.df === null ? normalQuantile(0.975) : studentTQuantile(0.975, c.df);
  let lo = v - q * se;
  let hi = v + q * se;
  if (lo < range[0]) {
    lo = range[0];
    info.truncated.push('lower');
  }
  if (hi > range[1]) {
    hi = range[1];
    info.truncated.push('upper');
  }
  return { ci: definedInterval(lo, hi), info };
}

/**
 * The 2.5th and 97.5th percentiles (R's type-7 quantiles) of the resampled
 * values where the coefficient was defined. Percentile intervals lie within
 * the coefficient's range by construction. Degenerate (undefined, with the
 * reason) when fewer than two resamples are defined or all agree.
 */
export function percentileInterval(values: number[], resamples: number, seed: number, range: [number, number]): BuiltInterval {
  const info: IntervalInfo = {
    method: 'percentile_bootstrap',
    level: 0.95,
    resamples,
    defined_resamples: values.length,
    seed,
    range,
    truncated: [],
  };
  if (values.length === 0) return { ci: undefinedBecause('the coefficient was undefined in every bootstrap resample'), info };
  values.sort((a, b) => a - b);
  const lo = quantile(values, 0.025);
  const hi = quantile(values, 0.975);
  if (values.length < 2) info.degenerate = `only ${values.length} bootstrap resample, which cannot show any spread`;
  else if (hi - lo <= 1e-12 * Math.max(1, Math.abs(lo))) {
    info.degenerate = `all ${values.length} resamples gave ${lo === Math.round(lo) ? lo : lo.toFixed(6)}: resampling these units cannot vary the coefficient, which says nothing about its precision`;
  }
  if (info.degenerate) return { ci: undefinedBecause(`no interval: ${info.degenerate}`), info };
  return { ci: definedInterval(lo, hi), info };
}
