import type { AgreementResult } from '../agreement/agreement-result.js';
import { chartConfig } from './chart-style.js';
import { VEGA_LITE_SCHEMA, type Figure } from './figure.js';

/**
 * Confusion matrices of two coders, one small panel per code (and exclusive
 * category): the first coder's value down, the second's across, each cell
 * shaded by its share of the panel's units and labelled with its count.
 */
export function confusionFigure(result: AgreementResult): Figure {
  const scopes = result.results.filter((r) => r.confusion && r.scope !== 'pooled');
  const [a = 'coder 1', b = 'coder 2'] = result.coders;
  const cells = scopes.flatMap((r) => {
    const cm = r.confusion!;
    const total = cm.counts.flat().reduce((x, y) => x + y, 0) || 1;
    return cm.categories.flatMap((ra, i) => cm.categories.map((cb, j) => ({ scope: r.id, a: ra, b: cb, count: cm.counts[i]![j]!, share: cm.counts[i]![j]! / total })));
  });
  const title = `Confusion matrices: ${a} (rows) × ${b} (columns)`;
  return {
    title,
    description: `${scopes.length} confusion matrices, one per ${scopes.some((r) => r.scope === 'category') ? 'code and exclusive category' : 'code'}: rows ${a}'s value, columns ${b}'s, each cell the number of units; agreement lies on the diagonal.`,
    data: {
      title,
      columns: [
        { key: 'scope', label: 'Scope' },
        { key: 'a', label: a },
        { key: 'b', label: b },
        { key: 'count', label: 'Units', kind: 'integer' },
      ],
      rows: cells.map((c) => [c.scope, c.a, c.b, c.count]),
      footnotes: [],
    },
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      description: title,
      config: chartConfig(),
      data: { values: cells },
      facet: { field: 'scope', type: 'nominal', sort: scopes.map((r) => r.id), title: null },
      columns: 3,
      spec: {
        width: { step: 32 },
        height: { step: 16 },
        encoding: {
          x: { field: 'b', type: 'nominal', sort: null, title: b, axis: { labelAngle: 0 } },
          y: { field: 'a', type: 'nominal', sort: null, title: a },
        },
        layer: [
          { mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 }, encoding: { color: { field: 'share', type: 'quantitative', scale: { scheme: 'greys', domain: [0, 1] }, legend: null } } },
          { mark: { type: 'text', fontSize: 7 }, encoding: { text: { field: 'count', type: 'quantitative' }, color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: '#222' } } },
        ],
      },
      resolve: { scale: { x: 'independent', y: 'independent' } },
    },
  };
}
