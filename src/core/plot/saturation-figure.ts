import type { Saturation } from '../analysis/saturation.js';
import { chartConfig, OKABE_ITO, PLOT_WIDTH } from './chart-style.js';
import { VEGA_LITE_SCHEMA, type Figure } from './figure.js';

/**
 * Code saturation as a step curve: distinct codes against documents added,
 * a dot where a document brought a new code, and a dashed line at the last
 * such document (after which no new code appeared).
 */
export function saturationFigure(s: Saturation, coder: string): Figure {
  const how = s.order === 'random' ? `random order, seed ${s.seed}` : s.order === 'date' ? 'by date' : 'in corpus order';
  const title = `Code saturation (coder ${coder}, documents ${how})`;
  const values = s.steps.map((x) => ({ step: x.step, codes: x.distinct_codes, fresh: x.new_codes.length, document: x.document }));
  const x = { field: 'step', type: 'quantitative', title: 'Documents coded', axis: { tickMinStep: 1 } };
  const y = { field: 'codes', type: 'quantitative', title: 'Distinct codes', axis: { tickMinStep: 1 } };
  const last = s.steps[s.steps.length - 1];
  return {
    title,
    description: `Step curve of distinct codes as ${s.steps.length} documents are added (${how}): ${last?.distinct_codes ?? 0} codes in all; ${
      s.saturated_at === null ? 'no code was applied' : `the last new code came with document ${s.saturated_at}, and ${s.documents_after} documents after it brought none`
    }.`,
    data: {
      title,
      columns: [
        { key: 'step', label: 'Step', kind: 'integer' },
        { key: 'document', label: 'Document' },
        { key: 'new_codes', label: 'New codes', kind: 'integer' },
        { key: 'distinct_codes', label: 'Distinct codes', kind: 'integer' },
      ],
      rows: s.steps.map((r) => [r.step, r.document, r.new_codes.length, r.distinct_codes]),
      footnotes: [],
    },
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      description: title,
      width: PLOT_WIDTH,
      height: 120,
      config: chartConfig(),
      layer: [
        ...(s.saturated_at === null
          ? []
          : [{ data: { values: [{ step: s.saturated_at }] }, mark: { type: 'rule', strokeDash: [2, 2], color: '#999', strokeWidth: 0.7 }, encoding: { x } }]),
        { data: { values }, mark: { type: 'line', interpolate: 'step-after', color: OKABE_ITO[0], strokeWidth: 1.3 }, encoding: { x, y } },
        { data: { values }, transform: [{ filter: 'datum.fresh > 0' }], mark: { type: 'point', filled: true, size: 16, color: OKABE_ITO[0] }, encoding: { x, y } },
      ],
    },
  };
}
