import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { CHART_FONT } from '../core/plot/chart-style.js';
import { QCODE_VERSION } from '../core/util/version.js';

export type ChartFormat = 'svg' | 'png' | 'pdf';
export const CHART_FORMATS: readonly ChartFormat[] = ['svg', 'png', 'pdf'];

/**
 * Renders a Vega-Lite figure without a browser: Vega's headless SVG renderer
 * (text measured with the embedded face's own metrics), resvg for PNG, and
 * PDFKit with svg-to-pdfkit for PDF with the face embedded. The libraries
 * load here, on first use, so other commands never pay for them. Output is
 * byte-identical on a rerun: no dates, clip ids counted from zero each time.
 */

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
};
const fontPath = (weight: keyof typeof FONT_FILES) => require.resolve(FONT_FILES[weight]);

interface Libraries {
  vega: typeof import('vega');
  compile: typeof import('vega-lite').compile;
}

let libraries: Promise<Libraries> | undefined;

/** Vega and Vega-Lite, with text measured in the face PNG and PDF draw, so labels fit. */
function loadLibraries(): Promise<Libraries> {
  libraries ??= (async () => {
    const [vega, vegaLite, fontkit] = await Promise.all([import('vega'), import('vega-lite'), import('fontkit')]);
    const faces = {
      regular: fontkit.openSync(fontPath('regular')),
      bold: fontkit.openSync(fontPath('bold')),
    };
    const cache = new Map<string, number>();
    vega.textMetrics.width = (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => {
      const s = text == null ? '' : String(text).trim();
      const size = item.fontSize ?? 11;
      const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
      const key = `${bold ? 'b' : 'r'}${size}:${s}`;
      let w = cache.get(key);
      if (w === undefined) {
        const face = bold ? faces.bold : faces.regular;
        w = (face.layout(s).advanceWidth / face.unitsPerEm) * size;
        cache.set(key, w);
      }
      return w;
    };
    return { vega, compile: vegaLite.compile };
  })();
  return libraries;
}

/** A figure's Vega-Lite spec as a standalone SVG document. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const { vega, compile } = await loadLibraries();
  // Vega-Lite's and Vega's warnings (e.g. on faceted independent scales) are for spec authors, not users.
  const quiet = { level: () => quiet, error: (e: unknown) => { throw e instanceof Error ? e : new Error(String(e)); }, warn: () => quiet, info: () => quiet, debug: () => quiet };
  const view = new vega.View(vega.parse(compile(spec as never, { logger: quiet as never }).spec), { renderer: 'none', logLevel: vega.Error });
  vega.resetSVGDefIds();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

function svgSize(svg: string): [number, number] {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('rendered SVG has no width and height');
  return [Number(m[1]), Number(m[2])];
}

/** PNG at `dpi`, an SVG unit being a point (1/72 in). */
export async function renderPng(svg: string, dpi = 300): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / 72 },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: [fontPath('regular'), fontPath('bold')], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}

/** A one-page PDF the size of the figure, its face embedded, dated at the epoch. */
export async function renderPdf(svg: string, title: string): Promise<Uint8Array> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }, regular, bold] = await Promise.all([
    import('pdfkit'),
    import('svg-to-pdfkit'),
    readFile(fontPath('regular')),
    readFile(fontPath('bold')),
  ]);
  const [width, height] = svgSize(svg);
  // A fixed creation date (the epoch, as reproducible builds use) keeps the file and its identifier the same on every run.
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    font: fontPath('regular'),
    info: { CreationDate: new Date(0), Title: title, Creator: `qcode ${QCODE_VERSION}`, Producer: 'qcode' },
  });
  doc.registerFont(CHART_FONT, regular);
  doc.registerFont(`${CHART_FONT}-Bold`, bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  SVGtoPDF(doc, svg, 0, 0, { fontCallback: (_family: string, isBold: boolean) => (isBold ? `${CHART_FONT}-Bold` : CHART_FONT) });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A figure in the given format: SVG text, or PNG/PDF bytes. */
export async function renderChart(spec: Record<string, unknown>, format: ChartFormat, options: { title: string; dpi?: number }): Promise<string | Uint8Array> {
  const svg = await renderSvg(spec);
  if (format === 'svg') return svg;
  return format === 'png' ? renderPng(svg, options.dpi) : renderPdf(svg, options.title);
}
