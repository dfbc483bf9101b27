import type { FrequencyRow, FrequencyTable } from '../analysis/frequency-table.js';
import { MISSING_GROUP } from '../analysis/group-key.js';
import { chartConfig, PLOT_WIDTH } from './chart-style.js';
import { VEGA_LITE_SCHEMA, type Figure } from './figure.js';

/** The rows a frequency figure draws: codes, or categories when the table has no code rows. */
function drawnRows(ft: FrequencyTable): FrequencyRow[] {
  const codes = ft.rows.filter((r) => r.code !== null);
  return codes.length ? codes : ft.rows;
}

const label = (r: FrequencyRow) => r.code ?? `${r.category} (any)`;

function dataTable(ft: FrequencyTable, title: string) {
  const rows = drawnRows(ft);
  return {
    title,
    columns: [
      ...(ft.by ? [{ key: 'group', label: ft.by }] : []),
      { key: 'code', label: 'Code' },
      { key: 'segments', label: 'Segments', kind: 'integer' as const },
      { key: 'segment_share', label: '% segments', kind: 'share' as const },
    ],
    rows: rows.map((r) => [...(ft.by ? [r.group] : []), label(r), r.segments, r.segment_share]),
    footnotes: [],
  };
}

/**
 * Frequencies as horizontal bars: the share of reviewed segments with each
 * code, in codebook order, in the code's colour; by group (`--by`), one bar
 * per group in the palette's colours.
 */
export function frequencyFigure(ft: FrequencyTable, coder: string, colours: ReadonlyMap<string, string>): Figure {
  const rows = drawnRows(ft);
  const codes = [...new Set(rows.map(label))];
  const groups = ft.groups.map((g) => g.group ?? '');
  const title = ft.by ? `Codes by ${ft.by} (coder ${coder})` : `Code frequencies (coder ${coder})`;
  const values = rows.map((r) => ({ code: label(r), group: r.group ?? '', share: r.segment_share, segments: r.segments }));
  const colour = ft.by
    ? { field: 'group', type: 'nominal', sort: groups, title: ft.by }
    : { field: 'code', type: 'nominal', legend: null, scale: { domain: codes, range: codes.map((c) => colours.get(c) ?? '#0072B2') } };
  return {
    title,
    description: `Bar chart of the share of reviewed segments coded with each of ${codes.length} codes${ft.by ? `, one bar per ${ft.by} (${groups.join(', ')})` : ''}; coder ${coder}.`,
    data: dataTable(ft, title),
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      description: title,
      width: PLOT_WIDTH,
      height: codes.length * (ft.by ? 5 * groups.length + 4 : 11),
      config: chartConfig(),
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'code', type: 'nominal', sort: codes, title: null },
        ...(ft.by ? { yOffset: { field: 'group', sort: groups } } : {}),
        x: { field: 'share', type: 'quantitative', axis: { format: '.0%' }, title: '% of reviewed segments' },
        color: colour,
      },
    },
  };
}

/**
 * Frequencies over time: per code, the share of the period's reviewed segments
 * with the code, one line per code in its colour, one panel per category;
 * periods (from `--by <date key> --bin`) in time order, undated left out.
 */
export function timelineFigure(ft: FrequencyTable, coder: string, colours: ReadonlyMap<string, string>): Figure {
  const rows = drawnRows(ft).filter((r) => r.group !== MISSING_GROUP);
  const periods = [...new Set(rows.map((r) => r.group ?? ''))].sort();
  const codes = [...new Set(rows.map(label))];
  const categories = [...new Set(rows.map((r) => r.category))];
  const title = `Codes over time by ${ft.by} (coder ${coder})`;
  const values = rows.map((r) => ({ period: r.group ?? '', code: label(r), category: r.category, share: r.segment_share, segments: r.segments }));
  const undated = ft.groups.find((g) => g.group === MISSING_GROUP);
  return {
    title,
    description: `Line chart of the share of reviewed segments with each code per period (${periods[0]} to ${periods[periods.length - 1]}), one panel per category; coder ${coder}.${undated ? ` ${undated.segments} segments of undated documents left out.` : ''}`,
    data: dataTable(ft, title),
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      description: title,
      config: chartConfig(),
      data: { values },
      facet: { row: { field: 'category', type: 'nominal', sort: categories, title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start' } } },
      spec: {
        width: PLOT_WIDTH,
        height: 70,
        layer: [{ mark: { type: 'line', strokeWidth: 1.3 } }, { mark: { type: 'point', filled: true, size: 14 } }],
        encoding: {
          x: { field: 'period', type: 'ordinal', sort: periods, title: null, axis: { labelAngle: -45 } },
          y: { field: 'share', type: 'quantitative', axis: { format: '.0%', tickCount: 3 }, title: '% of segments' },
          color: {
            field: 'code',
            type: 'nominal',
            sort: codes,
            title: null,
            scale: { domain: codes, range: codes.map((c) => colours.get(c) ?? '#0072B2') },
            legend: { orient: 'right', direction: 'vertical' },
          },
        },
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}
