import { z } from 'zod';
import { coverageJson } from '../../core/analysis/coder-coverage.js';
import { cooccurrenceTable } from '../../core/analysis/analysis-tables.js';
import { computeCooccurrence } from '../../core/analysis/cooccurrence.js';
import { cooccurrenceMatrixTable } from '../../core/analysis/summary-tables.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { emitTables } from '../table-output.js';
import { addAnalysisOptions, analysisOptionShape, openCodedStudy } from '../analysis-options.js';

const Options = z.strictObject({ ...globalOptionShape, ...analysisOptionShape });

const cooccur: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd).description('code × code co-occurrence within segments and within documents (counts, Jaccard)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { study, coded, coverage } = await openCodedStudy(ctx, opts);
    const rows = computeCooccurrence(study.codebook, coded);
    await emitTables(ctx, study, [cooccurrenceTable(rows, coverage), cooccurrenceMatrixTable(rows, coverage)], opts, coverageJson(coverage));
  });
};

export default cooccur;
