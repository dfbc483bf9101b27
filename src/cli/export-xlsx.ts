import path from 'node:path';
import { tmpdir } from 'node:os';
import { coverageJson } from '../core/analysis/coder-coverage.js';
import { ExportWorkbookRows, type ExportSheetPlan } from '../core/analysis/export-workbook-rows.js';
import { QcodeError } from '../core/diagnostics/qcode-error.js';
import { CELL_MAX_CHARS, SHEET_MAX_ROWS, cellTooLong, sheetTooLong } from '../core/format/workbook-limits.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { segmentTextCutter } from '../core/segment/segment-text-cutter.js';
import { forEachStudyText, type CompactStudy } from '../io/read-segment-table.js';
import { tempPathFor } from '../io/temp-file.js';
import { workbookTooLarge, XLSX_ZIP_DATE } from '../io/xlsx.js';
import { XlsxWriter } from '../io/xlsx-writer.js';
import { ZipWriter } from '../io/zip-writer.js';
import type { CommandContext } from './command-kit.js';
import { openCompactCodedStudy } from './compact-study.js';
import { resolveOutput, STDOUT, streamOutput } from './output.js';

type XlsxOptions = { output?: string | undefined; force: boolean; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined };

/**
 * `qcode export --format xlsx`: the long and wide tables, a sheet each,
 * written as they are made (XlsxWriter: the long sheet's text from a second
 * pass over the corpus, the wide sheet from the tables). A coder whose
 * tables no spreadsheet holds is refused (QC706) before any of it is made.
 */
export async function exportXlsx(ctx: CommandContext, opts: XlsxOptions): Promise<void> {
  const { study, coder, codings, coverage } = await openCompactCodedStudy(ctx, opts);
  checkFitsSpreadsheet(codings);
  const rows = new ExportWorkbookRows(codings, study.codebook);
  const options = { ...opts, display: (p: string) => ctx.display(p) };
  if (rows.needsTexts) {
    await forEachStudyText(study, options, (d) => rows.hasRows(d), (d, doc) => rows.tallyTexts(d, segmentTextCutter(study.segments, doc.text)));
    rows.settleText();
  }
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: `exports/${coder}-tables.xlsx` }, { stdout: true });
  await streamOutput(
    ctx,
    target,
    async (_write, output) => {
      const zip = new ZipWriter((bytes) => output.writeBytes(bytes), XLSX_ZIP_DATE, workbookTooLarge);
      const writer = await XlsxWriter.open([rows.long.head, rows.wide.head], zip, tempPathFor(output.realFile ?? path.join(tmpdir(), 'qcode-strings'), 'sst'));
      try {
        await writer.beginSheet(0, dimension(rows.long));
        await forEachStudyText(study, options, (d) => rows.hasRows(d), async (d, doc) => {
          for (const row of rows.longRows(d, segmentTextCutter(study.segments, doc.text))) await writer.row(row);
        });
        await writer.endSheet();
        await writer.beginSheet(1, dimension(rows.wide));
        for (const row of rows.wideRows()) await writer.row(row);
        await writer.endSheet();
        await writer.finish();
      } finally {
        writer.discard();
      }
      return study satisfies CompactStudy;
    },
    { kind: 'derived', details: coverageJson(coverage) },
    { force: opts.force, project: study.project },
  );
  if (target !== STDOUT) ctx.note(`xlsx export of coder ${coder} → ${ctx.display(target)}`);
}

const dimension = (plan: ExportSheetPlan) => ({ lastRow: plan.lastRow, lastColumn: plan.head.columns.length });

/**
 * Before any of the workbook is made: more rows than a sheet has, or a
 * segment longer than a cell in code points (one huge document at the
 * document unit), is QC706 from the tables. A cell over the limit in UTF-16
 * units only is found as it is written (XlsxWriter.endSheet).
 */
function checkFitsSpreadsheet(codings: CodingTable): void {
  const problems = [];
  if (codings.length + 1 > SHEET_MAX_ROWS) problems.push(sheetTooLong('long', codings.length + 1));
  if (codings.reviewed + 1 > SHEET_MAX_ROWS) problems.push(sheetTooLong('wide', codings.reviewed + 1));
  const t = codings.segments;
  for (let r = 0; r < codings.length && problems.length === 0; r = codings.segmentEnd(r)) {
    const n = codings.segment(r);
    if (t.end(n) - t.start(n) > CELL_MAX_CHARS) problems.push(cellTooLong('long', `the text of segment ${t.segmentId(n)} holds ${(t.end(n) - t.start(n)).toLocaleString('en-US')} characters`, 1));
  }
  if (problems.length > 0) throw new QcodeError(problems);
}
