import type { z } from 'zod';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { formatCoverage, type CoderCoverage } from '../core/analysis/coder-coverage.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { codingPath } from '../io/coding-file.js';
import { readCodingTable } from '../io/read-coding-table.js';
import type { Project } from '../io/read-project.js';
import { readSegmentTable, type CompactStudy, type SegmentTableOptions } from '../io/read-segment-table.js';
import { checkCoderFile, chooseCoder } from './analysis-options.js';
import type { CommandContext } from './command-kit.js';
import { openProject, type CoderSource, type StudyOptionValues, type studyOptionShape } from './study-options.js';

/**
 * The compact study for commands ported to streaming passes: what openStudy,
 * openCoders and openCodedStudy give, with a SegmentTable and CodingTables
 * instead of Segment and Coding objects. The same options, the same
 * diagnostics, thrown or printed the same way.
 */

/** Reads the project's study in one streaming pass; warnings go to stderr, errors are thrown. */
export async function openCompactStudy(
  ctx: CommandContext,
  opts: StudyOptionValues & { idColumn?: string | undefined; textColumn?: string | undefined },
  hooks: Pick<SegmentTableOptions, 'onDocument'> = {},
): Promise<CompactStudy> {
  return readCompactStudy(ctx, await openProject(ctx, opts), opts, hooks);
}

/** openCompactStudy for a project already read (a command that must know where its output goes before the pass). */
export async function readCompactStudy(
  ctx: CommandContext,
  project: Project,
  opts: StudyOptionValues & { idColumn?: string | undefined; textColumn?: string | undefined },
  hooks: Pick<SegmentTableOptions, 'onDocument'> = {},
): Promise<CompactStudy> {
  const study = await readSegmentTable(project, {
    unit: opts.unit,
    idColumn: opts.idColumn,
    textColumn: opts.textColumn,
    display: (p) => ctx.display(p),
    ...hooks,
  });
  ctx.report(study.diagnostics);
  return study;
}

/**
 * The compact study read quietly, for a check made before a command reads
 * the study whole (export --format xlsx or qdpx refusing what they cannot
 * write): null when the study has errors, left to that reading to report
 * with its warnings, once.
 */
export async function peekCompactStudy(ctx: CommandContext, opts: StudyOptionValues): Promise<{ project: Project; study: CompactStudy } | null> {
  try {
    const project = await openProject(ctx, opts);
    return { project, study: await readSegmentTable(project, { unit: opts.unit }) };
  } catch (e) {
    if (e instanceof QcodeError) return null;
    throw e;
  }
}

/** Reads coders' coding files as CodingTables: errors are thrown, warnings printed in the order the coders were given. */
export async function openCompactCoders(ctx: CommandContext, study: CompactStudy, sources: readonly CoderSource[]): Promise<CodingTable[]> {
  return (await openNamedCompactCoders(ctx, study, sources)).map((c) => c.codings);
}

/** openCompactCoders, each table with the coder's name as given (a coder, or a file's name, a shard part's suffix kept), as openCoders names them. */
export async function openNamedCompactCoders(
  ctx: CommandContext,
  study: CompactStudy,
  sources: readonly CoderSource[],
  /** Coders whose tables worker threads will read (see ReadCodingTableOptions.shared). */
  shared: ReadonlySet<string> = new Set(),
): Promise<{ coder: string; codings: CodingTable }[]> {
  const named = sources.map((s) => (typeof s === 'string' ? { coder: s, file: codingPath(study.project, s) } : s));
  const display = (p: string) => ctx.display(p);
  const read = [];
  // One file at a time: each holds its rows while it is checked.
  for (const { coder, file } of named) read.push(await readCodingTable(file, { codebook: study.codebook, segments: study.segments, coder, study, display, shared: shared.has(coder) }));
  ctx.report(read.flatMap((r) => r.diagnostics));
  return read.map((r, i) => ({ coder: named[i]!.coder, codings: r.codings }));
}

export interface CompactCodedStudy {
  study: CompactStudy;
  coder: string;
  codings: CodingTable;
  /** The coder and how many of the corpus' segments they reviewed: every table says so. */
  coverage: CoderCoverage;
}

/** The compact study and one coder's codings (--coder, else qcode.yaml's, else auto), with the coverage note on stderr. */
export async function openCompactCodedStudy(
  ctx: CommandContext,
  opts: z.infer<z.ZodObject<typeof studyOptionShape>> & { coder?: string | undefined },
): Promise<CompactCodedStudy> {
  const study = await openCompactStudy(ctx, opts);
  return { study, ...(await openCompactCodings(ctx, study, chooseCoder(study, opts.coder))) };
}

/** One coder's codings with the coverage note, for a study already read; `read` when the table is at hand already (the report's coders). */
export async function openCompactCodings(ctx: CommandContext, study: CompactStudy, coder: string, read?: CodingTable): Promise<Omit<CompactCodedStudy, 'study'>> {
  await checkCoderFile(ctx, study.project, coder);
  const codings = read ?? (await openCompactCoders(ctx, study, [coder]))[0]!;
  if (codings.reviewed === 0) throw new QcodeError([diag('QC704', `coder ${coder} has reviewed no segment of this corpus`)]);
  const coverage = { coder, reviewed: codings.reviewed, segments: study.segments.length };
  ctx.note(formatCoverage(coverage));
  return { coder, codings, coverage };
}
