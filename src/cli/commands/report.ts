import { z } from 'zod';
import { DATE_BINS } from '../../core/analysis/date-bins.js';
import { CoderListSchema, CoderNameSchema } from '../../core/model/coder.js';
import { formatMethodsSummary } from '../../core/report/methods-summary.js';
import { formatReportHtml, reportFigures } from '../../core/report/format-report-html.js';
import { renderSvg } from '../../io/render-chart.js';
import { DisagreementsWriter } from '../../core/disagreements/disagreements-writer.js';
import { writeDocumentRows } from '../../io/write-document-rows.js';
import { addOutputOptions, outputOptionShape, streamOutput } from '../output.js';
import { addCoderOptions, coderOptionShape } from '../analysis-options.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { readReportInput } from '../report-input.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...coderOptionShape,
  ...outputOptionShape,
  methods: z.boolean().default(false),
  coders: CoderListSchema.optional(),
  gold: CoderNameSchema.optional(),
  by: z.string().min(1).optional(),
  dateKey: z.string().min(1).default('date'),
  bin: z.enum(DATE_BINS).default('month'),
  bootstrap: z.coerce.number().int().min(1).max(100_000).default(1000),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
});

const report: CommandModule = (cmd, ctx) => {
  addOutputOptions(addCoderOptions(cmd), 'the HTML file (default: <out>/report.html)', { stdout: false })
    .description('the whole study as one self-contained HTML file: methods, codebook, sample, reliability, evaluation, frequencies, themes, provenance')
    .option('--methods', 'print only the methods summary, as text, and write nothing')
    .option('--coders <a,b,...>', 'the coders whose reliability is reported (default: every imported or annotated coder)')
    .option('--gold <coder>', 'the reference for the auto-coder (default: the adjudicated coder)')
    .option('--by <key>', 'frequencies by this metadata key (default: the key the sample was stratified by)')
    .option('--date-key <key>', 'frequencies over time by this date key (default: date)')
    .option('--bin <unit>', `periods over time: ${DATE_BINS.join(', ')} (default month)`)
    .option('--bootstrap <n>', "resamples for α's interval (default 1000)")
    .option('--seed <n>', 'seed of the bootstrap (default 1)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { input, study, target, disagreements } = await readReportInput(ctx, opts);
    if (opts.methods) return ctx.out(formatMethodsSummary(input).join('\n'));
    const figures = reportFigures(input);
    const svgs: Record<string, string> = {};
    for (const [key, figure] of Object.entries(figures)) svgs[key] = await renderSvg(figure.spec);
    const [head, tail] = formatReportHtml(input, figures, svgs);
    let bytes = 0;
    // The page around the disagreement rows, which come with their text from a pass over the corpus.
    const produce = async (write: (text: string) => Promise<void>) => {
      const counted = (text: string) => ((bytes += Buffer.byteLength(text)), write(text));
      await counted(head);
      if (disagreements && disagreements.rows > 0) {
        const rows = new DisagreementsWriter(disagreements, study.segments, study.codebook, 'html');
        await writeDocumentRows(study, { ...opts, display: (p) => ctx.display(p) }, rows, counted);
      }
      await counted(tail);
      return study;
    };
    await streamOutput(ctx, target, produce, { kind: 'derived', seed: opts.seed }, { force: opts.force, project: study.project });
    ctx.note(`report (${Object.keys(figures).length} figures, ${(bytes / 1024).toFixed(0)} KiB) → ${ctx.display(target)}`);
  });
};

export default report;
