import type { Command } from 'commander';
import { z } from 'zod';
import { indexCodedSegments, type CodedSegment } from '../core/analysis/coded-segments.js';
import type { Coding } from '../core/model/coding.js';
import { CoderNameSchema } from '../core/model/coder.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { codingPath } from '../io/coding-file.js';
import { fileExists } from '../io/file-exists.js';
import type { Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';
import { addStudyOptions, openCoder, openStudy, studyOptionShape } from './study-options.js';
import { addFormatOption, formatOptionShape } from './table-output.js';

/** The study options and --coder: what every command reading one coder's codings takes. */
export function addCoderOptions(cmd: Command): Command {
  return addStudyOptions(cmd).option(
    '--coder <name>',
    'whose codings to analyse (default: coder in qcode.yaml, else gold if it exists, else auto)',
  );
}

/** Options shared by the table-printing analysis commands (freq, cooccur, themes). */
export function addAnalysisOptions(cmd: Command): Command {
  return addFormatOption(addCoderOptions(cmd));
}

export const coderOptionShape = { ...studyOptionShape, coder: CoderNameSchema.optional() };
export const analysisOptionShape = { ...coderOptionShape, ...formatOptionShape };

export interface CodedStudy {
  study: Study;
  coder: string;
  codings: readonly Coding[];
  coded: CodedSegment[];
}

/** The coder to analyse: --coder, else `coder` in qcode.yaml, else gold when its file exists, else auto. */
export async function chooseCoder(study: Study, given: string | undefined): Promise<string> {
  if (given) return given;
  if (study.project.settings.coder) return study.project.settings.coder;
  return (await fileExists(codingPath(study.project, 'gold'))) ? 'gold' : 'auto';
}

/** Reads the study and one coder's codings; warnings go to stderr, errors are thrown. */
export async function openCodedStudy(
  ctx: CommandContext,
  opts: z.infer<z.ZodObject<typeof studyOptionShape>> & { coder?: string | undefined },
): Promise<CodedStudy> {
  const study = await openStudy(ctx, opts);
  const coder = await chooseCoder(study, opts.coder);
  const { codings } = await openCoder(ctx, study, coder);
  const coded = indexCodedSegments(study.segments, codings);
  if (coded.length === 0) throw new QcodeError([diag('QC704', `coder ${coder} has reviewed no segment of this corpus`)]);
  ctx.note(`coder ${coder}: ${coded.length} of ${study.segments.length} segments reviewed`);
  return { study, coder, codings, coded };
}
