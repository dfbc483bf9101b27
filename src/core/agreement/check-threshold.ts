import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { COEFFICIENT_KEYS, type AgreementResult, type MetricKey } from './agreement-result.js';

export interface ThresholdOptions {
  threshold: number;
  metric: MetricKey;
  /** Check every per-code result instead of the pooled one. */
  each: boolean;
}

/**
 * The `--fail-under` gate: the pooled result (or the variable of --ratings),
 * or with `each` every per-code result, must reach the threshold. An
 * undefined value cannot pass a gate and fails it, with its reason.
 * Returns one QC606 diagnostic per failure; a metric the data do not have is
 * a QC607 error thrown by the caller's choice (returned separately).
 */
export function checkThreshold(result: AgreementResult, options: ThresholdOptions): { failures: Diagnostic[]; unknown: Diagnostic | null } {
  const { threshold, metric, each } = options;
  if (!(COEFFICIENT_KEYS as readonly string[]).includes(metric)) {
    return { failures: [], unknown: diag('QC607', `--metric ${metric} is not a coefficient; choose one of ${COEFFICIENT_KEYS.join(', ')}`) };
  }
  const targets = result.results.filter((r) =>
    each ? r.scope === 'code' || r.scope === 'variable' : r.scope === 'pooled' || r.scope === 'variable',
  );
  if (targets.length === 0 || targets.every((r) => !(metric in r.metrics))) {
    return { failures: [], unknown: diag('QC607', `${metric} is not computed for these data (for example Cohen’s κ needs exactly two coders)`) };
  }
  const failures: Diagnostic[] = [];
  for (const r of targets) {
    if (!(metric in r.metrics)) continue;
    const v = r.metrics[metric];
    const where = `${r.scope} ${r.id}`;
    if (v === null) {
      const reason = r.notes.find((n) => n.split(': ')[0]!.split(', ').includes(metric)) ?? 'undefined';
      failures.push(diag('QC606', `${where}: ${metric} is undefined and cannot reach ${threshold} (${reason})`));
    } else if (typeof v === 'number' && v < threshold) {
      failures.push(diag('QC606', `${where}: ${metric} = ${v.toFixed(3)} is below ${threshold}`));
    }
  }
  return { failures, unknown: null };
}
