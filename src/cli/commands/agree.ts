import path from 'node:path';
import { z } from 'zod';
import { METRIC_KEYS, type AgreementResult } from '../../core/agreement/agreement-result.js';
import { checkThreshold } from '../../core/agreement/check-threshold.js';
import { computeAgreementMetrics } from '../../core/agreement/compute-agreement.js';
import { computeScopes, type CoderCodings } from '../../core/agreement/compute-scopes.js';
import { formatAgreement } from '../../core/agreement/format-agreement.js';
import { LEVELS } from '../../core/agreement/ratings-table.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { readCodingFile } from '../../io/coding-file.js';
import { readRatingsFile } from '../../io/read-ratings.js';
import { defineAction, globalOptionShape, type CommandContext, type CommandModule } from '../command-kit.js';
import { addStudyOptions, openCoder, openStudy, studyOptionShape } from '../study-options.js';
import { addFormatOption, chooseFormat, chooseView, formatOptionShape } from '../table-output.js';

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
  failUnder: z.coerce.number().min(-1).max(1).optional(),
  metric: z.enum(METRIC_KEYS).default('krippendorff_alpha'),
  each: z.boolean().default(false),
});
type Opts = z.infer<typeof Options>;

const agree: CommandModule = (cmd, ctx) => {
  addFormatOption(addStudyOptions(cmd))
    .description('inter-coder reliability: per code, per exclusive category, pooled and mean; or --ratings for any coded variable')
    .argument('[files...]', 'coding files to compare (instead of, or besides, --coders)')
    .option('--coders <a,b,...>', 'coders to compare: reads <out>/codings/<coder>.csv')
    .option('--ratings <file>', 'a generic ratings table: wide (unit,<coder>,…) or long (unit,coder,value)')
    .option('--level <level>', `level of measurement for α and weighted κ: ${LEVELS.join(', ')}`, 'nominal')
    .option('--categories <a,b,...>', '--ratings: the category set in order, unused ones included')
    .option('--bootstrap <n>', 'bootstrap resamples for a 95% interval of α')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--fail-under <value>', 'exit 1 when the pooled value (with --each: any code) is below this')
    .option('--metric <name>', 'the coefficient --fail-under checks', 'krippendorff_alpha')
    .option('--each', 'with --fail-under: check every code, not only the pooled value');
  defineAction(cmd, ctx, Options, async (opts, files) => {
    const bootstrap = opts.bootstrap ? { resamples: opts.bootstrap, seed: opts.seed } : undefined;
    const result = opts.ratings ? await fromRatings(ctx, opts, bootstrap) : await fromCodings(ctx, opts, files, bootstrap);
    const format = chooseFormat(opts);
    ctx.io.stdout.write(formatAgreement(result, format, { level: opts.level, view: chooseView(opts, format) }));
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

async function fromRatings(ctx: CommandContext, opts: Opts, bootstrap: { resamples: number; seed: number } | undefined): Promise<AgreementResult> {
  const parsed = await readRatingsFile(path.resolve(ctx.io.cwd, opts.ratings!), {
    level: opts.level,
    ...(opts.categories ? { categories: opts.categories } : {}),
    display: (p) => ctx.display(p),
  });
  if (parsed.diagnostics.length) ctx.printDiagnostics(parsed.diagnostics, false);
  const metrics = computeAgreementMetrics(parsed.table, { level: opts.level, ...(bootstrap ? { bootstrap } : {}) });
  return {
    coders: [...parsed.table.coders],
    units: parsed.table.unitCount,
    results: [{ scope: 'variable', id: opts.ratings!, ...metrics }],
  };
}

async function fromCodings(
  ctx: CommandContext,
  opts: Opts,
  files: string[],
  bootstrap: { resamples: number; seed: number } | undefined,
): Promise<AgreementResult> {
  if (opts.level !== 'nominal') {
    throw new QcodeError([diag('QC001', '--level applies to --ratings; codes are compared as nominal (present/absent, which code)')]);
  }
  if (opts.categories) throw new QcodeError([diag('QC001', '--categories applies to --ratings; coding files take their codes from the codebook')]);
  const study = await openStudy(ctx, opts);
  const display = (p: string) => ctx.display(p);
  const coders: CoderCodings[] = [];
  for (const coder of opts.coders ?? []) coders.push({ coder, codings: (await openCoder(ctx, study, coder)).codings });
  for (const file of files) {
    const read = await readCodingFile(path.resolve(ctx.io.cwd, file), { codebook: study.codebook, segments: study.segments, study, display });
    if (read.diagnostics.some((d) => d.severity === 'error')) throw new QcodeError(read.diagnostics);
    if (read.diagnostics.length) ctx.printDiagnostics(read.diagnostics, false);
    coders.push({ coder: path.basename(file).replace(/\.(csv|jsonl)$/i, ''), codings: read.codings });
  }
  const names = coders.map((c) => c.coder);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new QcodeError([diag('QC611', `coder named twice: ${[...new Set(twice)].join(', ')}`)]);
  if (coders.length < 2) throw new QcodeError([diag('QC604', `${coders.length} coder(s) given; name two or more with --coders a,b or as files`)]);
  return computeScopes(study.codebook, coders, { ...(bootstrap ? { bootstrap } : {}), segmentOrder: study.segments.map((s) => s.segment_id) });
}

export default agree;
