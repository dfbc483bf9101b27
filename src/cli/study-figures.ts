import type { AgreementResult } from '../core/agreement/agreement-result.js';
import { computeReviewedScopes, computeScopes, reviewedUnitsOf } from '../core/agreement/compute-scopes.js';
import type { CoderCodings } from '../core/model/coder.js';
import { checkGroupKey } from '../core/analysis/check-analysis-options.js';
import { computeTableCooccurrence } from '../core/analysis/cooccurrence.js';
import { binDocuments, type DateBin } from '../core/analysis/date-bins.js';
import { computeCompactFrequencyTable } from '../core/analysis/frequency-table.js';
import { QcodeError, diag, fail } from '../core/diagnostics/qcode-error.js';
import { codeColours } from '../core/plot/chart-style.js';
import { confusionFigure } from '../core/plot/confusion-figure.js';
import { cooccurrenceFigure } from '../core/plot/cooccurrence-figure.js';
import type { Figure } from '../core/plot/figure.js';
import { frequencyFigure, timelineFigure } from '../core/plot/frequency-figure.js';
import { reliabilityFigure } from '../core/plot/reliability-figure.js';
import { saturationFigure } from '../core/plot/saturation-figure.js';
import { computeTableSaturation, type SaturationOrder } from '../core/analysis/saturation.js';
import { listCoders } from '../io/list-coders.js';
import type { Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';
import { openCoder } from './study-options.js';
import type { CompactStudy } from '../io/read-segment-table.js';
import { openCompactCodedStudy, openCompactStudy, openNamedCompactCoders } from './compact-study.js';

/** What `qcode plot` draws. */
export const PLOT_KINDS = ['reliability', 'frequencies', 'cooccurrence', 'confusion', 'saturation'] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export interface FigureOptions {
  codebook?: string | undefined;
  corpus?: string | undefined;
  unit?: 'document' | 'paragraph' | 'sentence' | undefined;
  coders?: string[] | undefined;
  coder?: string | undefined;
  by?: string | undefined;
  bin?: DateBin | undefined;
  bootstrap?: { resamples: number; seed: number } | undefined;
  order?: SaturationOrder | undefined;
  seed?: number | undefined;
}

/** The coders to compare: as given, else every human coder's file (imported or annotated), said on stderr. */
export async function chooseCoders(ctx: CommandContext, study: Pick<Study, 'project'>, given: string[] | undefined): Promise<string[]> {
  if (given) return given;
  const human = (await listCoders(study.project)).filter((c) => c.kind === 'human').map((c) => c.coder);
  if (human.length < 2) {
    throw new QcodeError([
      diag('QC604', `${human.length} human coder file(s) in ${ctx.display(study.project.outDir)}/codings; reliability needs two`, {
        hint: 'name the coders with --coders a,b, or import a second coder (qcode import FILE --coder NAME)',
      }),
    ]);
  }
  ctx.note(`coders ${human.join(', ')} (every imported or annotated coder; --coders to choose)`);
  return human;
}

/** Agreement of coders' files over their common segments: what `qcode agree --coders` computes. */
export async function coderAgreement(ctx: CommandContext, study: Study, coders: readonly string[], bootstrap?: FigureOptions['bootstrap']): Promise<AgreementResult> {
  const files: CoderCodings[] = [];
  for (const coder of coders) files.push({ coder, codings: (await openCoder(ctx, study, coder)).codings });
  return computeScopes(study.codebook, files, { ...(bootstrap ? { bootstrap } : {}), segmentOrder: study.segments.map((s) => s.segment_id) });
}

/**
 * Reads what a kind of figure needs and builds it; the study read, for
 * provenance. On the compact tables (a streaming pass, CodingTables), as
 * agree, freq, cooccur and saturation compute the same numbers.
 */
export async function buildFigure(ctx: CommandContext, kind: PlotKind, opts: FigureOptions): Promise<{ figure: Figure; study: CompactStudy }> {
  if (kind === 'reliability' || kind === 'confusion') {
    const study = await openCompactStudy(ctx, opts);
    const coders = await openNamedCompactCoders(ctx, study, await chooseCoders(ctx, study, opts.coders));
    const result = computeReviewedScopes(study.codebook, reviewedUnitsOf(coders), opts.bootstrap ? { bootstrap: opts.bootstrap } : {});
    return { figure: kind === 'reliability' ? reliabilityFigure(result) : confusionFigure(result), study };
  }
  const { study, coder, codings } = await openCompactCodedStudy(ctx, opts);
  if (kind === 'cooccurrence') return { figure: cooccurrenceFigure(computeTableCooccurrence(study.codebook, codings), coder), study };
  if (kind === 'saturation') {
    const order = opts.order ?? 'doc';
    return { figure: saturationFigure(computeTableSaturation(codings, order, order === 'random' ? (opts.seed ?? 1) : null), coder), study };
  }
  const { segments } = study;
  if (opts.bin && !opts.by) fail('QC001', '--bin needs --by <date key>, e.g. --by date --bin month');
  if (opts.by) {
    const problems = checkGroupKey(opts.by, segments.documents);
    if (problems.some((d) => d.severity === 'error')) throw new QcodeError(problems);
  }
  const documents = opts.bin && opts.by ? binDocuments(segments.documents, opts.by, opts.bin) : segments.documents;
  const reviewed = (visit: (doc: number, codes: readonly number[]) => void) => codings.forEachSegment((n, codes) => visit(segments.doc(n), codes));
  const ft = computeCompactFrequencyTable({ codebook: study.codebook, documents, reviewed, by: opts.by ?? null, rows: 'code', ...(opts.bin ? { groupOrder: 'sorted' as const } : {}) });
  const colours = codeColours(study.codebook);
  return { figure: opts.bin ? timelineFigure(ft, coder, colours) : frequencyFigure(ft, coder, colours), study };
}
