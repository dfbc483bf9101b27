import path from 'node:path';
import { z } from 'zod';
import { DATE_BINS } from '../../core/analysis/date-bins.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { recordOutput } from '../../io/manifest.js';
import { commandLine } from '../study-options.js';
import { CHART_FORMATS, renderChart, type ChartFormat } from '../../io/render-chart.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { addCoderOptions, coderOptionShape } from '../analysis-options.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { buildFigure, PLOT_KINDS } from '../study-figures.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...coderOptionShape,
  output: z.string().min(1),
  format: z.enum(CHART_FORMATS as [ChartFormat, ...ChartFormat[]]).optional(),
  coders: z.string().transform((s) => s.split(',').map((x) => x.trim())).pipe(z.array(z.string().min(1))).optional(),
  by: z.string().min(1).optional(),
  bin: z.enum(DATE_BINS).optional(),
  bootstrap: z.coerce.number().int().min(1).max(1_000_000).optional(),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  dpi: z.coerce.number().int().min(36).max(1200).default(300),
});

const plot: CommandModule = (cmd, ctx) => {
  addCoderOptions(cmd)
    .description('figures for papers: reliability (forest plot), frequencies (by group, over time), co-occurrence, confusion matrices')
    .argument('<kind>', PLOT_KINDS.join(', '))
    .requiredOption('-o, --output <file>', 'figure file: .svg, .png or .pdf (the format follows the extension)')
    .option('--format <format>', `svg, png or pdf, whatever the extension`)
    .option('--coders <a,b,...>', 'reliability, confusion: the coders compared (default: every imported or annotated coder)')
    .option('--by <key>', 'frequencies: one bar per group of a metadata key (or doc); with --bin, the date key')
    .option('--bin <unit>', `frequencies over time: ${DATE_BINS.join(', ')} periods of the --by date key`)
    .option('--bootstrap <n>', "reliability: bootstrap resamples for α's interval")
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--dpi <n>', 'PNG resolution (default 300)');
  defineAction(cmd, ctx, Options, async (opts, [kind]) => {
    if (!PLOT_KINDS.includes(kind as never)) {
      throw new QcodeError([diag('QC001', `unknown figure '${kind}'`, { hint: `choose one of ${PLOT_KINDS.join(', ')}` })]);
    }
    const target = path.resolve(ctx.io.cwd, opts.output);
    const ext = path.extname(target).slice(1).toLowerCase();
    const format = opts.format ?? (CHART_FORMATS.includes(ext as ChartFormat) ? (ext as ChartFormat) : undefined);
    if (!format) throw new QcodeError([diag('QC001', `cannot tell the figure format from '${opts.output}'`, { hint: 'end the file name in .svg, .png or .pdf, or give --format' })]);
    const bootstrap = opts.bootstrap ? { resamples: opts.bootstrap, seed: opts.seed } : undefined;
    const { figure, study } = await buildFigure(ctx, kind as (typeof PLOT_KINDS)[number], { ...opts, bootstrap });
    const content = await renderChart(figure.spec, format, { title: figure.title, dpi: opts.dpi });
    await writeFileAtomic(target, content);
    await recordOutput(study, { file: target, command: commandLine(ctx), content, ...(bootstrap ? { seed: opts.seed } : {}) });
    ctx.note(`${kind} → ${ctx.display(target)}`);
  });
};

export default plot;
