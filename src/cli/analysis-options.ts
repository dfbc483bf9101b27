import type { Command } from 'commander';
import { z } from 'zod';
import { indexCodedSegments, type CodedSegment } from '../core/analysis/coded-segments.js';
import type { Coding } from '../core/model/coding.js';
import { CoderNameSchema } from '../core/model/coder.js';
import { QcodeError, diag, fail } from '../core/diagnostics/qcode-error.js';
import { formatCoverage, type CoderCoverage } from '../core/analysis/coder-coverage.js';
import { codingPath, listCodingCoders } from '../io/coding-file.js';
import { fileExists } from '../io/file-exists.js';
import type { Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';
import { addStudyOptions, openCoder, openStudy, studyOptionShape } from './study-options.js';
import { addFormatOption, addTableOutputOption, formatOptionShape, tableOutputOptionShape } from './table-output.js';

/** The study options and --coder: what every command reading one coder's codings takes. */
export function addCoderOptions(cmd: Command): Command {
  return addStudyOptions(cmd).option(
    '--coder <name>',
    'whose codings to analyse (default: coder in qcode.yaml, else auto)',
  );
}

/** Options shared by the table-printing analysis commands (freq, cooccur, themes): --format and -o. */
export function addAnalysisOptions(cmd: Command): Command {
  return addTableOutputOption(addFormatOption(addCoderOptions(cmd)));
}

export const coderOptionShape = { ...studyOptionShape, coder: CoderNameSchema.optional() };
export const analysisOptionShape = { ...coderOptionShape, ...formatOptionShape, ...tableOutputOptionShape };

export interface CodedStudy {
  study: Study;
  coder: string;
  codings: readonly Coding[];
  coded: CodedSegment[];
  /** The coder and how many of the corpus' segments they reviewed: every table says so. */
  coverage: CoderCoverage;
}

/**
 * The coder to analyse: --coder, else `coder` in qcode.yaml, else auto. Never
 * another coder because its file exists (an adjudicated gold coder covers
 * only the sample): a table that changed coder would change meaning silently.
 */
export function chooseCoder(study: { project: Study['project'] }, given: string | undefined): string {
  return given ?? study.project.settings.coder ?? 'auto';
}

/** QC412 when the coder to analyse has no coding file, naming the coders there are. */
export async function checkCoderFile(ctx: CommandContext, project: Study['project'], coder: string): Promise<void> {
  if (await fileExists(codingPath(project, coder))) return;
  const others = (await listCodingCoders(project.outDir)).filter((c) => c !== coder);
  const how = coder === 'auto' ? 'run qcode code for the auto-coder, or ' : '';
  fail('QC412', `no coding file for coder ${coder} (${ctx.display(codingPath(project, coder))})`, {
    hint: `${how}name the coder with --coder NAME or coder: in qcode.yaml${others.length ? ` (coders here: ${others.join(', ')})` : ''}`,
  });
}

/** Reads the study and one coder's codings; warnings go to stderr, errors are thrown. */
export async function openCodedStudy(
  ctx: CommandContext,
  opts: z.infer<z.ZodObject<typeof studyOptionShape>> & { coder?: string | undefined },
): Promise<CodedStudy> {
  const study = await openStudy(ctx, opts);
  return openCodings(ctx, study, chooseCoder(study, opts.coder));
}

/** One coder's codings of a study already read, with the coverage every table states (and stderr notes). */
export async function openCodings(ctx: CommandContext, study: Study, coder: string): Promise<CodedStudy> {
  await checkCoderFile(ctx, study.project, coder);
  const { codings } = await openCoder(ctx, study, coder);
  const coded = indexCodedSegments(study.segments, codings);
  if (coded.length === 0) throw new QcodeError([diag('QC704', `coder ${coder} has reviewed no segment of this corpus`)]);
  const coverage = { coder, reviewed: coded.length, segments: study.segments.length };
  ctx.note(formatCoverage(coverage));
  return { study, coder, codings, coded, coverage };
}
