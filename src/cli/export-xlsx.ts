import { coverageJson } from '../core/analysis/coder-coverage.js';
import { computeLongExport, computeWideExport } from '../core/analysis/export-tables.js';
import { computeExportWorkbook } from '../core/analysis/export-workbook.js';
import { openCodedStudy } from './analysis-options.js';
import type { CommandContext } from './command-kit.js';
import { resolveOutput, STDOUT, writeOutputs } from './output.js';

/**
 * `qcode export --format xlsx`: the long and wide tables, a sheet each. A
 * workbook is one zip written whole, so it is made from the study in memory
 * (a spreadsheet holds about a million rows anyway).
 */
export async function exportXlsx(
  ctx: CommandContext,
  opts: { output?: string | undefined; force: boolean; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined },
): Promise<void> {
  const { study, coder, codings, coded, coverage } = await openCodedStudy(ctx, opts);
  const input = { codebook: study.codebook, documents: study.corpus, segments: study.segments, codings, coded };
  const { formatXlsx } = await import('../io/xlsx.js');
  const content = await formatXlsx(computeExportWorkbook({ long: computeLongExport(input), wide: computeWideExport(input) }));
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: `exports/${coder}-tables.xlsx` }, { stdout: true });
  await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', details: coverageJson(coverage) }], opts);
  if (target !== STDOUT) ctx.note(`xlsx export of coder ${coder} → ${ctx.display(target)}`);
}
