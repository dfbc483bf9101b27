import { z } from 'zod';
import { computeEvaluation } from '../../core/coding/compute-evaluation.js';
import { formatEvaluationErrorsCsv, formatEvaluationTable } from '../../core/coding/format-evaluation.js';
import { formatJson } from '../../core/format/format-json.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { codingPath } from '../../io/coding-file.js';
import { readEvidenceTerms } from '../../io/read-evidence.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, openCoders, openStudy, studyOptionShape } from '../study-options.js';
import { addFormatOption, addTableOutputOption, chooseFormat, emitTables, emitText, formatOptionShape, tableOutputOptionShape } from '../table-output.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...formatOptionShape,
  ...tableOutputOptionShape,
  gold: CoderNameSchema,
  coder: CoderNameSchema.default('auto'),
  errors: z.string().min(1).optional(),
});

const evaluate: CommandModule = (cmd, ctx) => {
  addTableOutputOption(addFormatOption(addStudyOptions(cmd)))
    .description("measure the auto-coder's precision, recall and F1 against a human or adjudicated coder")
    .requiredOption('--gold <coder>', 'the reference coder (e.g. gold)')
    .option('--coder <coder>', 'the coder evaluated', 'auto')
    .option('--errors <file>', 'write every false positive and false negative, with text and matched terms');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const [coder, gold] = await openCoders(ctx, study, [opts.coder, opts.gold]);
    const order = study.segments.map((s) => s.segment_id);
    const evaluation = computeEvaluation(coder.codings, gold.codings, study.codebook, order);
    const format = chooseFormat(opts);
    const details = { coder: opts.coder, gold: opts.gold };
    if (format === 'json') await emitText(ctx, study, formatJson(evaluation), opts, details);
    else await emitTables(ctx, study, [formatEvaluationTable(evaluation)], { ...opts, format }, details);
    if (opts.errors) {
      const matched = await readEvidenceTerms(codingPath(study.project, opts.coder), new Set(evaluation.errors.map((e) => `${e.segment_id}\u0000${e.code}`)));
      const texts = new Map(study.segments.map((s) => [s.segment_id, s]));
      const target = resolveOutput(ctx, opts.errors, { project: study.project, file: 'evaluation-errors.csv' });
      const content = formatEvaluationErrorsCsv(evaluation, texts, matched);
      await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', details: { coder: opts.coder, gold: opts.gold } }], opts);
      ctx.note(`${evaluation.errors.length} errors → ${ctx.display(target)}`);
    }
  });
};

export default evaluate;
