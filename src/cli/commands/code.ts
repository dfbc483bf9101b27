import { z } from 'zod';
import { formatCodingFile } from '../../core/coding/format-coding-file.js';
import { codeCorpus } from '../../core/match/code-document.js';
import { evidencePathFor, formatEvidenceCsv } from '../../core/match/format-evidence.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { codingFileName } from '../../io/coding-file.js';
import type { Project } from '../../io/read-project.js';
import { shouldStreamCorpus, streamCodeProject } from '../../io/stream-code-project.js';
import { defineAction, globalOptionShape, type CommandContext, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { progressBar } from '../progress-bar.js';
import { addStudyOptions, commandLine, openCodebook, openProject, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  coder: CoderNameSchema.default('auto'),
  stream: z.boolean().default(false),
  workers: z.coerce.number().int().min(1).max(64).optional(),
});
type Opts = z.infer<typeof Options>;
type Files = { codings: string; evidence: string };

/** Codes a corpus held in memory; both outputs are derived: a rerun makes them again. */
async function codeInMemory(ctx: CommandContext, opts: Opts, files: Files) {
  const study = await openStudy(ctx, opts);
  const { codings, evidence } = codeCorpus(study.codebook, study.corpus, study.segments, opts.coder);
  const details = { coder: opts.coder };
  await writeOutputs(ctx, study, [
    { file: files.codings, content: formatCodingFile(files.codings, codings, study.codebook, study.segments), kind: 'derived', details },
    { file: files.evidence, content: formatEvidenceCsv(evidence), kind: 'derived', details },
  ], opts);
  const coded = new Set(codings.filter((c) => c.code !== '').map((c) => c.segment_id)).size;
  return { documents: study.corpus.length, segments: study.segments.length, matches: evidence.length, coded };
}

/** Codes a .jsonl/.csv corpus without holding it, with a progress bar on a terminal. */
async function codeStreamed(ctx: CommandContext, project: Project, opts: Opts, files: Files) {
  const codebook = await openCodebook(ctx, project);
  const bar = progressBar(ctx, 'coding');
  const result = await streamCodeProject(project, {
    codebook,
    coder: opts.coder,
    flags: opts,
    codingsFile: files.codings,
    evidenceFile: files.evidence,
    workers: opts.workers,
    onProgress: bar.update,
    command: commandLine(ctx),
    force: opts.force,
    display: (p) => ctx.display(p),
  }).finally(bar.end);
  ctx.report(result.diagnostics);
  if (result.moreDiagnostics) ctx.note(`… and ${result.moreDiagnostics} more problems`);
  return { documents: result.documents, segments: result.segments, matches: result.matches, coded: null, threads: result.threads };
}

const code: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'coding file (default: <out>/codings/<coder>.csv); evidence goes beside it as <name>.matches.csv', { stdout: false })
    .description("apply the codebook's patterns to every segment: the dictionary auto-coder")
    .option('--coder <name>', 'coder name of the output', 'auto')
    .option('--stream', 'stream a .jsonl/.csv corpus even when it is small (large ones always are)')
    .option('--workers <n>', 'threads for a streamed .jsonl corpus (default: one per core when large)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const project = await openProject(ctx, opts);
    const target = resolveOutput(ctx, opts.output, { project, file: codingFileName(opts.coder) });
    const files = { codings: target, evidence: evidencePathFor(target) };
    const summary = (await shouldStreamCorpus(project, opts.stream)) ? await codeStreamed(ctx, project, opts, files) : await codeInMemory(ctx, opts, files);
    if (ctx.global.json) ctx.outJson({ coder: opts.coder, codings: target, evidence: files.evidence, ...summary });
    const codedText = summary.coded === null ? '' : `, ${summary.coded} with a code`;
    ctx.note(
      `${summary.segments} segments in ${summary.documents} documents coded by ${opts.coder}: ${summary.matches} matches${codedText} → ${ctx.display(target)}, ${ctx.display(files.evidence)}`,
    );
  });
};

export default code;
