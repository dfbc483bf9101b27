import path from 'node:path';
import type { AgreementResult, MissingConvention } from '../core/agreement/agreement-result.js';
import type { BootstrapOptions } from '../core/agreement/compute-agreement.js';
import { computeAgreementMetrics } from '../core/agreement/compute-agreement.js';
import { computeScopes, type CoderCodings } from '../core/agreement/compute-scopes.js';
import type { Level } from '../core/agreement/ratings-table.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { readCodingFile } from '../io/coding-file.js';
import { readRatingsFile } from '../io/read-ratings.js';
import type { CommandContext } from './command-kit.js';
import { openCoder, openStudy, type StudyOptionValues } from './study-options.js';

export interface AgreementInput {
  level: Level;
  categories?: string[] | undefined;
  bootstrap?: BootstrapOptions | undefined;
  missing: MissingConvention;
}

/** `agree --ratings FILE`: one variable. */
export async function agreementFromRatings(ctx: CommandContext, file: string, input: AgreementInput): Promise<AgreementResult> {
  const parsed = await readRatingsFile(path.resolve(ctx.io.cwd, file), {
    level: input.level,
    ...(input.categories ? { categories: input.categories } : {}),
    display: (p) => ctx.display(p),
  });
  if (parsed.diagnostics.length) ctx.printDiagnostics(parsed.diagnostics, false);
  const metrics = computeAgreementMetrics(parsed.table, {
    level: input.level,
    missing: input.missing,
    ...(input.bootstrap ? { bootstrap: input.bootstrap } : {}),
  });
  return { coders: [...parsed.table.coders], units: parsed.table.unitCount, missing: input.missing, results: [{ scope: 'variable', id: file, ...metrics }] };
}

/** `agree --coders a,b` and/or coding files: every scope of the codebook. */
export async function agreementFromCodings(
  ctx: CommandContext,
  opts: StudyOptionValues & { idColumn?: string | undefined; textColumn?: string | undefined; coders?: string[] | undefined },
  files: string[],
  input: AgreementInput,
): Promise<AgreementResult> {
  if (input.level !== 'nominal') {
    throw new QcodeError([diag('QC001', '--level applies to --ratings; codes are compared as nominal (present/absent, which code)')]);
  }
  if (input.categories) throw new QcodeError([diag('QC001', '--categories applies to --ratings; coding files take their codes from the codebook')]);
  const study = await openStudy(ctx, opts);
  const display = (p: string) => ctx.display(p);
  const coders: CoderCodings[] = [];
  for (const coder of opts.coders ?? []) coders.push({ coder, codings: (await openCoder(ctx, study, coder)).codings });
  for (const file of files) {
    const read = await readCodingFile(path.resolve(ctx.io.cwd, file), { codebook: study.codebook, segments: study.segments, study, display });
    if (read.diagnostics.some((d) => d.severity === 'error')) throw new QcodeError(read.diagnostics);
    if (read.diagnostics.length) ctx.printDiagnostics(read.diagnostics, false);
    coders.push({ coder: path.basename(file).replace(/\.(csv|jsonl)$/i, ''), codings: read.codings });
  }
  const names = coders.map((c) => c.coder);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new QcodeError([diag('QC611', `coder named twice: ${[...new Set(twice)].join(', ')}`)]);
  if (coders.length < 2) throw new QcodeError([diag('QC604', `${coders.length} coder(s) given; name two or more with --coders a,b or as files`)]);
  return computeScopes(study.codebook, coders, {
    ...(input.bootstrap ? { bootstrap: input.bootstrap } : {}),
    missing: input.missing,
    segmentOrder: study.segments.map((s) => s.segment_id),
  });
}
