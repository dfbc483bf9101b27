import path from 'node:path';
import { z } from 'zod';
import { METRIC_KEYS, type AgreementResult, type MetricKey } from '../../core/agreement/agreement-result.js';
import { checkCodingsOptions, checkComparedCoders } from '../../core/agreement/check-agree-options.js';
import { checkThreshold } from '../../core/agreement/check-threshold.js';
import { agreementOptions, computeVariableAgreement, type AgreementOptions } from '../../core/agreement/compute-agreement.js';
import { computeReviewedScopes, reviewedUnitsOf } from '../../core/agreement/compute-scopes.js';
import { formatAgreement } from '../../core/agreement/format-agreement.js';
import { LEVELS } from '../../core/agreement/ratings-table.js';
import { CoderListSchema } from '../../core/model/coder.js';
import { QcodeError } from '../../core/diagnostics/qcode-error.js';
import { coderOfFile } from '../../io/coding-file.js';
import { readRatingsFile } from '../../io/read-ratings.js';
import { defineAction, globalOptionShape, type CommandContext, type CommandModule } from '../command-kit.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';
import { openCompactStudy, openNamedCompactCoders } from '../compact-study.js';
import { addAgreeOutputOptions, agreeOutputOptionShape, chooseFormat, chooseView, emitText, orOnSpans, ratingsOutputFacts, type OutputFacts } from '../agree-spans.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...agreeOutputOptionShape,
  coders: CoderListSchema.optional(),
  ratings: z.string().min(1).optional(),
  level: z.enum(LEVELS).default('nominal'),
  categories: z.string().transform((s) => s.split(',').map((x) => x.trim())).pipe(z.array(z.string().min(1, 'empty name in the list'))).optional(),
  bootstrap: z.coerce.number().int().min(1).max(1_000_000).optional(),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  completeUnits: z.boolean().default(false),
  failUnder: z.coerce.number().min(-1).max(1).optional(),
  metric: z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]]).default('krippendorff_alpha'),
  each: z.boolean().default(false),
});
type Opts = z.infer<typeof Options>;

const agree: CommandModule = (cmd, ctx) => {
  addAgreeOutputOptions(addStudyOptions(cmd))
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
  defineAction(cmd, ctx, Options, orOnSpans(ctx, async (opts, files) => {
    const how = agreementOptions(opts);
    const { result, facts } = opts.ratings ? await fromRatings(ctx, opts, opts.ratings, how) : await fromCodings(ctx, opts, files, how);
    await emitText(ctx, facts, formatAgreement(result, chooseFormat(opts), { level: opts.level, view: chooseView(opts, chooseFormat(opts)) }), opts, { level: opts.level });
    if (opts.failUnder === undefined) return 0;
    const gate = checkThreshold(result, { threshold: opts.failUnder, metric: opts.metric, each: opts.each });
    if (gate.unknown) throw new QcodeError([gate.unknown]);
    if (gate.failures.length > 0) ctx.printDiagnostics(gate.failures);
    else ctx.note(`${opts.metric} reaches ${opts.failUnder}${opts.each ? ' for every code' : ''}`);
    return gate.failures.length > 0 ? 1 : 0;
  }));
};

type Agreement = Promise<{ result: AgreementResult; facts: OutputFacts }>;
async function fromRatings(ctx: CommandContext, opts: Opts, ratings: string, how: AgreementOptions): Agreement {
  const file = path.resolve(ctx.io.cwd, ratings);
  const parsed = await readRatingsFile(file, { level: opts.level, ...(opts.categories ? { categories: opts.categories } : {}), display: (p) => ctx.display(p) });
  ctx.report(parsed.diagnostics);
  return { result: computeVariableAgreement(parsed.table, ratings, how), facts: ratingsOutputFacts(ctx, opts, file) };
}

/** Coders by name (their files below the out folder) and coding files by path, each named for its coder. */
async function fromCodings(ctx: CommandContext, opts: Opts, files: string[], how: AgreementOptions): Agreement {
  ctx.report(checkCodingsOptions(opts));
  const byFile = files.map((f) => path.resolve(ctx.io.cwd, f)).map((file) => ({ coder: coderOfFile(file), file }));
  const study = await openCompactStudy(ctx, opts), coders = await openNamedCompactCoders(ctx, study, [...(opts.coders ?? []), ...byFile]);
  ctx.report(checkComparedCoders(coders.map((c) => c.coder)));
  return { result: computeReviewedScopes(study.codebook, reviewedUnitsOf(coders), how), facts: study };
}

export default agree;
