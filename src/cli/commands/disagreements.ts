import { z } from 'zod';
import { CoderPairSchema } from '../../core/model/coder.js';
import { computeDisagreementIds, DisagreementsWriter } from '../../core/disagreements/disagreements-writer.js';
import { writeDocumentRows } from '../../io/write-document-rows.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { openCompactCoders, openCompactStudy } from '../compact-study.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, streamOutput } from '../output.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';

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
    const study = await openCompactStudy(ctx, opts);
    const [a, b] = opts.coders;
    const [ca, cb] = await openCompactCoders(ctx, study, opts.coders);
    // Ids first (which segment × code rows differ); the text of those segments from a second pass over the corpus.
    const result = computeDisagreementIds(ca!, cb!);
    ctx.report(result.diagnostics);

    const format = opts.format ?? (opts.output?.endsWith('.md') ? 'md' : 'csv');
    const writer = new DisagreementsWriter(result, study.segments, study.codebook, format);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `disagreements.${format}` }, { stdout: true });
    const produce = async (write: (text: string) => Promise<void>) => {
      await write(writer.head());
      await writeDocumentRows(study, { ...opts, display: (p) => ctx.display(p) }, writer, write);
      await write(writer.tail());
      return study;
    };
    await streamOutput(ctx, target, produce, { kind: 'derived', details: { coders: [a, b] } }, { force: opts.force, project: study.project });
    ctx.note(
      `${result.common} segments reviewed by both ${a} and ${b}: ${result.agreedSegments} coded alike, ${result.segmentsWith} with disagreements (${result.rows} segment × code rows)${describeTarget(ctx, target)}`,
    );
    return 0;
  });
};

export default disagreements;
