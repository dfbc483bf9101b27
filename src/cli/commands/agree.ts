import { z } from 'zod';
import { METRIC_KEYS, type MetricKey } from '../../core/agreement/agreement-result.js';
import { checkThreshold } from '../../core/agreement/check-threshold.js';
import { formatAgreement } from '../../core/agreement/format-agreement.js';
import { LEVELS } from '../../core/agreement/ratings-table.js';
import { QcodeError } from '../../core/diagnostics/qcode-error.js';
import { agreementFromCodings, agreementFromRatings, type AgreementInput } from '../agreement-input.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';
import { addFormatOption, chooseFormat, formatOptionShape } from '../table-output.js';

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(z.string().min(1, 'empty name in the list')));

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...formatOptionShape,
  coders: list.optional(),
  ratings: z.string().min(1).optional(),
  level: z.enum(LEVELS).default('nominal'),
  categories: list.optional(),
  bootstrap: z.coerce.number().int().min(1).max(1_000_000).optional(),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  completeUnits: z.boolean().default(false),
  failUnder: z.coerce.number().min(-1).max(1).optional(),
  metric: z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]]).default('krippendorff_alpha'),
  each: z.boolean().default(false),
});

const agree: CommandModule = (cmd, ctx) => {
  addFormatOption(addStudyOptions(cmd))
    .description('inter-coder reliability: per code, per exclusive category, pooled and mean; or --ratings for any coded variable')
    .argument('[files...]', 'coding files to compare (instead of, or besides, --coders)')
    .option('--coders <a,b,...>', 'coders to compare: reads <out>/codings/<coder>.csv')
    .option('--ratings <file>', 'a generic ratings table: wide (unit,<coder>,…) or long (unit,coder,value)')
    .option('--level <level>', `level of measurement for α and weighted κ: ${LEVELS.join(', ')}`, 'nominal')
    .option('--categories <a,b,...>', '--ratings: the category set in order, unused ones included')
    .option('--bootstrap <n>', 'bootstrap resamples of units: a percentile 95% interval for every coefficient')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--complete-units', 'use only units every coder coded (default: every unit with a value, as irrCAC and ReCal3)')
    .option('--fail-under <value>', 'exit 1 when the pooled value (with --each: any code) is below this')
    .option('--metric <name>', 'the coefficient --fail-under checks', 'krippendorff_alpha')
    .option('--each', 'with --fail-under: check every code, not only the pooled value');
  defineAction(cmd, ctx, Options, async (opts, files) => {
    const input: AgreementInput = {
      level: opts.level,
      categories: opts.categories,
      bootstrap: opts.bootstrap ? { resamples: opts.bootstrap, seed: opts.seed } : undefined,
      missing: opts.completeUnits ? 'complete' : 'available',
    };
    const result = opts.ratings ? await agreementFromRatings(ctx, opts.ratings, input) : await agreementFromCodings(ctx, opts, files, input);
    ctx.io.stdout.write(formatAgreement(result, chooseFormat(opts), { level: opts.level }));
    if (opts.failUnder === undefined) return 0;
    const gate = checkThreshold(result, { threshold: opts.failUnder, metric: opts.metric, each: opts.each });
    if (gate.unknown) throw new QcodeError([gate.unknown]);
    if (gate.failures.length > 0) {
      ctx.printDiagnostics(gate.failures);
      return 1;
    }
    ctx.note(`${opts.metric} reaches ${opts.failUnder}${opts.each ? ' for every code' : ''}`);
    return 0;
  });
};

export default agree;
