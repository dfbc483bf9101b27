import path from 'node:path';
import { z } from 'zod';
import { checkAdjudicationCoders } from '../../core/adjudicate/check-adjudication-coders.js';
import { computeAdjudication, formatAdjudicationSummary } from '../../core/adjudicate/compute-adjudication.js';
import { parseResolvedCsv } from '../../core/adjudicate/parse-resolved.js';
import { formatCodingFile } from '../../core/coding/format-coding-file.js';
import { CoderNameSchema, CoderPairSchema } from '../../core/model/coder.js';
import { codingFileName } from '../../io/coding-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, openCoders, openStudy, studyOptionShape } from '../study-options.js';
import { runAdjudicateSession } from '../annotate-session.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coders: CoderPairSchema,
  as: CoderNameSchema,
  prefer: CoderNameSchema.optional(),
  resolved: z.string().min(1).optional(),
});

const adjudicate: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'coding file to write (default: <out>/codings/<as>.csv)', { stdout: false })
    .description('settle two coders\' disagreements into a consensus coder (interactive, or scripted by --prefer / --resolved)')
    .requiredOption('--coders <a,b>', 'the two coders')
    .requiredOption('--as <name>', 'name of the consensus coder, e.g. gold')
    .option('--prefer <coder>', 'settle every disagreement (or every undecided one, with --resolved) as this coder did')
    .option('--resolved <file>', 'a disagreements CSV with a decision column: a coder name, both, neither, or code ids split by ;');
  defineAction(cmd, ctx, Options, async (opts) => {
    const [a, b] = opts.coders;
    ctx.report(checkAdjudicationCoders(opts.coders, opts.as, opts.prefer));
    const study = await openStudy(ctx, opts);
    const [coderA, coderB] = await openCoders(ctx, study, opts.coders);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.as) });
    if (opts.prefer === undefined && opts.resolved === undefined) {
      return runAdjudicateSession(ctx, study, { a: coderA, b: coderB, as: opts.as, target });
    }

    let resolved: (ReturnType<typeof parseResolvedCsv> & { shown: string }) | undefined;
    if (opts.resolved !== undefined) {
      const file = path.resolve(ctx.io.cwd, opts.resolved);
      const shown = ctx.display(file);
      resolved = { shown, ...parseResolvedCsv(await readTextFile(file, shown), shown, [a, b], study.codebook) };
    }
    const options = {
      as: opts.as,
      ...(opts.prefer !== undefined ? { prefer: opts.prefer } : {}),
      ...(resolved ? { resolved: resolved.rows, resolvedFile: resolved.shown } : {}),
    };
    const result = computeAdjudication(study.codebook, study.segments, coderA, coderB, options);
    ctx.report([...(resolved?.diagnostics ?? []), ...result.diagnostics]);
    const content = formatCodingFile(target, result.codings, study.codebook, study.segments);
    const details = { coder: opts.as, adjudicated: [a, b], prefer: opts.prefer ?? null, resolved: resolved?.shown ?? null };
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'work', details }], opts);
    ctx.note(`${formatAdjudicationSummary(result, options)} → ${ctx.display(target)}`);
    return 0;
  });
};

export default adjudicate;
