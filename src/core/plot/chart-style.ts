import { listCodes, type Codebook } from '../model/codebook.js';

/**
 * How every qcode figure looks: Okabe & Ito's colour-blind-safe palette, one
 * sans-serif face, text readable at a journal's column width (a figure is
 * about 3.5 in wide, drawn in points), and nothing that carries no data
 * (no frame, light grid, no background).
 */

/** Okabe, M., & Ito, K. (2008). Color universal design; ordered so the first colours differ most, yellow last. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'] as const;

/** The face figures are drawn and measured in; PNG and PDF embed it, SVG names fallbacks. */
export const CHART_FONT = 'Inter';
export const CHART_FONT_STACK = `${CHART_FONT}, "Helvetica Neue", Arial, sans-serif`;

/** Width of a figure's plotting area, in points: with its labels, about a journal column. */
export const PLOT_WIDTH = 170;

/** Each code's colour: the codebook's where given, else the palette in codebook order. */
export function codeColours(codebook: Codebook): Map<string, string> {
  return new Map(listCodes(codebook).map((r) => [r.code.id, r.code.color ?? OKABE_ITO[r.order % OKABE_ITO.length]!]));
}

/** The Vega-Lite `config` of every figure. */
export function chartConfig(): Record<string, unknown> {
  const text = { labelFont: CHART_FONT_STACK, titleFont: CHART_FONT_STACK, labelFontSize: 8, titleFontSize: 9, titleFontWeight: 'normal' };
  return {
    font: CHART_FONT_STACK,
    background: null,
    padding: 4,
    view: { stroke: null },
    range: { category: [...OKABE_ITO] },
    axis: { ...text, domainColor: '#666', tickColor: '#666', gridColor: '#e6e6e6', labelColor: '#222', titleColor: '#222', titlePadding: 6 },
    legend: { ...text, orient: 'bottom', direction: 'horizontal', symbolSize: 40, columnPadding: 8, titleColor: '#222', labelColor: '#222' },
    header: { labelFont: CHART_FONT_STACK, titleFont: CHART_FONT_STACK, labelFontSize: 9, titleFontSize: 9 },
    title: { font: CHART_FONT_STACK, fontSize: 10, fontWeight: 'bold', anchor: 'start', offset: 6 },
    text: { font: CHART_FONT_STACK, fontSize: 7 },
  };
}
