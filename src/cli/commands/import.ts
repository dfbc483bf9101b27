import path from 'node:path';
import { z } from 'zod';
import { listMetadataKeys } from '../../core/analysis/group-key.js';
import { CodingTableBuilder } from '../../core/coding/coding-table.js';
import { formatCodingTablePieces } from '../../core/coding/format-coding-file.js';
import { codingRowFields, codingRowOf } from '../../core/coding/parse-coding-file.js';
import { detectImportFormat, parseImport, sheetTexts } from '../../core/coding/parse-import.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { codingFileName } from '../../io/coding-file.js';
import { IMPORT_ENCODINGS, readImportTable } from '../../io/read-import-table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { writePlacedByText, type RowSource } from '../rebase-coder.js';
import { openCompactStudy } from '../compact-study.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, streamOutput } from '../output.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';

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
    const study = await openCompactStudy(ctx, opts);
    const file = path.resolve(ctx.io.cwd, input!);
    const table = await readImportTable(file, ctx.display(file), { ...(opts.encoding ? { encoding: opts.encoding } : {}), ...(opts.sheet ? { sheet: opts.sheet } : {}) });
    const format = opts.format ?? detectImportFormat(table);
    const parsed = parseImport(table, format, opts.coder, study.codebook, new Set(listMetadataKeys(study.segments.documents)));
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.coder) }, { stdout: !opts.rebase });
    const details = { coder: opts.coder, format };
    if (opts.rebase) {
      ctx.report(parsed.diagnostics);
      const rows: RowSource = async (begin) => {
        const add = begin();
        for (const row of parsed.rows) add(codingRowOf(row));
        return [];
      };
      const r = await writePlacedByText(ctx, study, { coder: opts.coder, rows, file: target, textFiles: [], texts: sheetTexts(table), force: opts.force, details });
      return ctx.note(`${opts.coder}: segments kept ${r.segments!.kept}, moved ${r.segments!.moved}, orphaned ${r.segments!.orphaned}${r.segments!.orphaned ? ` (→ ${r.orphansFile})` : ''} → ${ctx.display(target)}`);
    }
    const fix = 'the sheet was written for text that has changed since: import with --rebase to place each coding on the segment that has its text now and keep the rest, with their text, in an orphans file';
    const builder = new CodingTableBuilder(study.codebook, study.segments, opts.coder, fix, { grouped: false });
    for (const row of parsed.rows) builder.add(codingRowFields(row));
    const checked = builder.finish();
    ctx.report([...parsed.diagnostics, ...checked.diagnostics]);
    const produce = async (write: (text: string) => Promise<void>) => {
      for (const piece of formatCodingTablePieces(target, checked.codings)) await write(piece);
      return study;
    };
    await streamOutput(ctx, target, produce, { kind: 'work', details }, { force: opts.force, project: study.project });
    let coded = 0;
    for (let r = 0; r < checked.codings.length; r++) if (checked.codings.code(r) !== 0) coded++;
    ctx.note(`${opts.coder}: ${coded} codings on ${checked.codings.reviewed} reviewed segments (${format})${describeTarget(ctx, target)}`);
  });
};

export default importCommand;
