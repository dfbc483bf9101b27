import { z } from 'zod';
import { coverageJson } from '../../core/analysis/coder-coverage.js';
import { cooccurrenceTable } from '../../core/analysis/analysis-tables.js';
import { computeTableCooccurrence } from '../../core/analysis/cooccurrence.js';
import { cooccurrenceMatrixTable } from '../../core/analysis/summary-tables.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { emitTables } from '../table-output.js';
import { addAnalysisOptions, analysisOptionShape } from '../analysis-options.js';
import { openCompactCodedStudy } from '../compact-study.js';

const Options = z.strictObject({ ...globalOptionShape, ...analysisOptionShape });

const cooccur: CommandModule = (cmd, ctx) => {
  addAnalysisOptions(cmd).description('code × code co-occurrence within segments and within documents (counts, Jaccard)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const { study, codings, coverage } = await openCompactCodedStudy(ctx, opts);
    const rows = computeTableCooccurrence(study.codebook, codings);
    await emitTables(ctx, study, [cooccurrenceTable(rows, coverage), cooccurrenceMatrixTable(rows, coverage)], opts, coverageJson(coverage));
  });
};

export default cooccur;
