import { z } from 'zod';
import { coverageJson } from '../../core/analysis/coder-coverage.js';
import { ExportWriter } from '../../core/analysis/export-writer.js';
import { fail } from '../../core/diagnostics/qcode-error.js';
import { ROWS_PIECE_CHARS, writeDocumentRows } from '../../io/write-document-rows.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { openCompactCodedStudy } from '../compact-study.js';
import { addOutputOptions, outputOptionShape, resolveOutput, STDOUT, streamOutput } from '../output.js';
import { addCoderOptions, coderOptionShape } from '../analysis-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...coderOptionShape,
  ...outputOptionShape,
  format: z.enum(['long', 'wide', 'jsonl', 'xlsx', 'qdpx']).default('long'),
  excel: z.boolean().default(false),
});

const FILE_NAME = { long: 'long.csv', wide: 'wide.csv', jsonl: 'segments.jsonl' } as const;

const exportCommand: CommandModule = (cmd, ctx) => {
  addOutputOptions(addCoderOptions(cmd), 'output file (default: <out>/exports/<coder>-long.csv, -wide.csv, -segments.jsonl or -tables.xlsx)', { stdout: true })
    .description('analysis-ready tables (long, wide, jsonl) with document metadata, or the project for QDA tools (qdpx)')
    .option('--format <format>', 'long, wide, jsonl, xlsx (the long and wide tables, a sheet each), or qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA (--coder a,b picks coders; default all)')
    .option('--excel', 'for spreadsheets: UTF-8 BOM, formula-like cells neutralised with a leading apostrophe');
  defineAction(cmd, ctx, Options, async (opts) => {
    if (opts.excel && opts.format !== 'long' && opts.format !== 'wide') fail('QC001', 'option --excel: for the CSV tables (--format long or wide); an xlsx keeps text as text by itself');
    if (opts.format === 'qdpx') return (await import('../export-qdpx.js')).exportQdpx(ctx, opts);
    if (opts.format === 'xlsx') return (await import('../export-xlsx.js')).exportXlsx(ctx, opts);
    const format = opts.format;
    const { study, coder, codings, coverage } = await openCompactCodedStudy(ctx, opts);
    const writer = new ExportWriter(format, codings, study.codebook, { excel: opts.excel });
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `exports/${coder}-${FILE_NAME[format]}` }, { stdout: true });
    // Rows are written as they are made, a document at a time; long and jsonl take the text from a second pass over the corpus.
    const produce = async (write: (text: string) => Promise<void>) => {
      await write(writer.head());
      if (!writer.needsText) for (let d = 0; d < study.segments.documents.length; d++) while (writer.hasRows(d)) await write(writer.documentRows(d, undefined, ROWS_PIECE_CHARS));
      else await writeDocumentRows(study, { ...opts, display: (p) => ctx.display(p) }, writer, write);
      return study;
    };
    await streamOutput(ctx, target, produce, { kind: 'derived', details: coverageJson(coverage) }, { force: opts.force, project: study.project });
    if (target !== STDOUT) ctx.note(`${format} export of coder ${coder} → ${ctx.display(target)}`);
  });
};

export default exportCommand;
