import path from 'node:path';
import { z } from 'zod';
import { listMetadataKeys } from '../../core/analysis/group-key.js';
import { checkSheetKeys, computeCodingSheet, computeCodingWorkbook, formatCodingSheetCsv, sheetSegmentsOf, type SheetSegment } from '../../core/coding/coding-sheet.js';
import { fail } from '../../core/diagnostics/qcode-error.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { parseSampleCsv } from '../../core/sample/parse-sample.js';
import { appendAll } from '../../core/util/bulk-array.js';
import { fileExists } from '../../io/file-exists.js';
import { forEachSegmentAt } from '../../io/read-segment-table.js';
import { readTextFile } from '../../io/read-text-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { openCompactStudy } from '../compact-study.js';
import { addOutputOptions, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coder: CoderNameSchema,
  format: z.enum(['xlsx', 'csv']).optional(),
  sample: z.string().min(1).optional(),
  with: z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).default([]),
  context: z.boolean().default(true),
});

const sheet: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'the sheet to write (default: <out>/sheets/<coder>.xlsx or .csv)', { stdout: false })
    .description("a coder's blank coding sheet for the sample (xlsx or csv), read back with qcode import")
    .requiredOption('--coder <name>', 'the coder the sheet is for')
    .option('--format <format>', 'xlsx or csv (default: from the -o extension, else xlsx)')
    .option('--sample <file>', 'the segments to code (default: <out>/sample.csv from qcode sample)')
    .option('--with <keys>', 'document metadata to show as columns, e.g. type,date')
    .option('--no-context', 'leave out the segments before and after each one');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openCompactStudy(ctx, opts);
    const sampleFile = opts.sample !== undefined ? path.resolve(ctx.io.cwd, opts.sample) : path.join(study.project.outDir, 'sample.csv');
    const shownSample = ctx.display(sampleFile);
    if (opts.sample === undefined && !(await fileExists(sampleFile))) fail('QC412', `no sample file ${shownSample}`, { hint: 'draw the double-coding sample with qcode sample, or name the segments to code with --sample FILE' });
    const sample = parseSampleCsv(await readTextFile(sampleFile, shownSample), shownSample, (id) => study.segments.segmentNumber(id));
    ctx.report([...sample.diagnostics, ...checkSheetKeys(opts.with, study.codebook, listMetadataKeys(study.segments.documents))]);
    const format = opts.format ?? (opts.output?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: `sheets/${opts.coder}.${format}` });
    // The sampled segments' text (and their neighbours', for context) from a second pass over the corpus, a document at a time.
    const segments: SheetSegment[] = [];
    await forEachSegmentAt(study, sample.positions, { ...opts, display: (p) => ctx.display(p) }, (picked, all, doc) => {
      appendAll(segments, sheetSegmentsOf(doc, all, picked.map((p) => p.of)));
    });
    const table = computeCodingSheet({ codebook: study.codebook, segments, withKeys: opts.with, context: opts.context });
    const content = format === 'csv' ? formatCodingSheetCsv(table) : await (await import('../../io/xlsx.js')).formatXlsx(computeCodingWorkbook(table, study.codebook, opts.coder));
    await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', details: { coder: opts.coder, sample: shownSample, segments: table.rows.length } }], opts);
    ctx.note(`sheet for ${opts.coder}: ${table.rows.length} segments × ${table.codeCount} codes → ${ctx.display(target)}; read it back with qcode import ${ctx.display(target)} --coder ${opts.coder}`);
  });
};

export default sheet;
