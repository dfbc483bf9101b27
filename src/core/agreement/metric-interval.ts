import type { Interval } from './estimate.js';
import type { MetricKey, ScopeResult } from './agreement-result.js';

/**
 * The 95% interval of a coefficient in a result, by the naming rule of
 * AgreementResult (`<coefficient>_ci`): the interval, null when it is
 * undefined (the reason is in the notes), undefined when the result has none
 * (not computed, e.g. α without a bootstrap). Tables and figures read
 * intervals only through here, so every interval the computation adds shows.
 */
export function intervalOf(result: ScopeResult, coefficient: MetricKey): Interval | null | undefined {
  const key = `${coefficient}_ci`;
  if (!(key in result.metrics)) return undefined;
  const v = (result.metrics as Record<string, unknown>)[key];
  if (v === null) return null;
  return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number') ? (v as unknown as Interval) : undefined;
}
