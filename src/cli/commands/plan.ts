import { z } from 'zod';
import { alphaPlanFullTable, alphaPlanTable, intervalPlanTable } from '../../core/agreement/format-plan.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import type { Table } from '../../core/format/table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addFormatOption, formatOptionShape, printTables } from '../table-output.js';

const share = z.coerce.number().gt(0).lt(1);
const Options = z.strictObject({
  ...globalOptionShape,
  ...formatOptionShape,
  alphaMin: share.optional(),
  p: z.coerce.number().gt(0).lt(0.5).default(0.05),
  smallestShare: z.coerce.number().gt(0).max(0.5).optional(),
  categories: z.coerce.number().int().min(2).optional(),
  table: z.boolean().default(false),
  halfWidth: share.optional(),
  kappa: z.coerce.number().gt(-1).lt(1).default(0.7),
  prevalence: share.default(0.5),
});

const plan: CommandModule = (cmd, ctx) => {
  addFormatOption(cmd)
    .description('how many units to double-code: for α ≥ α_min (Krippendorff 2019), or for an interval of a given half-width')
    .option('--alpha-min <a>', 'the smallest acceptable Krippendorff’s α (e.g. 0.8)')
    .option('--p <p>', 'significance level of the test that α exceeds α_min', '0.05')
    .option('--smallest-share <pc>', 'expected share of the rarest category (at most 0.5)')
    .option('--categories <q>', 'q equally used categories (smallest share 1/q)')
    .option('--table', 'print Krippendorff’s whole table (α_min .667/.800/.900 × p .100/.050/.010/.005, 2–10 categories)')
    .option('--half-width <e>', 'half-width of the 95% interval wanted, e.g. 0.1 for ±0.1')
    .option('--kappa <k>', 'with --half-width: the κ expected', '0.7')
    .option('--prevalence <pi>', 'with --half-width: the expected share of the first of two categories', '0.5');
  defineAction(cmd, ctx, Options, async (opts) => {
    const tables: Table[] = [];
    if (opts.table) tables.push(alphaPlanFullTable());
    if (opts.alphaMin !== undefined) {
      const smallestShare = opts.smallestShare ?? (opts.categories ? 1 / opts.categories : undefined);
      if (smallestShare === undefined) throw new QcodeError([diag('QC001', '--alpha-min needs --smallest-share or --categories')]);
      tables.push(alphaPlanTable({ alphaMin: opts.alphaMin, p: opts.p, smallestShare }));
    }
    if (opts.halfWidth !== undefined) {
      const { halfWidth, kappa, prevalence } = opts;
      const floor = -Math.min(prevalence, 1 - prevalence) / Math.max(prevalence, 1 - prevalence);
      if (kappa < floor) throw new QcodeError([diag('QC001', `--kappa ${kappa} is impossible at prevalence ${prevalence} (at least ${floor.toFixed(3)})`)]);
      tables.push(intervalPlanTable({ halfWidth, kappa, prevalence }));
    }
    if (tables.length === 0) {
      throw new QcodeError([diag('QC001', 'say what to plan for: --alpha-min with --smallest-share or --categories, --half-width, or --table')]);
    }
    printTables(ctx, tables, opts);
  });
};

export default plan;
