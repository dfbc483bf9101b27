import { z } from 'zod';
import { themeExemplarsTable, themeTermsTable } from '../../core/analysis/analysis-tables.js';
import { checkCodeIds } from '../../core/analysis/check-analysis-options.js';
import { KEYNESS_FORMS, type KeynessForm } from '../../core/analysis/log-likelihood-keyness.js';
import { exemplarSummaryTable, themeSummaryTable } from '../../core/analysis/summary-tables.js';
import { readCorpusThemes } from '../../io/read-corpus-themes.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { emitTables } from '../table-output.js';
import { coverageJson, withCoverage } from '../../core/analysis/coder-coverage.js';
import { addAnalysisOptions, analysisOptionShape } from '../analysis-options.js';
import { openCompactCodedStudy } from '../compact-study.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...analysisOptionShape,
  code: z.string().min(1).optional(),
  top: z.coerce.number().int().min(1).max(1000).default(10),
  exemplars: z.coerce.number().int().min(0).max(100).default(3),
  quotes: z.boolean().default(false),
  keyness: z.enum(KEYNESS_FORMS as [KeynessForm, ...KeynessForm[]]).default('two-cell'),
});

const themes: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd)
    .description('per code: distinctive terms (log-likelihood keyness G²) and exemplar quotes')
    .option('--code <id>', 'only this code')
    .option('--top <n>', 'key terms per code (default 10)')
    .option('--exemplars <n>', 'exemplar quotes per code (default 3)')
    .option('--quotes', 'print only the exemplar table (for --format csv, which holds one table)')
    .option('--keyness <form>', 'two-cell (Rayson & Garside 2000, default) or dunning (Dunning 1993, full 2 × 2 table)', 'two-cell');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { study, codings, coverage } = await openCompactCodedStudy(ctx, opts);
    if (opts.code) ctx.report(checkCodeIds([opts.code], study.codebook));
    const input = { top: opts.top, exemplars: opts.exemplars, keyness: opts.keyness, ...(opts.code ? { codes: [opts.code] } : {}) };
    const result = await readCorpusThemes(study, codings, input, { ...opts, display: (p) => ctx.display(p) });
    const quotes = [themeExemplarsTable(result), exemplarSummaryTable(result)];
    const tables = opts.quotes ? quotes : [themeTermsTable(result, opts.keyness), themeSummaryTable(result), ...quotes];
    await emitTables(ctx, study, tables.map((t) => withCoverage(t, coverage)), opts, coverageJson(coverage));
  });
};

export default themes;
