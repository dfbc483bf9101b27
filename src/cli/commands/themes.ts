import { z } from 'zod';
import { themeExemplarsTable, themeTermsTable } from '../../core/analysis/analysis-tables.js';
import { checkCodeIds } from '../../core/analysis/check-analysis-options.js';
import { compilePatternFinder } from '../../core/analysis/pattern-finder.js';
import { computeThemes } from '../../core/analysis/themes.js';
import { exemplarSummaryTable, themeSummaryTable } from '../../core/analysis/summary-tables.js';
import { listCodes } from '../../core/model/codebook.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { printTables } from '../table-output.js';
import { addAnalysisOptions, analysisOptionShape, openCodedStudy, reportChecks } from '../analysis-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...analysisOptionShape,
  code: z.string().min(1).optional(),
  top: z.coerce.number().int().min(1).max(1000).default(10),
  exemplars: z.coerce.number().int().min(0).max(100).default(3),
  quotes: z.boolean().default(false),
});

const themes: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd)
    .description('per code: distinctive terms (log-likelihood keyness G²) and exemplar quotes')
    .option('--code <id>', 'only this code')
    .option('--top <n>', 'key terms per code (default 10)')
    .option('--exemplars <n>', 'exemplar quotes per code (default 3)')
    .option('--quotes', 'print only the exemplar table (for --format csv, which holds one table)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { study, coded } = await openCodedStudy(ctx, opts);
    if (opts.code) reportChecks(ctx, checkCodeIds([opts.code], study.codebook));
    const finders = new Map(listCodes(study.codebook).map((r) => [r.code.id, compilePatternFinder(r.code.patterns)]));
    const result = computeThemes({
      codebook: study.codebook,
      coded,
      finders,
      top: opts.top,
      exemplars: opts.exemplars,
      ...(opts.code ? { codes: [opts.code] } : {}),
    });
    const quotes = [themeExemplarsTable(result), exemplarSummaryTable(result)];
    const tables = opts.quotes ? quotes : [themeTermsTable(result), themeSummaryTable(result), ...quotes];
    printTables(ctx, tables, opts);
  });
};

export default themes;
