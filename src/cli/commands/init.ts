import path from 'node:path';
import { z } from 'zod';
import { UnitSchema } from '../../core/model/codebook.js';
import { formatStarterProject } from '../../core/project/starter-project.js';
import { writeFileIfAbsent } from '../../io/write-new-file.js';
import { defineAction, globalOptionShape, type CommandContext, type CommandModule } from '../command-kit.js';
import { commandLine } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  from: z.string().min(1).optional(),
  positions: z.enum(['codepoint', 'utf16']).optional(),
  sources: z.string().min(1).optional(),
  unit: UnitSchema.default('sentence'),
});
type Opts = z.infer<typeof Options>;

const init: CommandModule = (cmd, ctx) => {
  cmd
    .description('scaffold a new project, or make one from a QDA project (--from PROJECT.qdpx)')
    .argument('[dir]', 'project folder', '.')
    .option('--from <file>', 'a REFI-QDA project (.qdpx or .qde) from NVivo, ATLAS.ti, MAXQDA, QualCoder, …')
    .option('--positions <unit>', 'with --from: selection positions count codepoint or utf16 units (default: by the exporting tool, checked)')
    .option('--sources <dir>', 'with --from: a folder holding source text files the project does not contain')
    .option('--unit <unit>', 'with --from: unit of coding in qcode.yaml: document, paragraph or sentence', 'sentence');
  defineAction(cmd, ctx, Options, async (opts, [dir = '.']) => {
    const root = path.resolve(ctx.io.cwd, dir);
    if (opts.from) return fromRefi(ctx, opts, root);
    const written: string[] = [];
    const kept: string[] = [];
    // Not through the output helper: there is no study (and no manifest) yet,
    // and init never replaces anything, it only creates files where none is.
    for (const file of formatStarterProject(path.basename(root))) {
      const target = path.join(root, file.path);
      ((await writeFileIfAbsent(target, file.content)) ? written : kept).push(file.path);
    }
    if (ctx.global.json) ctx.outJson({ project: root, written, kept });
    else {
      for (const f of written) ctx.out(`created ${f}`);
      for (const f of kept) ctx.note(`kept existing ${f} (init never overwrites)`);
      ctx.note(`next: cd ${ctx.display(root) || '.'} && qcode validate && qcode segment`);
    }
  });
};

async function fromRefi(ctx: CommandContext, opts: Opts, root: string): Promise<number> {
  // Loaded only here: the zip and XML readers are not needed for anything else init does.
  const [{ importRefi }, { formatImportReport }] = await Promise.all([import('../../io/refi/import-refi.js'), import('../../core/refi/format-import-report.js')]);
  const file = path.resolve(ctx.io.cwd, opts.from!);
  const result = await importRefi({
    file,
    target: root,
    positions: opts.positions,
    sources: opts.sources ? path.resolve(ctx.io.cwd, opts.sources) : undefined,
    unit: opts.unit,
    command: commandLine(ctx),
    display: (p) => ctx.display(p),
  });
  if (result.diagnostics.length) ctx.printDiagnostics(result.diagnostics, false);
  const { imported } = result;
  if (ctx.global.json) {
    ctx.outJson({ project: root, written: result.written, report: imported.report, coders: imported.coders.map((c) => ({ coder: c.coder, user: c.user?.name ?? null, spans: c.spans.length })) });
  } else {
    ctx.out(formatImportReport(imported, ctx.display(file), ctx.display(root)));
    const first = imported.coders[0]?.coder;
    ctx.note(`next: cd ${ctx.display(root) || '.'} && qcode validate${first ? ` && qcode units --from-spans ${first}` : ''}`);
  }
  return 0;
}

export default init;
