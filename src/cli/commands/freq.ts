import { z } from 'zod';
import { coverageJson } from '../../core/analysis/coder-coverage.js';
import { frequencyJson, frequencyRowsTable, presenceTestsTable } from '../../core/analysis/analysis-tables.js';
import { checkGroupKey } from '../../core/analysis/check-analysis-options.js';
import { computeFrequencyTable, FREQUENCY_ROWS } from '../../core/analysis/frequency-table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { formatJson } from '../../core/format/format-json.js';
import { chooseFormat, emitTables, emitText } from '../table-output.js';
import { addAnalysisOptions, analysisOptionShape, openCodedStudy } from '../analysis-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...analysisOptionShape,
  by: z.string().min(1).optional(),
  rows: z.enum(FREQUENCY_ROWS).default('all'),
  tests: z.boolean().default(false),
  testUnit: z.enum(['segment', 'doc']).default('segment'),
});

const freq: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd)
    .description('segments and documents per code and category, optionally by group with χ² tests')
    .option('--by <key>', 'split by a document metadata key (e.g. type), or doc for one group per document')
    .option('--rows <rows>', `rows of the table: ${FREQUENCY_ROWS.join(', ')} (default all)`)
    .option('--tests', 'print only the χ² tests table (for --format csv, which holds one table)')
    .option('--test-unit <unit>', 'what the --by tests count: segment (default) or doc (code present in the document vs not)', 'segment');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { study, coded, coverage } = await openCodedStudy(ctx, opts);
    if (opts.by) ctx.report(checkGroupKey(opts.by, study.corpus));
    const ft = computeFrequencyTable({ codebook: study.codebook, documents: study.corpus, coded, by: opts.by ?? null, rows: opts.rows, testUnit: opts.testUnit });
    const format = chooseFormat(opts);
    if (format === 'json') return emitText(ctx, study, formatJson(frequencyJson(ft, coverage)), opts, coverageJson(coverage));
    const tables = opts.tests ? (ft.by ? [presenceTestsTable(ft)] : []) : ft.by ? [frequencyRowsTable(ft, coverage), presenceTestsTable(ft)] : [frequencyRowsTable(ft, coverage)];
    await emitTables(ctx, study, tables, { ...opts, format }, coverageJson(coverage));
  });
};

export default freq;
