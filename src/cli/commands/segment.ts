import { z } from 'zod';
import { countSegmentsByDocument, formatSegmentsCsv, formatSegmentsJsonl } from '../../core/segment/format-segments.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, STDOUT, writeOutputs } from '../output.js';
import { addStudyOptions, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  format: z.enum(['csv', 'jsonl']).optional(),
});

const segment: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'output file (default: <out>/segments.csv)', { stdout: true })
    .description('split the corpus into units (segments) with stable ids')
    .option('--format <format>', 'csv or jsonl (default: from the file extension, else csv)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'segments.csv' }, { stdout: true });
    const format = opts.format ?? (target.endsWith('.jsonl') || (target === STDOUT && opts.json) ? 'jsonl' : 'csv');
    const content = format === 'jsonl' ? formatSegmentsJsonl(study.segments) : formatSegmentsCsv(study.segments);
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived' }], opts);
    for (const [doc, n] of countSegmentsByDocument(study.segments)) ctx.note(`${doc}\t${n}`);
    ctx.note(`${study.segments.length} ${study.unit} segments in ${study.corpus.length} documents${describeTarget(ctx, target)}`);
  });
};

export default segment;
