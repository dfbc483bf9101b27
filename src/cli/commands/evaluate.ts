import { z } from 'zod';
import { computeTableEvaluation } from '../../core/coding/compute-evaluation.js';
import { EvaluationErrorsWriter, evidenceKey, formatEvaluationErrorsHeader, formatEvaluationTable } from '../../core/coding/format-evaluation.js';
import { formatJson } from '../../core/format/format-json.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { codingPath } from '../../io/coding-file.js';
import { readEvidenceTerms } from '../../io/read-evidence.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { resolveOutput, streamOutput } from '../output.js';
import { writeDocumentRows } from '../../io/write-document-rows.js';
import { openCompactCoders, openCompactStudy } from '../compact-study.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';
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
    const study = await openCompactStudy(ctx, opts);
    const [coder, gold] = await openCompactCoders(ctx, study, [opts.coder, opts.gold]);
    const evaluation = computeTableEvaluation(coder!, gold!, study.codebook);
    const format = chooseFormat(opts);
    const details = { coder: opts.coder, gold: opts.gold };
    if (format === 'json') await emitText(ctx, study, formatJson(evaluation), opts, details);
    else await emitTables(ctx, study, [formatEvaluationTable(evaluation)], { ...opts, format }, details);
    if (opts.errors) {
      const matched = await readEvidenceTerms(codingPath(study.project, opts.coder), new Set(evaluation.errors.map(evidenceKey)));
      const target = resolveOutput(ctx, opts.errors, { project: study.project, file: 'evaluation-errors.csv' });
      // The errors' text from a pass over the corpus, written a document at a time.
      const writer = new EvaluationErrorsWriter(evaluation.errors, study.segments, matched);
      const produce = async (write: (text: string) => Promise<void>) => {
        await write(formatEvaluationErrorsHeader());
        await writeDocumentRows(study, { ...opts, display: (p) => ctx.display(p) }, writer, write);
        return study;
      };
      await streamOutput(ctx, target, produce, { kind: 'derived', details }, { force: opts.force, project: study.project });
      ctx.note(`${evaluation.errors.length} errors → ${ctx.display(target)}`);
    }
  });
};

export default evaluate;
