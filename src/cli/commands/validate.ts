import { z } from 'zod';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { hasErrors } from '../../core/diagnostics/diagnostic.js';
import { QcodeError } from '../../core/diagnostics/qcode-error.js';
import { diagnosticToJson } from '../../core/diagnostics/format-diagnostic.js';
import { boundDiagnostics, countDiagnostics } from '../../core/diagnostics/diagnostic-bounds.js';
import { CorpusTally, formatValidationSummary } from '../../core/project/format-validation-summary.js';
import { readCodebook } from '../../io/read-codebook.js';
import { streamDocuments } from '../../io/stream-documents.js';
import { checkAllOutputSets } from '../../io/output-set.js';
import { corpusColumns } from '../../io/read-study.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, checkProjectInputs, openProject, studyOptionShape } from '../study-options.js';
import { appendAll } from '../../core/util/bulk-array.js';

const Options = z.strictObject({ ...globalOptionShape, ...studyOptionShape, strict: z.boolean().default(false) });

/** Missing or unreadable inputs mean validate could not run at all. */
const CANNOT_RUN = new Set(['QC002', 'QC003', 'QC102', 'QC103']);

const validate: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description('check the project file, codebook and corpus, and that outputs written together are of one run; print every problem')
    .option('--strict', 'warnings count as problems too');
  defineAction(cmd, ctx, Options, async (opts) => {
    const display = (p: string) => ctx.display(p);
    const diagnostics: Diagnostic[] = [];
    const collect = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (e) {
        if (!(e instanceof QcodeError)) throw e;
        appendAll(diagnostics, e.diagnostics);
        return undefined;
      }
    };
    const project = await collect(() => openProject(ctx, opts));
    if (project) appendAll(diagnostics, checkProjectInputs(project, display));
    const codebook = project?.codebookPath ? await collect(() => readCodebook(project.codebookPath!, display(project.codebookPath!))) : undefined;
    // Streamed: memory holds a document at a time, whatever the corpus' size.
    const corpus = project?.corpusPath
      ? await collect(async () => {
          const stream = streamDocuments(project.corpusPath!, corpusColumns(project, opts), display);
          const tally = new CorpusTally();
          for await (const doc of stream.documents) tally.add(doc);
          return { tally, diagnostics: stream.end().diagnostics };
        })
      : undefined;
    for (const found of [project?.diagnostics, codebook?.diagnostics, corpus?.diagnostics]) appendAll(diagnostics, found ?? []);
    // Outputs written together (a coding file and its evidence) must be of one run.
    if (project) appendAll(diagnostics, await checkAllOutputSets(project, display));
    const failed = hasErrors(diagnostics) || (opts.strict && diagnostics.length > 0);
    if (opts.json) {
      ctx.outJson({ valid: !failed, ...countDiagnostics(diagnostics), diagnostics: boundDiagnostics(diagnostics).map(diagnosticToJson) });
    } else {
      ctx.printDiagnostics(diagnostics);
      if (!opts.quiet) ctx.out(formatValidationSummary({ codebook: codebook?.codebook, corpus: corpus?.tally, failed }));
    }
    if (diagnostics.some((d) => CANNOT_RUN.has(d.code))) return 2;
    return failed ? 1 : 0;
  });
};

export default validate;
