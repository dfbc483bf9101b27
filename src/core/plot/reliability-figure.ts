import type { AgreementResult, MetricKey, ScopeResult } from '../agreement/agreement-result.js';
import { intervalOf } from '../agreement/metric-interval.js';
import { chartConfig, PLOT_WIDTH } from './chart-style.js';
import { VEGA_LITE_SCHEMA, type Figure } from './figure.js';
import { maxOf, minOf } from '../util/bulk-array.js';

const NAMES: Partial<Record<MetricKey, string>> = {
  cohen_kappa: 'Cohen’s κ',
  fleiss_kappa: 'Fleiss’ κ',
  krippendorff_alpha: 'Krippendorff’s α',
  gwet_ac1: 'Gwet’s AC1',
};

function scopeLabel(r: ScopeResult): string {
  if (r.scope === 'pooled') return 'Pooled';
  if (r.scope === 'category') return `${r.id} (category)`;
  return r.id;
}

interface Point {
  scope: string;
  coefficient: string;
  value: number;
  lower: number | null;
  upper: number | null;
}

/**
 * A forest plot of reliability: per code (then category and pooled), κ, α and
 * AC1 as points with their 95% intervals as lines, wherever the result has an
 * interval (read through intervalOf, so intervals added later appear).
 * Krippendorff's .667 and .800 are dashed guides. Undefined values are left
 * out and named in the text alternative.
 */
export function reliabilityFigure(result: AgreementResult): Figure {
  const scopes = result.results.filter((r) => r.scope !== 'mean');
  const kappa: MetricKey = scopes.some((r) => 'cohen_kappa' in r.metrics) ? 'cohen_kappa' : 'fleiss_kappa';
  const keys = ([kappa, 'krippendorff_alpha', 'gwet_ac1'] as MetricKey[]).filter((k) => scopes.some((r) => k in r.metrics));
  const points: Point[] = [];
  const missing: string[] = [];
  for (const r of scopes) {
    for (const k of keys) {
      const v = r.metrics[k];
      if (typeof v !== 'number') {
        if (k in r.metrics) missing.push(`${NAMES[k]} for ${scopeLabel(r)}`);
        continue;
      }
      const ci = intervalOf(r, k);
      points.push({ scope: scopeLabel(r), coefficient: NAMES[k]!, value: v, lower: ci ? ci[0] : null, upper: ci ? ci[1] : null });
    }
  }
  const low = minOf(0, points.map((p) => Math.min(p.value, p.lower ?? p.value)));
  const high = maxOf(1, points.map((p) => p.upper ?? p.value));
  const domain = [Math.floor(low * 10) / 10, Math.ceil(high * 10) / 10];
  const scopeOrder = scopes.map(scopeLabel);
  const names = keys.map((k) => NAMES[k]!);
  const y = { field: 'scope', type: 'nominal', sort: scopeOrder, title: null };
  const x = { type: 'quantitative', scale: { domain, nice: false }, title: 'Coefficient (point) with 95% interval (line)' };
  const color = { field: 'coefficient', type: 'nominal', sort: names, title: null };
  const title = `Inter-coder reliability: ${result.coders.join(', ')}`;
  return {
    title,
    description: `Forest plot of ${names.join(', ')} per ${scopes.some((r) => r.scope === 'code') ? 'code' : 'scope'}, with 95% intervals where computed, for coders ${result.coders.join(', ')} on ${result.units} units.${missing.length ? ` Undefined, not drawn: ${missing.join('; ')}.` : ''}`,
    data: {
      title,
      columns: [
        { key: 'scope', label: 'Scope' },
        { key: 'coefficient', label: 'Coefficient' },
        { key: 'value', label: 'Value', kind: 'number', digits: 3 },
        { key: 'lower', label: '95% lower', kind: 'number', digits: 3 },
        { key: 'upper', label: '95% upper', kind: 'number', digits: 3 },
      ],
      rows: points.map((p) => [p.scope, p.coefficient, p.value, p.lower, p.upper]),
      footnotes: [],
    },
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      description: title,
      width: PLOT_WIDTH,
      height: scopes.length * (6 * names.length + 6),
      config: chartConfig(),
      layer: [
        {
          data: { values: [{ x: 0.667 }, { x: 0.8 }] },
          mark: { type: 'rule', strokeDash: [2, 2], color: '#999', strokeWidth: 0.7 },
          encoding: { x: { field: 'x', ...x } },
        },
        {
          data: { values: points },
          transform: [{ filter: 'datum.lower != null' }],
          mark: { type: 'rule', strokeWidth: 1.2 },
          encoding: { y, yOffset: { field: 'coefficient', sort: names }, color, x: { field: 'lower', ...x }, x2: { field: 'upper' } },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 18, opacity: 1 },
          encoding: { y, yOffset: { field: 'coefficient', sort: names }, color, x: { field: 'value', ...x } },
        },
      ],
    },
  };
}
