import path from 'node:path';
import { z } from 'zod';
import { listMetadataKeys } from '../../core/analysis/group-key.js';
import { formatCodingFile } from '../../core/coding/format-coding-file.js';
import { detectImportFormat, parseImport, sheetTexts } from '../../core/coding/parse-import.js';
import { validateCodings } from '../../core/coding/validate-codings.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { codingFileName } from '../../io/coding-file.js';
import { IMPORT_ENCODINGS, readImportTable } from '../../io/read-import-table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { writePlacedByText } from '../rebase-coder.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coder: CoderNameSchema,
  format: z.enum(['long', 'wide', 'list']).optional(),
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  sheet: z.string().min(1).optional(),
  rebase: z.boolean().default(false),
});

const importCommand: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'coding file to write (default: <out>/codings/<coder>.csv)', { stdout: true })
    .description("turn a coder's spreadsheet (.xlsx or CSV; long, wide, list, or a qcode sheet) into the canonical coding file")
    .argument('<file>', 'the .xlsx or .csv to import')
    .requiredOption('--coder <name>', 'whose codings these are')
    .option('--format <layout>', 'long, wide or list (default: guessed from the header; a qcode sheet is wide)')
    .option('--encoding <name>', `a CSV's encoding: ${IMPORT_ENCODINGS.join(', ')} (default utf8)`)
    .option('--sheet <name>', 'the worksheet of an .xlsx to read (default: coding, else the first)')
    .option('--rebase', 'place codings by their text where it changed since the sheet was written; keep the rest in <coder>.orphans.csv');
  defineAction(cmd, ctx, Options, async (opts, [input]) => {
    const study = await openStudy(ctx, opts);
    const file = path.resolve(ctx.io.cwd, input!);
    const table = await readImportTable(file, ctx.display(file), { ...(opts.encoding ? { encoding: opts.encoding } : {}), ...(opts.sheet ? { sheet: opts.sheet } : {}) });
    const format = opts.format ?? detectImportFormat(table);
    const parsed = parseImport(table, format, opts.coder, study.codebook, new Set(listMetadataKeys(study.corpus)));
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.coder) }, { stdout: !opts.rebase });
    const details = { coder: opts.coder, format };
    if (opts.rebase) {
      ctx.report(parsed.diagnostics);
      const r = await writePlacedByText(ctx, study, { coder: opts.coder, rows: parsed.rows, file: target, textFiles: [], texts: sheetTexts(table), force: opts.force, details });
      return ctx.note(`${opts.coder}: segments kept ${r.segments!.kept}, moved ${r.segments!.moved}, orphaned ${r.segments!.orphaned}${r.segments!.orphaned ? ` (→ ${r.orphansFile})` : ''} → ${ctx.display(target)}`);
    }
    const fix = 'the sheet was written for text that has changed since: import with --rebase to place each coding on the segment that has its text now and keep the rest, with their text, in an orphans file';
    const checked = validateCodings(parsed.rows, study.codebook, study.segments, opts.coder, { fix });
    ctx.report([...parsed.diagnostics, ...checked.diagnostics]);
    await writeOutputs(ctx, study, [{ file: target, content: formatCodingFile(target, checked.codings, study.codebook, study.segments), kind: 'work', details }], opts);
    const reviewed = new Set(checked.codings.map((c) => c.segment_id)).size;
    ctx.note(`${opts.coder}: ${checked.codings.filter((c) => c.code).length} codings on ${reviewed} reviewed segments (${format})${describeTarget(ctx, target)}`);
  });
};

export default importCommand;
