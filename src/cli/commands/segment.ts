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
  verbose: z.boolean().default(false),
});

const segment: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'output file (default: <out>/segments.csv)', { stdout: true })
    .description('split the corpus into units (segments) with stable ids')
    .option('--format <format>', 'csv or jsonl (default: from the file extension, else csv)')
    .option('--verbose', 'also print the segment count of every document');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'segments.csv' }, { stdout: true });
    const format = opts.format ?? (target.endsWith('.jsonl') || (target === STDOUT && opts.json) ? 'jsonl' : 'csv');
    const content = format === 'jsonl' ? formatSegmentsJsonl(study.segments) : formatSegmentsCsv(study.segments);
    const drop = study.project.settings.drop ? { details: { drop: study.project.settings.drop, dropped: study.dropped } } : {};
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', ...drop }], opts);
    // One line per document only when asked: a corpus of 21,000 documents would print 21,000 lines.
    if (opts.verbose) for (const [doc, n] of countSegmentsByDocument(study.segments)) ctx.note(`${doc}\t${n}`);
    const left = study.dropped ? ` (${study.dropped} left out as boilerplate by drop: in qcode.yaml)` : '';
    ctx.note(`${study.segments.length} ${study.unit} segments in ${study.corpus.length} documents${left}${describeTarget(ctx, target)}`);
  });
};

export default segment;
