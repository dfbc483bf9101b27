import type { Table } from '../format/table.js';

/**
 * A figure before rendering: a Vega-Lite specification (plain JSON, rendered
 * to SVG, PNG or PDF in src/io/render-chart.ts), its title, and its text
 * alternative: a sentence saying what it shows and the table of its data.
 */
export interface Figure {
  spec: Record<string, unknown>;
  title: string;
  description: string;
  data: Table;
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
