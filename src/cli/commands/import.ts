import path from 'node:path';
import { z } from 'zod';
import { formatCodingFile } from '../../core/coding/format-coding-file.js';
import { detectImportFormat, parseImport } from '../../core/coding/parse-import.js';
import { validateCodings } from '../../core/coding/validate-codings.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { codingFileName } from '../../io/coding-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coder: CoderNameSchema,
  format: z.enum(['long', 'wide', 'list']).optional(),
});

const importCommand: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'coding file to write (default: <out>/codings/<coder>.csv)', { stdout: false })
    .description("turn a coder's spreadsheet (long, wide or list CSV) into the canonical coding file")
    .argument('<file>', 'the CSV to import')
    .requiredOption('--coder <name>', 'whose codings these are')
    .option('--format <layout>', 'long, wide or list (default: guessed from the header)');
  defineAction(cmd, ctx, Options, async (opts, [input]) => {
    const study = await openStudy(ctx, opts);
    const file = path.resolve(ctx.io.cwd, input!);
    const shown = ctx.display(file);
    const text = await readTextFile(file, shown);
    const format = opts.format ?? detectImportFormat(text);
    const parsed = parseImport(text, shown, format, opts.coder, study.codebook);
    const checked = validateCodings(parsed.rows, study.codebook, study.segments, opts.coder);
    ctx.report([...parsed.diagnostics, ...checked.diagnostics]);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.coder) });
    const content = formatCodingFile(target, checked.codings, study.codebook, study.segments);
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'work', details: { coder: opts.coder, format } }], opts);
    const reviewed = new Set(checked.codings.map((c) => c.segment_id)).size;
    ctx.note(`${opts.coder}: ${checked.codings.filter((c) => c.code).length} codings on ${reviewed} reviewed segments (${format}) → ${ctx.display(target)}`);
  });
};

export default importCommand;
