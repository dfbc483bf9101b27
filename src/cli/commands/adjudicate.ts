import path from 'node:path';
import { z } from 'zod';
import { computeAdjudication } from '../../core/adjudicate/compute-adjudication.js';
import { parseResolvedCsv } from '../../core/adjudicate/parse-resolved.js';
import { CoderNameSchema, CoderPairSchema } from '../../core/model/coder.js';
import { hasErrors } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { codingPath, writeCodingFile } from '../../io/coding-file.js';
import { recordOutput } from '../../io/manifest.js';
import { readTextFile } from '../../io/read-text-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, commandLine, openCoder, openStudy, studyOptionShape } from '../study-options.js';
import { runAdjudicateSession } from '../annotate-session.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  coders: CoderPairSchema,
  as: CoderNameSchema,
  prefer: z.string().optional(),
  resolved: z.string().optional(),
  output: z.string().optional(),
  force: z.boolean().default(false),
});

const adjudicate: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description('settle two coders\' disagreements into a consensus coder (interactive, or scripted by --prefer / --resolved)')
    .requiredOption('--coders <a,b>', 'the two coders')
    .requiredOption('--as <name>', 'name of the consensus coder, e.g. gold')
    .option('--prefer <coder>', 'settle every disagreement (or every undecided one, with --resolved) as this coder did')
    .option('--resolved <file>', 'a disagreements CSV with a decision column: a coder name, both, neither, or code ids split by ;')
    .option('-o, --output <file>', 'coding file to write (default: <out>/codings/<as>.csv)')
    .option('--force', 'replace an existing coding file of the consensus coder (scripted mode)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const [a, b] = opts.coders;
    if (opts.as === a || opts.as === b) {
      throw new QcodeError([diag('QC509', `--as ${opts.as} is one of the coders being adjudicated`, { hint: 'name the consensus coder differently, e.g. gold' })]);
    }
    if (opts.prefer !== undefined && opts.prefer !== a && opts.prefer !== b) {
      throw new QcodeError([diag('QC509', `--prefer ${opts.prefer} is neither ${a} nor ${b}`)]);
    }
    const study = await openStudy(ctx, opts);
    const display = (p: string) => ctx.display(p);
    const [ca, cb] = await Promise.all([openCoder(ctx, study, a), openCoder(ctx, study, b)]);
    ctx.printDiagnostics([...ca.diagnostics, ...cb.diagnostics], false);
    const target = opts.output ? path.resolve(ctx.io.cwd, opts.output) : codingPath(study.project, opts.as);
    const coderA = { coder: a, codings: ca.codings };
    const coderB = { coder: b, codings: cb.codings };

    if (opts.prefer === undefined && opts.resolved === undefined) {
      return runAdjudicateSession(ctx, study, { a: coderA, b: coderB, as: opts.as, target });
    }

    let resolved;
    let resolvedFile: string | undefined;
    const diagnostics = [];
    if (opts.resolved !== undefined) {
      const file = path.resolve(ctx.io.cwd, opts.resolved);
      resolvedFile = display(file);
      const parsed = parseResolvedCsv(await readTextFile(file, resolvedFile), resolvedFile, [a, b], study.codebook);
      resolved = parsed.rows;
      diagnostics.push(...parsed.diagnostics);
    }
    const result = computeAdjudication(study.codebook, study.segments, coderA, coderB, {
      as: opts.as,
      ...(opts.prefer !== undefined ? { prefer: opts.prefer } : {}),
      ...(resolved ? { resolved } : {}),
      ...(resolvedFile ? { resolvedFile } : {}),
    });
    diagnostics.push(...result.diagnostics);
    if (hasErrors(diagnostics)) throw new QcodeError(diagnostics);
    ctx.printDiagnostics(diagnostics, false);
    const content = await writeCodingFile(target, result.codings, { codebook: study.codebook, segments: study.segments, force: opts.force, display });
    await recordOutput(study, {
      file: target,
      command: commandLine(ctx),
      content,
      details: { coder: opts.as, adjudicated: [a, b], prefer: opts.prefer ?? null, resolved: resolvedFile ?? null },
    });
    ctx.note(
      `${opts.as}: ${result.segments} segments (${result.agreedSegments} agreed, ${result.decided} rows decided, ${result.preferred} as ${opts.prefer ?? '-'})` +
        `${result.onlyOne ? `; ${result.onlyOne} segments only one coder reviewed left out` : ''} → ${ctx.display(target)}`,
    );
    return 0;
  });
};

export default adjudicate;
