import path from 'node:path';
import { z } from 'zod';
import { evidencePathFor } from '../../core/match/format-evidence.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { fail } from '../../core/diagnostics/qcode-error.js';
import { codingFileName } from '../../io/coding-file.js';
import { streamCodeProject } from '../../io/stream-code-project.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { STDOUT, addOutputOptions, outputOptionShape, resolveOutput } from '../output.js';
import { progressBar } from '../progress-bar.js';
import { addStudyOptions, commandLine, openCodebook, openProject, studyOptionShape } from '../study-options.js';

const Shard = z
  .string()
  .regex(/^[1-9]\d*\/[1-9]\d*$/, 'a shard is K/N, e.g. 2/8')
  .transform((s) => ({ k: Number(s.split('/')[0]), n: Number(s.split('/')[1]) }))
  .refine((s) => s.k <= s.n, 'K is at most N in --shard K/N');
const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coder: CoderNameSchema.default('auto'),
  workers: z.coerce.number().int().min(1).max(64).optional(),
  shard: Shard.optional(),
});

/** `name.csv` → `name.part-K-of-N.csv`: a shard's file beside the single run's. */
const partName = (file: string, s: { k: number; n: number }) => file.replace(/(\.[^./]+)?$/, (ext) => `.part-${s.k}-of-${s.n}${ext}`);

const code: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'coding file (default: <out>/codings/<coder>.csv; .jsonl for JSON Lines); evidence goes beside it as <name>.matches.csv', { stdout: true })
    .description("apply the codebook's patterns to every segment: the dictionary auto-coder (--corpus - reads JSONL from stdin)")
    .option('--coder <name>', 'coder name of the output', 'auto')
    .option('--workers <n>', 'threads for a .jsonl corpus (default: one per core when large)')
    .option('--shard <k/n>', 'code only the documents of shard K of N (by id), into <name>.part-K-of-N.csv; join them with qcode merge');
  defineAction(cmd, ctx, Options, async (opts) => {
    const project = await openProject(ctx, opts);
    const corpus = opts.corpus === STDOUT ? STDOUT : project.corpusPath;
    if (!corpus) fail('QC103', 'no corpus given');
    const single = resolveOutput(ctx, opts.output, { project, file: codingFileName(opts.coder) }, { stdout: true });
    if (single === STDOUT && opts.shard) fail('QC001', 'option --shard writes part files: give -o FILE, not -o -');
    const target = opts.shard ? partName(single, opts.shard) : single;
    const evidence = target === STDOUT ? null : evidencePathFor(target);
    const indexFile = opts.shard ? `${target.replace(/\.(csv|jsonl)$/i, '')}.index.jsonl` : null;
    const bar = progressBar(ctx, 'coding');
    const result = await streamCodeProject(project, {
      codebook: await openCodebook(ctx, project),
      coder: opts.coder,
      flags: opts,
      corpus: corpus === STDOUT ? STDOUT : path.resolve(corpus),
      codingsFile: target,
      evidenceFile: evidence,
      indexFile,
      shard: opts.shard,
      workers: opts.workers,
      onProgress: bar.update,
      command: commandLine(ctx),
      force: opts.force,
      display: (p) => ctx.display(p),
      stdin: ctx.io.stdin as never,
      stdout: ctx.io.stdout as never,
    }).finally(bar.end);
    ctx.report(result.diagnostics);
    if (result.moreDiagnostics) ctx.note(`… and ${result.moreDiagnostics} more problems`);
    const { documents, segments, matches, coded, threads } = result;
    if (ctx.global.json && target !== STDOUT) ctx.outJson({ coder: opts.coder, codings: target, evidence, index: indexFile, documents, segments, matches, threads });
    const where = target === STDOUT ? ' → stdout (no evidence file)' : ` → ${ctx.display(target)}, ${ctx.display(evidence!)}`;
    ctx.note(`${segments} segments in ${documents} documents coded by ${opts.coder}: ${matches} matches, ${coded} with a code${where}`);
  });
};

export default code;
