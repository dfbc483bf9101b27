import path from 'node:path';
import { z } from 'zod';
import { countSegmentsByDocument, formatSegmentsCsv, formatSegmentsJsonl } from '../../core/segment/format-segments.js';
import { recordOutput } from '../../io/manifest.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, commandLine, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  output: z.string().optional(),
  format: z.enum(['csv', 'jsonl']).optional(),
});

const segment: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description('split the corpus into units (segments) with stable ids')
    .option('-o, --output <file>', 'output file, or - for stdout (default: <out>/segments.csv)')
    .option('--format <format>', 'csv or jsonl (default: from the file extension, else csv)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const target = opts.output === '-' ? '-' : opts.output ? path.resolve(ctx.io.cwd, opts.output) : path.join(study.project.outDir, 'segments.csv');
    const format = opts.format ?? (target.endsWith('.jsonl') || (target === '-' && opts.json) ? 'jsonl' : 'csv');
    const content = format === 'jsonl' ? formatSegmentsJsonl(study.segments) : formatSegmentsCsv(study.segments);
    if (target === '-') ctx.io.stdout.write(content);
    else {
      await writeFileAtomic(target, content);
      await recordOutput(study, { file: target, command: commandLine(ctx), content });
    }
    for (const [doc, n] of countSegmentsByDocument(study.segments)) ctx.note(`${doc}\t${n}`);
    ctx.note(`${study.segments.length} ${study.unit} segments in ${study.corpus.length} documents${target === '-' ? '' : ` → ${ctx.display(target)}`}`);
  });
};

export default segment;
