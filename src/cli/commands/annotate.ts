import path from 'node:path';
import { z } from 'zod';
import { computeAnnotateItems } from '../../core/annotate/annotate-state.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { parseSampleCsv } from '../../core/sample/parse-sample.js';
import { codingFileName } from '../../io/coding-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { requireTerminal, runSession } from '../annotate-session.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { resolveOutput } from '../output.js';
import { addStudyOptions, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  coder: CoderNameSchema,
  sample: z.string().optional(),
  output: z.string().min(1).optional(),
});

const annotate: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description('code segments by hand in the terminal, blind to other coders; every confirmation is saved at once')
    .requiredOption('--coder <name>', 'your coder name; your file is <out>/codings/<name>.csv')
    .option('--sample <file>', 'code only the segments of this sample file (from qcode sample)')
    .option('-o, --output <file>', 'coding file to continue (default: <out>/codings/<coder>.csv)');
  defineAction(cmd, ctx, Options, async (opts) => {
    requireTerminal(ctx, 'annotate', `bring in codings made elsewhere with \`qcode import FILE --coder ${opts.coder}\``);
    const study = await openStudy(ctx, opts);
    let ids = study.segments.map((s) => s.segment_id);
    let sampleFile: string | null = null;
    if (opts.sample !== undefined) {
      const file = path.resolve(ctx.io.cwd, opts.sample);
      sampleFile = ctx.display(file);
      const position = new Map(ids.map((id, i) => [id, i]));
      const parsed = parseSampleCsv(await readTextFile(file, sampleFile), sampleFile, (id) => position.get(id) ?? -1);
      ctx.report(parsed.diagnostics);
      ids = parsed.segmentIds;
    }
    // No --force: a session only adds to the coder's own file, under their lock.
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.coder) });
    return runSession(ctx, study, {
      title: 'qcode annotate',
      coder: opts.coder,
      target,
      items: computeAnnotateItems(study.segments, study.corpus, ids),
      details: { sample: sampleFile },
    });
  });
};

export default annotate;
