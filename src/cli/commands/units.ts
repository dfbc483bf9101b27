import { z } from 'zod';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { CoderListSchema } from '../../core/model/coder.js';
import { parseUnitRule } from '../../core/spans/units-from-spans.js';
import { writeUnitsFromSpans } from '../../io/units-from-spans.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addForceOption, forceOptionShape } from '../output.js';
import { openCompactStudy } from '../compact-study.js';
import { addStudyOptions, commandLine, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  fromSpans: CoderListSchema,
  rule: z.string().default('any'),
  reviewed: z.enum(['spans', 'documents', 'corpus']).optional(),
  ...forceOptionShape,
});

const units: CommandModule = (cmd, ctx) => {
  addForceOption(addStudyOptions(cmd))
    .description("turn a coder's span codings (from a QDA project) into codings of the project's units")
    .requiredOption('--from-spans <coder[,coder…]>', 'coder(s) whose out/codings/spans/<coder>.csv to convert')
    .option('--rule <rule>', 'any (a span overlaps the unit), majority (covers over half of it) or cover:P (covers at least P%)', 'any')
    .option('--reviewed <scope>', 'units the coder reviewed: spans (touched by a span), documents (every unit of a document with a span) or corpus (default: spans if the file marks reviewed spans, else documents)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const rule = parseUnitRule(opts.rule);
    if (!rule) throw new QcodeError([diag('QC826', `--rule ${opts.rule} is not any, majority or cover:P`)]);
    const study = await openCompactStudy(ctx, opts);
    const results = [];
    for (const coder of opts.fromSpans) {
      const result = await writeUnitsFromSpans(study, coder, { ...opts, rule, reviewed: opts.reviewed, command: commandLine(ctx), display: (p) => ctx.display(p) });
      ctx.report(result.diagnostics);
      results.push(result);
    }
    if (ctx.global.json) return ctx.outJson(results.map(({ diagnostics: _d, file, ...r }) => ({ ...r, file: ctx.display(file) })));
    for (const r of results) ctx.out(`${r.coder}: ${r.codings} codings on ${r.reviewed} reviewed ${study.unit}s → ${ctx.display(r.file)}`);
    ctx.out(results.map((r) => r.methods).join('\n'));
  });
};

export default units;
