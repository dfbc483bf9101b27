import { z } from 'zod';
import { CoderPairSchema } from '../../core/model/coder.js';
import { computeDisagreements } from '../../core/disagreements/compute-disagreements.js';
import { formatDisagreementsCsv, formatDisagreementsMd } from '../../core/disagreements/format-disagreements.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, openCoders, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coders: CoderPairSchema,
  format: z.enum(['csv', 'md']).optional(),
});

const disagreements: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'output file (default: <out>/disagreements.csv or .md)', { stdout: true })
    .description('list every segment × code where two coders differ, for the team to discuss')
    .requiredOption('--coders <a,b>', 'the two coders to compare')
    .option('--format <format>', 'csv or md (default: from the file extension, else csv)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const [a, b] = opts.coders;
    const [ca, cb] = await openCoders(ctx, study, opts.coders);
    const result = computeDisagreements(study.codebook, study.segments, ca, cb);
    ctx.report(result.diagnostics);

    const format = opts.format ?? (opts.output?.endsWith('.md') ? 'md' : 'csv');
    const content = format === 'md' ? formatDisagreementsMd(result, study.codebook) : formatDisagreementsCsv(result);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `disagreements.${format}` }, { stdout: true });
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', details: { coders: [a, b] } }], opts);
    const segmentsWith = new Set(result.rows.map((r) => r.segment_id)).size;
    ctx.note(
      `${result.common.length} segments reviewed by both ${a} and ${b}: ${result.agreedSegments} coded alike, ${segmentsWith} with disagreements (${result.rows.length} segment × code rows)${describeTarget(ctx, target)}`,
    );
    return 0;
  });
};

export default disagreements;
