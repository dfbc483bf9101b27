import { z } from 'zod';
import { coverageJson } from '../../core/analysis/coder-coverage.js';
import { computeJsonlExport, computeLongExport, computeWideExport } from '../../core/analysis/export-tables.js';
import { computeExportWorkbook } from '../../core/analysis/export-workbook.js';
import { formatCsv } from '../../core/format/format-csv.js';
import { fail } from '../../core/diagnostics/qcode-error.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, STDOUT, writeOutputs } from '../output.js';
import { addCoderOptions, coderOptionShape, openCodedStudy } from '../analysis-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...coderOptionShape,
  ...outputOptionShape,
  format: z.enum(['long', 'wide', 'jsonl', 'xlsx', 'qdpx']).default('long'),
  excel: z.boolean().default(false),
});

const FILE_NAME = { long: 'long.csv', wide: 'wide.csv', jsonl: 'segments.jsonl', xlsx: 'tables.xlsx' } as const;

const exportCommand: CommandModule = (cmd, ctx) => {
  addOutputOptions(addCoderOptions(cmd), 'output file (default: <out>/exports/<coder>-long.csv, -wide.csv, -segments.jsonl or -tables.xlsx)', { stdout: true })
    .description('analysis-ready tables (long, wide, jsonl) with document metadata, or the project for QDA tools (qdpx)')
    .option('--format <format>', 'long, wide, jsonl, xlsx (the long and wide tables, a sheet each), or qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA (--coder a,b picks coders; default all)')
    .option('--excel', 'for spreadsheets: UTF-8 BOM, formula-like cells neutralised with a leading apostrophe');
  defineAction(cmd, ctx, Options, async (opts) => {
    if (opts.excel && opts.format !== 'long' && opts.format !== 'wide') fail('QC001', 'option --excel: for the CSV tables (--format long or wide); an xlsx keeps text as text by itself');
    if (opts.format === 'qdpx') return (await import('../export-qdpx.js')).exportQdpx(ctx, opts);
    const { study, coder, codings, coded, coverage } = await openCodedStudy(ctx, opts);
    const input = { codebook: study.codebook, documents: study.corpus, segments: study.segments, codings, coded };
    let content: string | Uint8Array;
    if (opts.format === 'xlsx') {
      const { formatXlsx } = await import('../../io/xlsx.js');
      content = await formatXlsx(computeExportWorkbook({ long: computeLongExport(input), wide: computeWideExport(input) }));
    } else if (opts.format === 'jsonl') {
      content = computeJsonlExport(input, coder)
        .map((o) => `${JSON.stringify(o)}\n`)
        .join('');
    } else {
      const table = opts.format === 'long' ? computeLongExport(input) : computeWideExport(input);
      content = formatCsv(table.header, table.rows, { excel: opts.excel });
    }
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `exports/${coder}-${FILE_NAME[opts.format]}` }, { stdout: true });
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', details: coverageJson(coverage) }], opts);
    if (target !== STDOUT) ctx.note(`${opts.format} export of coder ${coder} → ${ctx.display(target)}`);
  });
};

export default exportCommand;
