import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CODE_ID } from '../../core/model/codebook.js';
import { hasErrors } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { codeCorpus } from '../../core/match/code-document.js';
import { evidencePathFor, formatEvidenceCsv } from '../../core/match/format-evidence.js';
import { codingPath, writeCodingFile } from '../../io/coding-file.js';
import { fileExists } from '../../io/file-exists.js';
import { manifestKey, readManifest, recordOutputs, type ProvenanceFacts } from '../../io/manifest.js';
import type { Project } from '../../io/read-project.js';
import { corpusColumns, readCodebookOrThrow } from '../../io/read-study.js';
import { streamCode } from '../../io/stream-code.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defineAction, globalOptionShape, type CommandContext, type CommandModule } from '../command-kit.js';
import { progressBar } from '../progress-bar.js';
import { addStudyOptions, commandLine, openProject, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  coder: z.string().regex(CODE_ID, 'coder names use only a-z, 0-9, _ and -').default('auto'),
  output: z.string().optional(),
  force: z.boolean().default(false),
  stream: z.boolean().default(false),
  workers: z.coerce.number().int().min(1).max(64).optional(),
});
type Opts = z.infer<typeof Options>;

/** A .jsonl or .csv corpus this large is streamed rather than read whole. */
const STREAM_FROM_BYTES = 64 << 20;

/**
 * The auto-coder may replace its own earlier output, but never a file it did
 * not make (a human coder's work) unless --force is given.
 */
async function checkOverwrite(ctx: CommandContext, project: Project, file: string, force: boolean): Promise<void> {
  if (force || !(await fileExists(file))) return;
  const manifest = await readManifest(project.outDir);
  if (manifest.outputs[manifestKey({ project }, file)]?.command.startsWith('qcode code')) return;
  throw new QcodeError([diag('QC004', `${ctx.display(file)} exists and was not made by qcode code`, { at: { file: ctx.display(file) } })]);
}

async function shouldStream(project: Project, opts: Opts): Promise<boolean> {
  const corpus = project.corpusPath;
  if (!corpus || !/\.(jsonl|csv)$/i.test(corpus)) return false;
  if (opts.stream) return true;
  const info = await stat(corpus).catch(() => null);
  return info !== null && info.isFile() && info.size >= STREAM_FROM_BYTES;
}

const code: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description("apply the codebook's patterns to every segment: the dictionary auto-coder")
    .option('--coder <name>', 'coder name of the output', 'auto')
    .option('-o, --output <file>', 'coding file (default: <out>/codings/<coder>.csv); evidence goes beside it as <name>.matches.csv')
    .option('--force', 'replace a coding file that qcode code did not make')
    .option('--stream', 'stream a .jsonl/.csv corpus even when it is small (large ones always are)')
    .option('--workers <n>', 'threads for a streamed .jsonl corpus (default: one per core when large)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const project = await openProject(ctx, opts);
    const target = opts.output ? path.resolve(ctx.io.cwd, opts.output) : codingPath(project, opts.coder);
    const evidenceFile = evidencePathFor(target);
    const command = commandLine(ctx);
    let summary: { documents: number; segments: number; matches: number; coded: number | null; threads?: number };

    if (await shouldStream(project, opts)) {
      const cb = await readCodebookOrThrow(project, (p) => ctx.display(p));
      if (hasErrors(cb.diagnostics)) throw new QcodeError(cb.diagnostics);
      if (cb.diagnostics.length && !ctx.global.quiet) ctx.printDiagnostics(cb.diagnostics, false);
      await checkOverwrite(ctx, project, target, opts.force);
      const unit = opts.unit ?? project.unit ?? cb.codebook.unit;
      const bar = progressBar(ctx, 'coding');
      const result = await streamCode({
        corpusPath: project.corpusPath!,
        shownCorpus: ctx.display(project.corpusPath!),
        codebook: cb.codebook,
        unit,
        coder: opts.coder,
        columns: corpusColumns(project, opts),
        codingsFile: target,
        evidenceFile,
        workers: opts.workers,
        onProgress: bar.update,
      }).finally(bar.end);
      if (result.diagnostics.length) ctx.printDiagnostics(result.diagnostics, false);
      if (result.moreDiagnostics) ctx.note(`… and ${result.moreDiagnostics} more problems`);
      // A streamed corpus is never held whole, so its hash is the file's bytes (details say so).
      const facts: ProvenanceFacts = {
        project,
        codebook: cb.codebook,
        codebookSha256: cb.sha256,
        corpusSha256: result.corpusFileSha256,
        unit,
        segmentCount: result.segments,
      };
      const details = { coder: opts.coder, streamed: true, corpus_sha256_of: 'file bytes' };
      await recordOutputs(facts, [
        { file: target, command, sha256: result.codingsSha256, details },
        { file: evidenceFile, command, sha256: result.evidenceSha256, details },
      ]);
      summary = { documents: result.documents, segments: result.segments, matches: result.matches, coded: null, threads: result.threads };
    } else {
      const study = await openStudy(ctx, opts);
      await checkOverwrite(ctx, project, target, opts.force);
      const { codings, evidence } = codeCorpus(study.codebook, study.corpus, study.segments, opts.coder);
      const content = await writeCodingFile(target, codings, {
        codebook: study.codebook,
        segments: study.segments,
        force: true,
        display: (p) => ctx.display(p),
      });
      const evidenceCsv = formatEvidenceCsv(evidence);
      await writeFileAtomic(evidenceFile, evidenceCsv);
      const details = { coder: opts.coder };
      await recordOutputs(study, [
        { file: target, command, content, details },
        { file: evidenceFile, command, content: evidenceCsv, details },
      ]);
      const coded = new Set(codings.filter((c) => c.code !== '').map((c) => c.segment_id)).size;
      summary = { documents: study.corpus.length, segments: study.segments.length, matches: evidence.length, coded };
    }
    if (ctx.global.json) ctx.outJson({ coder: opts.coder, codings: target, evidence: evidenceFile, ...summary });
    const codedText = summary.coded === null ? '' : `, ${summary.coded} with a code`;
    ctx.note(
      `${summary.segments} segments in ${summary.documents} documents coded by ${opts.coder}: ${summary.matches} matches${codedText} → ${ctx.display(target)}, ${ctx.display(evidenceFile)}`,
    );
  });
};

export default code;
