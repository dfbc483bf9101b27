import path from 'node:path';
import { z } from 'zod';
import { CodebookSchema } from '../../core/model/codebook.js';
import { formatCodebookTree } from '../../core/codebook/format-codebook-tree.js';
import { formatCodebookAppendix } from '../../core/codebook/format-codebook.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, codebookFacts, outputOptionShape } from '../output.js';
import { openCodebook, openProject } from '../study-options.js';
import { emitText } from '../table-output.js';


const ShowOptions = z.strictObject({ ...globalOptionShape, codebook: z.string().optional() });
const SchemaOptions = z.strictObject({ ...globalOptionShape });
const ExportOptions = z.strictObject({ ...globalOptionShape, ...outputOptionShape, codebook: z.string().optional(), format: z.enum(['md', 'latex', 'qdc']).default('md') });
const ImportOptions = z.strictObject({ ...globalOptionShape, ...outputOptionShape });

const codebook: CommandModule = (cmd, ctx) => {
  cmd.description('show the codebook, export it (paper appendix, REFI-QDA .qdc), import a .qdc, or print its JSON Schema');

  const show = cmd.command('show').description('print categories and codes with ids, labels and pattern counts');
  show.option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)');
  defineAction(show, ctx, ShowOptions, async (opts) => {
    const { codebook: cb } = await openCodebook(ctx, await openProject(ctx, opts));
    if (opts.json) ctx.outJson(cb);
    else ctx.out(formatCodebookTree(cb));
  });

  const exportCmd = cmd.command('export').description('the codebook on stdout or -o FILE: a paper appendix (md, latex) or a REFI-QDA codebook for NVivo, ATLAS.ti, MAXQDA (qdc)');
  addOutputOptions(exportCmd, 'write it to this file (default: stdout)', { stdout: true });
  exportCmd.option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)').option('--format <format>', 'md, latex or qdc', 'md');
  defineAction(exportCmd, ctx, ExportOptions, async (opts) => {
    const project = await openProject(ctx, opts);
    const read = await openCodebook(ctx, project);
    const cb = read.codebook;
    const text = opts.format === 'qdc' ? (await import('../../core/refi/format-refi-codebook.js')).formatQdc(cb) : formatCodebookAppendix(cb, opts.format);
    await emitText(ctx, codebookFacts(project, cb, read.sha256), text, opts, { format: opts.format });
  });

  const importCmd = cmd.command('import').description('a REFI-QDA codebook (.qdc, or the codebook of a .qdpx) as qcode codebook YAML').argument('<file>', '.qdc, .qdpx or .qde');
  addOutputOptions(importCmd, 'write the YAML to this file (default: stdout)', { stdout: true });
  defineAction(importCmd, ctx, ImportOptions, async (opts, [input]) => {
    const file = path.resolve(ctx.io.cwd, input!);
    const { importCodebook, writeImportedCodebook } = await import('../../io/refi/import-codebook.js');
    const result = await importCodebook(file, ctx.display(file));
    ctx.report(result.diagnostics);
    if (!opts.output || opts.output === '-') ctx.io.stdout.write(result.yaml);
    else ctx.note(`wrote ${ctx.display(await writeImportedCodebook(ctx.io.cwd, opts.output, result.yaml, { force: opts.force, display: (p) => ctx.display(p) }))}`);
    const codes = result.codebook.categories.reduce((n, c) => n + c.codes.length, 0);
    ctx.note(`${codes} codes in ${result.codebook.categories.length} categories from ${ctx.display(file)}`);
  });

  const schema = cmd.command('schema').description('print the JSON Schema of the codebook format, for editors');
  defineAction(schema, ctx, SchemaOptions, async () => {
    ctx.outJson(z.toJSONSchema(CodebookSchema, { io: 'input', target: 'draft-2020-12' }));
  });
};

export default codebook;
