// What Vega exports beyond its published types, used by render-chart.ts.
export {};

declare module 'vega' {
  /** Vega measures text with this; replaceable (as vl-convert does). */
  export const textMetrics: { width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number };
  /** Restarts the counters of clip-path and gradient ids in SVG output. */
  export function resetSVGDefIds(): void;
}
