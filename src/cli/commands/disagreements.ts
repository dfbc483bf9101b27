import path from 'node:path';
import { z } from 'zod';
import { CoderPairSchema } from '../../core/model/coder.js';
import { computeDisagreements } from '../../core/disagreements/compute-disagreements.js';
import { formatDisagreementsCsv, formatDisagreementsMd } from '../../core/disagreements/format-disagreements.js';
import { recordOutput } from '../../io/manifest.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, commandLine, openCoder, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  coders: CoderPairSchema,
  output: z.string().optional(),
  format: z.enum(['csv', 'md']).optional(),
});

const disagreements: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description('list every segment × code where two coders differ, for the team to discuss')
    .requiredOption('--coders <a,b>', 'the two coders to compare')
    .option('-o, --output <file>', 'output file, or - for stdout (default: <out>/disagreements.csv or .md)')
    .option('--format <format>', 'csv or md (default: from the file extension, else csv)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const [a, b] = opts.coders;
    const [ca, cb] = await Promise.all([openCoder(ctx, study, a), openCoder(ctx, study, b)]);
    ctx.printDiagnostics([...ca.diagnostics, ...cb.diagnostics], false);
    const result = computeDisagreements(study.codebook, study.segments, { coder: a, codings: ca.codings }, { coder: b, codings: cb.codings });
    ctx.printDiagnostics(result.diagnostics, false);

    const format = opts.format ?? (opts.output?.endsWith('.md') ? 'md' : 'csv');
    const content = format === 'md' ? formatDisagreementsMd(result, study.codebook) : formatDisagreementsCsv(result);
    const target =
      opts.output === '-' ? '-' : opts.output ? path.resolve(ctx.io.cwd, opts.output) : path.join(study.project.outDir, `disagreements.${format}`);
    if (target === '-') ctx.io.stdout.write(content);
    else {
      await writeFileAtomic(target, content);
      await recordOutput(study, { file: target, command: commandLine(ctx), content, details: { coders: [a, b] } });
    }
    const segmentsWith = new Set(result.rows.map((r) => r.segment_id)).size;
    ctx.note(
      `${result.common.length} segments reviewed by both ${a} and ${b}: ${result.agreedSegments} coded alike, ${segmentsWith} with disagreements (${result.rows.length} segment × code rows)${target === '-' ? '' : ` → ${ctx.display(target)}`}`,
    );
    return 0;
  });
};

export default disagreements;
