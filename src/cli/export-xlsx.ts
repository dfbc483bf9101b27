import { coverageJson } from '../core/analysis/coder-coverage.js';
import { computeLongExport, computeWideExport } from '../core/analysis/export-tables.js';
import { computeExportWorkbook } from '../core/analysis/export-workbook.js';
import { QcodeError } from '../core/diagnostics/qcode-error.js';
import { CELL_MAX_CHARS, SHEET_MAX_ROWS, cellTooLong, sheetTooLong } from '../core/format/workbook-limits.js';
import { codingPath } from '../io/coding-file.js';
import { fileExists } from '../io/file-exists.js';
import { readCodingTable } from '../io/read-coding-table.js';
import { chooseCoder, openCodedStudy } from './analysis-options.js';
import type { CommandContext } from './command-kit.js';
import { resolveOutput, STDOUT, writeOutputs } from './output.js';
import { peekCompactStudy } from './compact-study.js';

type XlsxOptions = { output?: string | undefined; force: boolean; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined };

/**
 * `qcode export --format xlsx`: the long and wide tables, a sheet each. A
 * workbook is one zip written whole, so it is made from the study in memory
 * (a spreadsheet holds about a million rows anyway).
 */
export async function exportXlsx(ctx: CommandContext, opts: XlsxOptions): Promise<void> {
  await checkFitsSpreadsheet(ctx, opts);
  const { study, coder, codings, coded, coverage } = await openCodedStudy(ctx, opts);
  const input = { codebook: study.codebook, documents: study.corpus, segments: study.segments, codings, coded };
  const { formatXlsx } = await import('../io/xlsx.js');
  const content = await formatXlsx(computeExportWorkbook({ long: computeLongExport(input), wide: computeWideExport(input) }));
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: `exports/${coder}-tables.xlsx` }, { stdout: true });
  await writeOutputs(ctx, study, [{ file: target, content, kind: 'derived', details: coverageJson(coverage) }], opts);
  if (target !== STDOUT) ctx.note(`xlsx export of coder ${coder} → ${ctx.display(target)}`);
}

/**
 * Before the study is read into memory: a coder whose tables no spreadsheet
 * holds (more rows than a sheet has, or a segment longer than a cell: one
 * huge document at the document unit) is refused with QC706 from the compact
 * tables, rather than after gigabytes of rows are made. Problems of the
 * study itself are left to the reading that follows, which reports them.
 */
async function checkFitsSpreadsheet(ctx: CommandContext, opts: XlsxOptions): Promise<void> {
  const problems = [];
  const peeked = await peekCompactStudy(ctx, opts);
  if (!peeked) return;
  const { project, study } = peeked;
  try {
    const file = codingPath(project, chooseCoder({ project }, opts.coder));
    if (!(await fileExists(file))) return;
    const { codings } = await readCodingTable(file, { codebook: study.codebook, segments: study.segments, coder: chooseCoder({ project }, opts.coder), study });
    if (codings.length + 1 > SHEET_MAX_ROWS) problems.push(sheetTooLong('long', codings.length + 1));
    if (codings.reviewed + 1 > SHEET_MAX_ROWS) problems.push(sheetTooLong('wide', codings.reviewed + 1));
    const t = study.segments;
    for (let r = 0; r < codings.length && problems.length === 0; r = codings.segmentEnd(r)) {
      // Code points: a segment longer than a cell in them is longer in UTF-16 units too.
      const n = codings.segment(r);
      if (t.end(n) - t.start(n) > CELL_MAX_CHARS) problems.push(cellTooLong('long', `the text of segment ${t.segmentId(n)} holds ${(t.end(n) - t.start(n)).toLocaleString('en-US')} characters`, 1));
    }
  } catch (e) {
    if (e instanceof QcodeError) return;
    throw e;
  }
  if (problems.length > 0) throw new QcodeError(problems);
}
