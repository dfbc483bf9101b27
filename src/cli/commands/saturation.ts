import { z } from 'zod';
import { computeTableSaturation, saturationTable } from '../../core/analysis/saturation.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addAnalysisOptions, analysisOptionShape } from '../analysis-options.js';
import { openCompactCodedStudy } from '../compact-study.js';
import { chooseFormat, printTables } from '../table-output.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...analysisOptionShape,
  order: z.enum(['doc', 'date', 'random']).default('doc'),
  seed: z.string().min(1).optional(),
});

const saturation: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd)
    .description('distinct codes (and new codes per document) as documents are added: did we code enough documents?')
    .option('--order <order>', 'doc (corpus order, default), date (the date metadata) or random', 'doc')
    .option('--seed <seed>', 'with --order random: an integer 0..4294967295 or any text (default 1)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const seed = opts.seed === undefined ? null : /^(0|[1-9]\d{0,8})$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
    // The tables, then the steps, go out of reach before the table of steps (one row per document) is rendered: at 1 GB they are 200 MB of it.
    const out = await (async () => {
      const study = await openCompactCodedStudy(ctx, opts);
      const result = computeTableSaturation(study.codings, opts.order, seed);
      return chooseFormat(opts) === 'json' ? { json: { coder: study.coder, ...result } } : { table: saturationTable(result, study.coder) };
    })();
    if (out.json) ctx.outJson(out.json);
    else printTables(ctx, [out.table], opts);
  });
};

export default saturation;
