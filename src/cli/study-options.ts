import type { Command } from 'commander';
import { z } from 'zod';
import { UnitSchema } from '../core/model/codebook.js';
import { readProject, type Project } from '../io/read-project.js';
import { readCoder } from '../io/coding-file.js';
import { readStudy, type Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';

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
  if (study.diagnostics.length && !ctx.global.quiet) ctx.printDiagnostics(study.diagnostics, false);
  return study;
}

/** The command line as typed, for manifests: `qcode` plus the arguments. */
export function commandLine(ctx: CommandContext): string {
  return ['qcode', ...ctx.argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

/** Reads a coder's coding file: errors are thrown, warnings (such as QC410) printed on stderr. */
export async function openCoder(ctx: CommandContext, study: Study, coder: string) {
  const result = await readCoder(study, coder, (p) => ctx.display(p));
  if (result.diagnostics.length && !ctx.global.quiet) ctx.printDiagnostics(result.diagnostics, false);
  return result;
}
