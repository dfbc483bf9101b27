import path from 'node:path';
import { z } from 'zod';
import { computeEvaluation } from '../../core/coding/compute-evaluation.js';
import { formatEvaluationErrorsCsv, formatEvaluationTable } from '../../core/coding/format-evaluation.js';
import { formatJson } from '../../core/format/format-json.js';
import { codingPath } from '../../io/coding-file.js';
import { readEvidenceTerms } from '../../io/read-evidence.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, openCoder, openStudy, studyOptionShape } from '../study-options.js';
import { addFormatOption, chooseFormat, formatOptionShape, printTables } from '../table-output.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...formatOptionShape,
  gold: z.string().min(1),
  coder: z.string().min(1).default('auto'),
  errors: z.string().optional(),
});

const evaluate: CommandModule = (cmd, ctx) => {
  addFormatOption(addStudyOptions(cmd))
    .description("measure the auto-coder's precision, recall and F1 against a human or adjudicated coder")
    .requiredOption('--gold <coder>', 'the reference coder (e.g. gold)')
    .option('--coder <coder>', 'the coder evaluated', 'auto')
    .option('--errors <file>', 'write every false positive and false negative, with text and matched terms');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const [coder, gold] = await Promise.all([openCoder(ctx, study, opts.coder), openCoder(ctx, study, opts.gold)]);
    const order = study.segments.map((s) => s.segment_id);
    const evaluation = computeEvaluation(coder.codings, gold.codings, study.codebook, order);
    const format = chooseFormat(opts);
    if (format === 'json') ctx.io.stdout.write(formatJson(evaluation));
    else printTables(ctx, [formatEvaluationTable(evaluation)], opts);
    if (opts.errors) {
      const matched = await readEvidenceTerms(codingPath(study.project, opts.coder));
      const texts = new Map(study.segments.map((s) => [s.segment_id, s]));
      const target = path.resolve(ctx.io.cwd, opts.errors);
      await writeFileAtomic(target, formatEvaluationErrorsCsv(evaluation, texts, matched));
      ctx.note(`${evaluation.errors.length} errors → ${ctx.display(target)}`);
    }
  });
};

export default evaluate;
