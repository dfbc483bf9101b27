import type { Command } from 'commander';
import { z } from 'zod';
import { UnitSchema } from '../core/model/codebook.js';
import { readProject, type Project } from '../io/read-project.js';
import { codingPath, readCodingFile } from '../io/coding-file.js';
import { readCodebookOrThrow, readStudy, type Study } from '../io/read-study.js';
import type { CoderCodings } from '../core/model/coder.js';
import type { CommandContext } from './command-kit.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { diag } from '../core/diagnostics/qcode-error.js';

/** Options of every command that reads the study: the same names mean the same thing everywhere. */
export function addStudyOptions(cmd: Command): Command {
  return cmd
    .option('--codebook <file>', 'codebook YAML (default: codebook in qcode.yaml)')
    .option('--corpus <path>', 'corpus folder, .csv or .jsonl (default: corpus in qcode.yaml)')
    .option('--unit <unit>', 'unit of coding: document, paragraph or sentence')
    .option('--id-column <name>', 'CSV/JSONL corpus: column with document ids')
    .option('--text-column <name>', 'CSV/JSONL corpus: column with the text');
}

export const studyOptionShape = {
  codebook: z.string().optional(),
  corpus: z.string().optional(),
  unit: UnitSchema.optional(),
  idColumn: z.string().optional(),
  textColumn: z.string().optional(),
};

export type StudyOptionValues = { codebook?: string | undefined; corpus?: string | undefined; unit?: z.infer<typeof UnitSchema> | undefined };

export async function openProject(ctx: CommandContext, opts: StudyOptionValues): Promise<Project> {
  return readProject(ctx.global.project, { codebook: opts.codebook, corpus: opts.corpus, unit: opts.unit, cwd: ctx.io.cwd }, (p) =>
    ctx.display(p),
  );
}

/**
 * A missing codebook or corpus, named with where qcode looked: a project
 * without them is not "valid", it is not there.
 */
export function checkProjectInputs(project: Project, display: (p: string) => string): Diagnostic[] {
  const where = project.file ? `${display(project.file)} names none` : `there is no qcode.yaml in ${display(project.root) || '.'}`;
  const hint = project.file ? undefined : 'qcode init DIR starts a project (qcode.yaml, codebook, corpus folder); or give --codebook and --corpus';
  const out: Diagnostic[] = [];
  if (!project.codebookPath) out.push(diag('QC102', `no codebook: ${where} and no --codebook was given`, { hint }));
  if (!project.corpusPath) out.push(diag('QC103', `no corpus: ${where} and no --corpus was given`, { hint }));
  return out;
}

/** Reads the project's codebook alone; warnings go to stderr, errors are thrown. */
export async function openCodebook(ctx: CommandContext, project: Project) {
  const codebook = await readCodebookOrThrow(project, (p) => ctx.display(p));
  ctx.report(codebook.diagnostics);
  return codebook;
}

/** Reads the project's study; warnings go to stderr, errors are thrown. */
export async function openStudy(
  ctx: CommandContext,
  opts: StudyOptionValues & { idColumn?: string | undefined; textColumn?: string | undefined },
): Promise<Study> {
  const project = await openProject(ctx, opts);
  const study = await readStudy(project, {
    unit: opts.unit,
    idColumn: opts.idColumn,
    textColumn: opts.textColumn,
    display: (p) => ctx.display(p),
  });
  ctx.report(study.diagnostics);
  return study;
}

/** The command line as typed, for manifests: `qcode` plus the arguments. */
export function commandLine(ctx: CommandContext): string {
  return ['qcode', ...ctx.argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

/** A coder by name (their file below the out folder), or a coding file by path. */
export type CoderSource = string | { coder: string; file: string };

/**
 * Reads coders' coding files, in parallel: errors are thrown, warnings (such
 * as QC410) printed on stderr in the order the coders were given.
 */
export async function openCoders<const T extends readonly CoderSource[]>(
  ctx: CommandContext,
  study: Study,
  sources: T,
): Promise<{ -readonly [K in keyof T]: CoderCodings }> {
  const named = sources.map((s) => (typeof s === 'string' ? { coder: s, file: codingPath(study.project, s) } : s));
  const { codebook, segments } = study;
  const display = (p: string) => ctx.display(p);
  const read = await Promise.all(named.map(({ coder, file }) => readCodingFile(file, { codebook, segments, coder, study, display })));
  ctx.report(read.flatMap((r) => r.diagnostics));
  return read.map((r, i) => ({ coder: named[i]!.coder, codings: r.codings })) as { -readonly [K in keyof T]: CoderCodings };
}

export async function openCoder(ctx: CommandContext, study: Study, coder: string): Promise<CoderCodings> {
  return (await openCoders(ctx, study, [coder]))[0]!;
}
