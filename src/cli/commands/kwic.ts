import { z } from 'zod';
import { kwicTable } from '../../core/analysis/analysis-tables.js';
import { checkCodeIds } from '../../core/analysis/check-analysis-options.js';
import { compileKwicPattern, computeScannedKwic, formatKwicLines, tableSegments, type KwicLine } from '../../core/analysis/kwic.js';
import { DocumentCoder } from '../../core/match/code-document.js';
import { compilePatterns } from '../../core/match/compile-matcher.js';
import { listCodes } from '../../core/model/codebook.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { forEachStudyTextBytes } from '../../io/read-segment-table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { openCompactStudy } from '../compact-study.js';
import { addFormatOption, chooseFormat, formatOptionShape, printTables } from '../table-output.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  code: z.string().min(1).optional(),
  window: z.coerce.number().int().min(0).max(1000).default(40),
  ...formatOptionShape,
});

const kwic: CommandModule = (cmd, ctx) => {
  addFormatOption(addStudyOptions(cmd))
    .description('keyword-in-context lines for a pattern (codebook syntax) or a code\'s patterns')
    .argument('[pattern]', 'a word, phrase, * wildcard or /regex/flags')
    .option('--code <id>', "use this code's patterns instead of a pattern")
    .option('--window <n>', 'characters of context on each side (default 40)');
  defineAction(cmd, ctx, Options, async (opts, args) => {
    const pattern = args[0];
    if ((pattern === undefined) === (opts.code === undefined)) {
      const what = pattern === undefined ? 'give a pattern or --code ID' : 'give a pattern or --code ID, not both';
      throw new QcodeError([diag('QC001', what)]);
    }
    // A typed pattern is checked before the corpus is read: a typo fails fast.
    const typed = pattern === undefined ? undefined : compileKwicPattern(pattern);
    // The lines are the output: only they are kept, the corpus passes a document at a time.
    const lines: KwicLine[] = [];
    // The study from the segment index where there is one; the text in a second pass, a document at a time.
    const study = await openCompactStudy(ctx, opts);
    if (opts.code) ctx.report(checkCodeIds([opts.code], study.codebook));
    const coder = typed
      ? new DocumentCoder(typed, 'document')
      : new DocumentCoder(compilePatterns(listCodes(study.codebook).find((r) => r.code.id === opts.code)!.code.patterns), study.unit);
    const hasSegments = (d: number) => study.segments.segmentsOf(d).to > study.segments.segmentsOf(d).from;
    await forEachStudyTextBytes(study, { ...opts, display: (p) => ctx.display(p) }, hasSegments, (d, doc) => {
      const text = coder.scanBytes(doc);
      for (const line of computeScannedKwic(coder, text, doc.id, tableSegments(study.segments, d, doc.id, study.unit), opts.window)) lines.push(line);
    });
    const format = chooseFormat(opts);
    if (format === 'table') ctx.io.stdout.write(formatKwicLines(lines, opts.window));
    else printTables(ctx, [kwicTable(lines)], opts);
    ctx.note(`${lines.length} match${lines.length === 1 ? '' : 'es'} in ${new Set(lines.map((l) => l.segment_id)).size} segments`);
  });
};

export default kwic;
