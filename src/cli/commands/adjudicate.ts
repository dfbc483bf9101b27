import path from 'node:path';
import { z } from 'zod';
import { checkAdjudicationCoders } from '../../core/adjudicate/check-adjudication-coders.js';
import { computeTableAdjudication, formatAdjudicationSummary } from '../../core/adjudicate/compute-adjudication.js';
import { parseResolvedCsv } from '../../core/adjudicate/parse-resolved.js';
import { formatCodingFileHead, formatCodingFileRows } from '../../core/coding/format-coding-file.js';
import type { CodingRow } from '../../core/model/coding.js';
import { CoderNameSchema, CoderPairSchema } from '../../core/model/coder.js';
import { codingFileName } from '../../io/coding-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, streamOutput } from '../output.js';
import { openCompactCoders, openCompactStudy } from '../compact-study.js';
import { addStudyOptions, openCoders, openStudy, studyOptionShape } from '../study-options.js';
import { runAdjudicateSession } from '../annotate-session.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coders: CoderPairSchema,
  as: CoderNameSchema,
  prefer: CoderNameSchema.optional(),
  resolved: z.string().min(1).optional(),
});

const adjudicate: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'coding file to write (default: <out>/codings/<as>.csv)', { stdout: false })
    .description('settle two coders\' disagreements into a consensus coder (interactive, or scripted by --prefer / --resolved)')
    .requiredOption('--coders <a,b>', 'the two coders')
    .requiredOption('--as <name>', 'name of the consensus coder, e.g. gold')
    .option('--prefer <coder>', 'settle every disagreement (or every undecided one, with --resolved) as this coder did')
    .option('--resolved <file>', 'a disagreements CSV with a decision column: a coder name, both, neither, or code ids split by ;');
  defineAction(cmd, ctx, Options, async (opts) => {
    const [a, b] = opts.coders;
    ctx.report(checkAdjudicationCoders(opts.coders, opts.as, opts.prefer));
    if (opts.prefer === undefined && opts.resolved === undefined) {
      // The terminal session shows one disagreement at a time from the study in memory.
      const study = await openStudy(ctx, opts);
      const [coderA, coderB] = await openCoders(ctx, study, opts.coders);
      const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.as) });
      return runAdjudicateSession(ctx, study, { a: coderA, b: coderB, as: opts.as, target });
    }
    const study = await openCompactStudy(ctx, opts);
    const [coderA, coderB] = await openCompactCoders(ctx, study, opts.coders);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: codingFileName(opts.as) });
    let resolved: (ReturnType<typeof parseResolvedCsv> & { shown: string }) | undefined;
    if (opts.resolved !== undefined) {
      const file = path.resolve(ctx.io.cwd, opts.resolved);
      const shown = ctx.display(file);
      resolved = { shown, ...parseResolvedCsv(await readTextFile(file, shown), shown, [a, b], study.codebook) };
    }
    const options = { as: opts.as, ...(opts.prefer !== undefined ? { prefer: opts.prefer } : {}), ...(resolved ? { resolved: resolved.rows, resolvedFile: resolved.shown } : {}) };
    // Rows are written as they are settled; an error found on the way discards the file.
    let summary = '';
    const produce = async (write: (text: string) => Promise<void>) => {
      await write(formatCodingFileHead(target));
      const run = computeTableAdjudication(study.codebook, coderA!, coderB!, options);
      const rows: CodingRow[] = [];
      for (const { n, codings } of run.settled) {
        const textSha = study.segments.textSha(n);
        for (const c of codings) rows.push({ segment_id: c.segment_id, doc_id: c.doc_id, coder: c.coder, memo: c.memo, category: c.category, code: c.code, text_sha: textSha });
        if (rows.length >= 1000) await write(formatCodingFileRows(target, rows.splice(0)));
      }
      await write(formatCodingFileRows(target, rows));
      const result = run.finish();
      ctx.report([...(resolved?.diagnostics ?? []), ...result.diagnostics]);
      summary = formatAdjudicationSummary({ ...result, codings: [] }, options);
      return study;
    };
    const details = { coder: opts.as, adjudicated: [a, b], prefer: opts.prefer ?? null, resolved: resolved?.shown ?? null };
    await streamOutput(ctx, target, produce, { kind: 'work', details }, { force: opts.force, project: study.project });
    ctx.note(`${summary} → ${ctx.display(target)}`);
    return 0;
  });
};

export default adjudicate;
