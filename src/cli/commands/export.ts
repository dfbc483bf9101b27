import { z } from 'zod';
import { computeJsonlExport, computeLongExport, computeWideExport } from '../../core/analysis/export-tables.js';
import { formatCsv } from '../../core/format/format-csv.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, STDOUT, writeOutputs } from '../output.js';
import { addCoderOptions, coderOptionShape, openCodedStudy } from '../analysis-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...coderOptionShape,
  ...outputOptionShape,
  format: z.enum(['long', 'wide', 'jsonl', 'qdpx']).default('long'),
  excel: z.boolean().default(false),
});

const FILE_NAME = { long: 'long.csv', wide: 'wide.csv', jsonl: 'segments.jsonl' } as const;

const exportCommand: CommandModule = (cmd, ctx) => {
  addOutputOptions(addCoderOptions(cmd), 'output file (default: <out>/exports/<coder>-long.csv, -wide.csv or -segments.jsonl)', { stdout: true })
    .description('analysis-ready tables (long, wide, jsonl) with document metadata, or the project for QDA tools (qdpx)')
    .option('--format <format>', 'long, wide, jsonl, or qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA (--coder a,b picks coders; default all)')
    .option('--excel', 'for spreadsheets: UTF-8 BOM, formula-like cells neutralised with a leading apostrophe');
  defineAction(cmd, ctx, Options, async (opts) => {
    if (opts.format === 'qdpx') return (await import('../export-qdpx.js')).exportQdpx(ctx, opts);
    const { study, coder, codings, coded } = await openCodedStudy(ctx, opts);
    const input = { codebook: study.codebook, documents: study.corpus, segments: study.segments, codings, coded };
    let content: string;
    if (opts.format === 'jsonl') {
      content = computeJsonlExport(input, coder)
        .map((o) => `${JSON.stringify(o)}\n`)
        .join('');
    } else {
      const table = opts.format === 'long' ? computeLongExport(input) : computeWideExport(input);
      content = formatCsv(table.header, table.rows, { excel: opts.excel });
    }
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `exports/${coder}-${FILE_NAME[opts.format]}` }, { stdout: true });
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived' }], opts);
    if (target !== STDOUT) ctx.note(`${opts.format} export of coder ${coder} → ${ctx.display(target)}`);
  });
};

export default exportCommand;
