import type { CooccurrenceRow } from '../analysis/cooccurrence.js';
import { chartConfig } from './chart-style.js';
import { VEGA_LITE_SCHEMA, type Figure } from './figure.js';
import { maxOf } from '../util/bulk-array.js';

/**
 * Co-occurrence as a heatmap: code × code, shaded by the Jaccard coefficient
 * over segments (a sequential, colour-blind-safe scale), the count of
 * segments with both codes written in each cell; the diagonal is left empty.
 */
export function cooccurrenceFigure(rows: readonly CooccurrenceRow[], coder: string): Figure {
  const codes: string[] = [];
  for (const r of rows) for (const c of [r.code_a, r.code_b]) if (!codes.includes(c)) codes.push(c);
  const cells = rows.flatMap((r) => {
    const v = { jaccard: r.segment_jaccard ?? 0, both: r.segments_both };
    return [
      { a: r.code_a, b: r.code_b, ...v },
      { a: r.code_b, b: r.code_a, ...v },
    ];
  });
  const title = `Code co-occurrence within segments (coder ${coder})`;
  const max = maxOf(0.01, cells.map((c) => c.jaccard));
  const axis = { type: 'nominal', sort: codes, title: null };
  return {
    title,
    description: `Heatmap of ${codes.length} codes against each other, shaded by the Jaccard coefficient of the segments they are on (darkest ${max.toFixed(2)}), with the number of segments carrying both codes; coder ${coder}.`,
    data: {
      title,
      columns: [
        { key: 'code_a', label: 'Code A' },
        { key: 'code_b', label: 'Code B' },
        { key: 'segments_both', label: 'Segments with both', kind: 'integer' },
        { key: 'segment_jaccard', label: 'Jaccard', kind: 'number', digits: 3 },
      ],
      rows: rows.map((r) => [r.code_a, r.code_b, r.segments_both, r.segment_jaccard]),
      footnotes: [],
    },
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      description: title,
      config: chartConfig(),
      width: { step: 16 },
      height: { step: 16 },
      data: { values: cells },
      encoding: { x: { field: 'b', ...axis, axis: { labelAngle: -45 } }, y: { field: 'a', ...axis } },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
          encoding: { color: { field: 'jaccard', type: 'quantitative', title: 'Jaccard', scale: { scheme: 'blues', domain: [0, max] }, legend: { orient: 'right', direction: 'vertical', gradientLength: 60 } } },
        },
        {
          transform: [{ filter: 'datum.both > 0' }],
          mark: { type: 'text', fontSize: 7 },
          encoding: { text: { field: 'both', type: 'quantitative' }, color: { condition: { test: `datum.jaccard > ${max / 2}`, value: 'white' }, value: '#222' } },
        },
      ],
    },
  };
}
