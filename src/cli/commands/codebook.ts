import path from 'node:path';
import { z } from 'zod';
import { CodebookSchema } from '../../core/model/codebook.js';
import { formatCodebookTree } from '../../core/codebook/format-codebook-tree.js';
import { formatCodebookAppendix } from '../../core/codebook/format-codebook.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { fileExists } from '../../io/file-exists.js';
import { readCodebookOrThrow } from '../../io/read-study.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defineAction, globalOptionShape, type CommandContext, type CommandModule } from '../command-kit.js';
import { openProject } from '../study-options.js';

const ShowOptions = z.strictObject({ ...globalOptionShape, codebook: z.string().optional() });
const SchemaOptions = z.strictObject({ ...globalOptionShape });
const output = { output: z.string().min(1).optional(), force: z.boolean().default(false) };
const ExportOptions = z.strictObject({ ...globalOptionShape, ...output, codebook: z.string().optional(), format: z.enum(['md', 'latex', 'qdc']).default('md') });
const ImportOptions = z.strictObject({ ...globalOptionShape, ...output });

const codebook: CommandModule = (cmd, ctx) => {
  cmd.description('show the codebook, export it (paper appendix, REFI-QDA .qdc), import a .qdc, or print its JSON Schema');

  const show = cmd.command('show').description('print categories and codes with ids, labels and pattern counts');
  show.option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)');
  defineAction(show, ctx, ShowOptions, async (opts) => {
    const { codebook: cb, diagnostics } = await readCodebookOrThrow(await openProject(ctx, opts), (p) => ctx.display(p));
    if (diagnostics.length) ctx.printDiagnostics(diagnostics, false);
    if (opts.json) ctx.outJson(cb);
    else ctx.out(formatCodebookTree(cb));
  });

  const exportCmd = cmd.command('export').description('the codebook as a paper appendix (md, latex) or a REFI-QDA codebook for NVivo, ATLAS.ti, MAXQDA (qdc)');
  exportCmd.option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)').option('--format <format>', 'md, latex or qdc', 'md');
  exportCmd.option('-o, --output <file>', 'write to a file instead of stdout').option('--force', 'replace an existing output file');
  defineAction(exportCmd, ctx, ExportOptions, async (opts) => {
    const { codebook: cb, diagnostics } = await readCodebookOrThrow(await openProject(ctx, opts), (p) => ctx.display(p));
    if (diagnostics.length) ctx.printDiagnostics(diagnostics, false);
    const content = opts.format === 'qdc' ? (await import('../../core/refi/format-refi-codebook.js')).formatQdc(cb) : formatCodebookAppendix(cb, opts.format);
    await emit(ctx, content, opts);
  });

  const importCmd = cmd.command('import').description('a REFI-QDA codebook (.qdc, or the codebook of a .qdpx) as qcode codebook YAML').argument('<file>', '.qdc, .qdpx or .qde');
  importCmd.option('-o, --output <file>', 'write the YAML to a file instead of stdout').option('--force', 'replace an existing output file');
  defineAction(importCmd, ctx, ImportOptions, async (opts, [input]) => {
    const file = path.resolve(ctx.io.cwd, input!);
    const { importCodebook } = await import('../../io/refi/import-codebook.js');
    const result = await importCodebook(file, ctx.display(file));
    if (result.diagnostics.length) ctx.printDiagnostics(result.diagnostics, false);
    await emit(ctx, result.yaml, opts);
    const codes = result.codebook.categories.reduce((n, c) => n + c.codes.length, 0);
    ctx.note(`${codes} codes in ${result.codebook.categories.length} categories from ${ctx.display(file)}`);
  });

  const schema = cmd.command('schema').description('print the JSON Schema of the codebook format, for editors');
  defineAction(schema, ctx, SchemaOptions, async () => {
    ctx.outJson(z.toJSONSchema(CodebookSchema, { io: 'input', target: 'draft-2020-12' }));
  });
};

/** stdout, or a file written atomically and never over an existing one without --force. */
async function emit(ctx: CommandContext, content: string, opts: { output?: string | undefined; force: boolean }): Promise<void> {
  if (!opts.output || opts.output === '-') return void ctx.io.stdout.write(content);
  const target = path.resolve(ctx.io.cwd, opts.output);
  if (!opts.force && (await fileExists(target))) throw new QcodeError([diag('QC004', `${ctx.display(target)} already exists`, { at: { file: ctx.display(target) } })]);
  await writeFileAtomic(target, content);
  ctx.note(`wrote ${ctx.display(target)}`);
}

export default codebook;
