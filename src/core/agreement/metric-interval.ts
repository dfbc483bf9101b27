import type { Interval } from './estimate.js';
import type { MetricKey, ScopeResult } from './agreement-result.js';

/**
 * Where a coefficient's 95% interval may be, in order of preference: the
 * bootstrap's (computed only when asked for, with --bootstrap N), then the
 * analytic one.
 */
const INTERVAL_SUFFIXES = ['_boot_ci', '_ci'] as const;

/** Whether the interval intervalOf gives for a coefficient is the bootstrap's. */
export function isBootstrapInterval(result: ScopeResult, coefficient: MetricKey): boolean {
  return Array.isArray((result.metrics as Record<string, unknown>)[`${coefficient}_boot_ci`]);
}

/**
 * The 95% interval of a coefficient in a result, by the naming rule of
 * AgreementResult (`<coefficient>_boot_ci`, else `<coefficient>_ci`): the
 * interval, null when it is undefined (the reason is in the notes), undefined
 * when the result has none (not computed, e.g. α without a bootstrap). Tables
 * and figures read intervals only through here, so every interval the
 * computation adds shows.
 */
export function intervalOf(result: ScopeResult, coefficient: MetricKey): Interval | null | undefined {
  const metrics = result.metrics as Record<string, unknown>;
  let undefinedOne = false;
  for (const suffix of INTERVAL_SUFFIXES) {
    const key = `${coefficient}${suffix}`;
    if (!(key in metrics)) continue;
    const v = metrics[key];
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) return v as unknown as Interval;
    if (v === null) undefinedOne = true;
  }
  return undefinedOne ? null : undefined;
}
