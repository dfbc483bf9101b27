import path from 'node:path';
import { z } from 'zod';
import { detectImportFormat, parseImport } from '../../core/coding/parse-import.js';
import { validateCodings } from '../../core/coding/validate-codings.js';
import { QcodeError } from '../../core/diagnostics/qcode-error.js';
import { codingPath, writeCodingFile } from '../../io/coding-file.js';
import { recordOutput } from '../../io/manifest.js';
import { readTextFile } from '../../io/read-text-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, commandLine, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  coder: z.string().regex(/^[A-Za-z0-9_-]+$/, 'coder names use letters, digits, _ and -'),
  format: z.enum(['long', 'wide', 'list']).optional(),
  output: z.string().optional(),
  force: z.boolean().default(false),
});

const importCommand: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description("turn a coder's spreadsheet (long, wide or list CSV) into the canonical coding file")
    .argument('<file>', 'the CSV to import')
    .requiredOption('--coder <name>', 'whose codings these are')
    .option('--format <layout>', 'long, wide or list (default: guessed from the header)')
    .option('-o, --output <file>', 'output (default: <out>/codings/<coder>.csv)')
    .option('--force', 'replace an existing coding file of that coder');
  defineAction(cmd, ctx, Options, async (opts, [input]) => {
    const study = await openStudy(ctx, opts);
    const file = path.resolve(ctx.io.cwd, input!);
    const shown = ctx.display(file);
    const text = await readTextFile(file, shown);
    const format = opts.format ?? detectImportFormat(text);
    const parsed = parseImport(text, shown, format, opts.coder, study.codebook);
    const checked = validateCodings(parsed.rows, study.codebook, study.segments, opts.coder);
    const diagnostics = [...parsed.diagnostics, ...checked.diagnostics];
    if (diagnostics.some((d) => d.severity === 'error')) throw new QcodeError(diagnostics);
    const target = opts.output ? path.resolve(ctx.io.cwd, opts.output) : codingPath(study.project, opts.coder);
    const content = await writeCodingFile(target, checked.codings, {
      codebook: study.codebook,
      segments: study.segments,
      force: opts.force,
      display: (p) => ctx.display(p),
    });
    await recordOutput(study, { file: target, command: commandLine(ctx), content, details: { coder: opts.coder, format } });
    const reviewed = new Set(checked.codings.map((c) => c.segment_id)).size;
    ctx.note(`${opts.coder}: ${checked.codings.filter((c) => c.code).length} codings on ${reviewed} reviewed segments (${format}) → ${ctx.display(target)}`);
  });
};

export default importCommand;
