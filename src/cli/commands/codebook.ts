import { z } from 'zod';
import { CodebookSchema } from '../../core/model/codebook.js';
import { formatCodebookTree } from '../../core/codebook/format-codebook-tree.js';
import { formatCodebookAppendix } from '../../core/codebook/format-codebook.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { openCodebook, openProject } from '../study-options.js';

const ShowOptions = z.strictObject({ ...globalOptionShape, codebook: z.string().optional() });
const SchemaOptions = z.strictObject({ ...globalOptionShape });
const ExportOptions = z.strictObject({ ...globalOptionShape, codebook: z.string().optional(), format: z.enum(['md', 'latex']).default('md') });

const codebook: CommandModule = (cmd, ctx) => {
  cmd.description('show the codebook, export it as a paper appendix, or print its JSON Schema');

  const show = cmd.command('show').description('print categories and codes with ids, labels and pattern counts');
  show.option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)');
  defineAction(show, ctx, ShowOptions, async (opts) => {
    const { codebook: cb } = await openCodebook(ctx, await openProject(ctx, opts));
    if (opts.json) ctx.outJson(cb);
    else ctx.out(formatCodebookTree(cb));
  });

  const exportCmd = cmd.command('export').description('render the codebook as a paper appendix: definitions, rules, examples');
  exportCmd.option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)').option('--format <format>', 'md or latex', 'md');
  defineAction(exportCmd, ctx, ExportOptions, async (opts) => {
    const { codebook: cb } = await openCodebook(ctx, await openProject(ctx, opts));
    ctx.io.stdout.write(formatCodebookAppendix(cb, opts.format));
  });

  const schema = cmd.command('schema').description('print the JSON Schema of the codebook format, for editors');
  defineAction(schema, ctx, SchemaOptions, async () => {
    ctx.outJson(z.toJSONSchema(CodebookSchema, { io: 'input', target: 'draft-2020-12' }));
  });
};

export default codebook;
