import { z } from 'zod';
import { coverageJson } from '../../core/analysis/coder-coverage.js';
import { frequencyJson, frequencyTables } from '../../core/analysis/analysis-tables.js';
import { checkGroupKey } from '../../core/analysis/check-analysis-options.js';
import { binDocuments, DATE_BINS } from '../../core/analysis/date-bins.js';
import { fail } from '../../core/diagnostics/qcode-error.js';
import { computeCompactFrequencyTable, FREQUENCY_ROWS } from '../../core/analysis/frequency-table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { formatJson } from '../../core/format/format-json.js';
import { chooseFormat, emitTables, emitText } from '../table-output.js';
import { addAnalysisOptions, analysisOptionShape } from '../analysis-options.js';
import { openCompactCodedStudy } from '../compact-study.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...analysisOptionShape,
  by: z.string().min(1).optional(),
  rows: z.enum(FREQUENCY_ROWS).default('all'),
  tests: z.boolean().default(false),
  bin: z.enum(DATE_BINS).optional(),
  testUnit: z.enum(['segment', 'doc']).default('segment'),
});

const freq: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd)
    .description('segments and documents per code and category, optionally by group with χ² tests')
    .option('--by <key>', 'split by a document metadata key (e.g. type), or doc for one group per document')
    .option('--rows <rows>', `rows of the table: ${FREQUENCY_ROWS.join(', ')} (default all)`)
    .option('--tests', 'print only the χ² tests table (for --format csv, which holds one table)')
    .option('--bin <unit>', `over time: group the --by date key into ${DATE_BINS.join(', ')} periods`)
    .option('--test-unit <unit>', 'what the --by tests count: segment (default) or doc (code present in the document vs not)', 'segment');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { study, codings, coverage } = await openCompactCodedStudy(ctx, opts);
    const { segments } = study;
    if (opts.bin && !opts.by) fail('QC001', '--bin needs --by <date key>, e.g. --by date --bin month');
    if (opts.by) ctx.report(checkGroupKey(opts.by, segments.documents));
    const documents = opts.bin && opts.by ? binDocuments(segments.documents, opts.by, opts.bin) : segments.documents;
    const reviewed = (visit: (doc: number, codes: readonly number[]) => void) => codings.forEachSegment((n, codes) => visit(segments.doc(n), codes));
    const ordered = opts.bin ? { groupOrder: 'sorted' as const } : {};
    const ft = computeCompactFrequencyTable({ codebook: study.codebook, documents, reviewed, by: opts.by ?? null, rows: opts.rows, testUnit: opts.testUnit, ...ordered });
    const format = chooseFormat(opts);
    if (format === 'json') return emitText(ctx, study, formatJson(frequencyJson(ft, coverage)), opts, coverageJson(coverage));
    await emitTables(ctx, study, frequencyTables(ft, coverage, { tests: opts.tests }), { ...opts, format }, coverageJson(coverage));
  });
};

export default freq;
