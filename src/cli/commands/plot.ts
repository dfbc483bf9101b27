import path from 'node:path';
import { z } from 'zod';
import { DATE_BINS } from '../../core/analysis/date-bins.js';
import { CoderListSchema } from '../../core/model/coder.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { CHART_FORMATS, renderChart, type ChartFormat } from '../../io/render-chart.js';
import { addOutputOptions, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addCoderOptions, coderOptionShape } from '../analysis-options.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { buildFigure, PLOT_KINDS } from '../study-figures.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...coderOptionShape,
  ...outputOptionShape,
  format: z.enum(CHART_FORMATS as [ChartFormat, ...ChartFormat[]]).optional(),
  coders: CoderListSchema.optional(),
  by: z.string().min(1).optional(),
  bin: z.enum(DATE_BINS).optional(),
  bootstrap: z.coerce.number().int().min(1).max(1_000_000).optional(),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  dpi: z.coerce.number().int().min(36).max(1200).default(300),
  order: z.enum(['doc', 'date', 'random']).default('doc'),
});

const plot: CommandModule = (cmd, ctx) => {
  addOutputOptions(addCoderOptions(cmd), 'figure file: .svg, .png or .pdf, the format following the extension (default: <out>/figures/<kind>.svg)', { stdout: false })
    .description('figures for papers: reliability (forest plot), frequencies (by group, over time), co-occurrence, confusion matrices, saturation')
    .argument('<kind>', PLOT_KINDS.join(', '))
    .option('--format <format>', `svg, png or pdf, whatever the extension`)
    .option('--coders <a,b,...>', 'reliability, confusion: the coders compared (default: every imported or annotated coder)')
    .option('--by <key>', 'frequencies: one bar per group of a metadata key (or doc); with --bin, the date key')
    .option('--bin <unit>', `frequencies over time: ${DATE_BINS.join(', ')} periods of the --by date key`)
    .option('--bootstrap <n>', "reliability: bootstrap resamples for α's interval")
    .option('--seed <n>', 'seed of the bootstrap, or of saturation --order random', '1')
    .option('--order <order>', 'saturation: documents in corpus order (doc), by date, or random')
    .option('--dpi <n>', 'PNG resolution (default 300)');
  defineAction(cmd, ctx, Options, async (opts, [kind]) => {
    if (!PLOT_KINDS.includes(kind as never)) {
      throw new QcodeError([diag('QC001', `unknown figure '${kind}'`, { hint: `choose one of ${PLOT_KINDS.join(', ')}` })]);
    }
    const ext = opts.output ? path.extname(opts.output).slice(1).toLowerCase() : 'svg';
    const format = opts.format ?? (CHART_FORMATS.includes(ext as ChartFormat) ? (ext as ChartFormat) : undefined);
    if (!format) throw new QcodeError([diag('QC001', `cannot tell the figure format from '${opts.output}'`, { hint: 'end the file name in .svg, .png or .pdf, or give --format' })]);
    const bootstrap = opts.bootstrap ? { resamples: opts.bootstrap, seed: opts.seed } : undefined;
    const { figure, study } = await buildFigure(ctx, kind as (typeof PLOT_KINDS)[number], { ...opts, bootstrap });
    const content = await renderChart(figure.spec, format, { title: figure.title, dpi: opts.dpi });
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `figures/${kind}.${format}` });
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', ...(bootstrap ? { seed: opts.seed } : {}) }], opts);
    ctx.note(`${kind} → ${ctx.display(target)}`);
  });
};

export default plot;
