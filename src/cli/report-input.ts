import path from 'node:path';
import { computeReviewedScopes, reviewedUnitsOf } from '../core/agreement/compute-scopes.js';
import { checkGroupKey } from '../core/analysis/check-analysis-options.js';
import { computeTableCooccurrence } from '../core/analysis/cooccurrence.js';
import { binDocuments, type DateBin } from '../core/analysis/date-bins.js';
import { computeCompactFrequencyTable } from '../core/analysis/frequency-table.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { computeTableEvaluation } from '../core/coding/compute-evaluation.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { computeDisagreementIds, type DisagreementIds } from '../core/disagreements/disagreements-writer.js';
import { codeColours } from '../core/plot/chart-style.js';
import type { ReportInput, SampleFacts } from '../core/report/report-input.js';
import { listCoders } from '../io/list-coders.js';
import { manifestKey, readManifest } from '../io/manifest.js';
import { readCorpusThemes } from '../io/read-corpus-themes.js';
import type { CompactStudy } from '../io/read-segment-table.js';
import { chooseCoder } from './analysis-options.js';
import { resolveOutput } from './output.js';
import type { CommandContext } from './command-kit.js';
import { openCompactCodings, openCompactStudy, openNamedCompactCoders } from './compact-study.js';
import { chooseCoders } from './study-figures.js';

export interface ReportOptions {
  output?: string | undefined;
  codebook?: string | undefined;
  corpus?: string | undefined;
  unit?: 'document' | 'paragraph' | 'sentence' | undefined;
  coders?: string[] | undefined;
  coder?: string | undefined;
  gold?: string | undefined;
  by?: string | undefined;
  dateKey: string;
  bin: DateBin;
  bootstrap: number;
  seed: number;
}

/** A part the project lacks becomes its reason, so the report says what to run; anything else stops the run. */
async function orMissing<T>(make: () => Promise<T>): Promise<T | { missing: string }> {
  try {
    return await make();
  } catch (e) {
    if (!(e instanceof QcodeError)) throw e;
    return { missing: e.diagnostics.map((d) => `${d.message}${d.hint ? ` (${d.hint})` : ''}`).join('; ') };
  }
}

/**
 * Reads and computes everything the report shows, on the compact study
 * (SegmentTable, CodingTables; each coder's file read once): the sample's
 * manifest record, the human coders' agreement and which segment × code
 * decisions they differ on (the text of those is written with the page, from
 * a pass over the corpus), the auto-coder against the adjudicated coder, and
 * the analyses of one coder (themes from a pass over the corpus).
 */
export async function readReportInput(
  ctx: CommandContext,
  opts: ReportOptions,
): Promise<{ input: ReportInput; study: CompactStudy; target: string; disagreements: DisagreementIds | null }> {
  const study = await openCompactStudy(ctx, opts);
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'report.html' });
  const manifest = await readManifest(study.project.outDir);
  // The report lists the manifest; its own earlier entry would make every rerun differ.
  delete manifest.outputs[manifestKey(study, target)];
  const sampleEntry = manifest.outputs[manifestKey(study, path.join(study.project.outDir, 'sample.csv'))];
  const d = sampleEntry?.details as Partial<SampleFacts> | undefined;
  const sample: ReportInput['sample'] =
    d && typeof d.population === 'number' && typeof d.sampled === 'number'
      ? { population: d.population, sampled: d.sampled, seed: sampleEntry!.seed ?? null, stratify: d.stratify ?? null, strata: d.strata ?? {} }
      : { missing: 'no double-coding sample recorded in the manifest (qcode sample --fraction F --seed S)' };
  const tables = new Map<string, CodingTable>();
  const tablesOf = async (coders: string[]) => {
    const unread = [...new Set(coders)].filter((c) => !tables.has(c));
    // The coder whose themes are counted goes to the themes pass's threads: read into shared memory, not copied there later.
    for (const { coder, codings } of await openNamedCompactCoders(ctx, study, unread, new Set([chosen]))) tables.set(coder, codings);
    return coders.map((c) => tables.get(c)!);
  };
  const known = await listCoders(study.project);
  const gold = opts.gold ?? known.find((c) => c.kind === 'adjudicated')?.coder;
  const chosen = chooseCoder(study, opts.coder);
  let disagreements: DisagreementIds | null = null;
  const reliability = await orMissing(async () => {
    const coders = await chooseCoders(ctx, study, opts.coders);
    const read = await tablesOf(coders);
    const units = reviewedUnitsOf(read.map((codings, i) => ({ coder: coders[i]!, codings })));
    const result = computeReviewedScopes(study.codebook, units, { bootstrap: { resamples: opts.bootstrap, seed: opts.seed } });
    if (coders.length === 2) disagreements = computeDisagreementIds(read[0]!, read[1]!);
    return { result, disagreements };
  });
  // A table only reliability needed goes before the next is read: at a million segments each is tens of megabytes.
  for (const coder of [...tables.keys()]) if (coder !== 'auto' && coder !== gold && coder !== chosen) tables.delete(coder);
  const evaluation = await orMissing(async () => {
    if (!gold) throw new QcodeError([diag('QC412', 'no adjudicated coder to evaluate the auto-coder against', { hint: 'qcode adjudicate --coders A,B --as gold' })]);
    const [auto, reference] = await tablesOf(['auto', gold]);
    return computeTableEvaluation(auto!, reference!, study.codebook);
  });
  for (const coder of [...tables.keys()]) if (coder !== chosen) tables.delete(coder);
  const { coder, codings, coverage } = await openCompactCodings(ctx, study, chosen, tables.get(chosen) ?? (await tablesOf([chosen]))[0]);
  tables.clear();
  // Every coding file is read: the fingerprints (a quarter of the table) go before the passes over the corpus.
  study.segments.releaseFingerprints();
  const { segments, codebook } = study;
  const reviewed = (visit: (doc: number, codes: readonly number[]) => void) => codings.forEachSegment((n, codes) => visit(segments.doc(n), codes));
  // The page shows the tests' summary view, which leaves out Cramér's V's interval: its 1,000 resamples a test are not drawn.
  const base = { codebook, documents: segments.documents, reviewed, rows: 'all' as const, intervals: false };
  const by = opts.by ?? (sample && 'stratify' in sample && sample.stratify !== 'doc' ? (sample.stratify ?? undefined) : undefined);
  if (by && checkGroupKey(by, segments.documents).some((x) => x.severity === 'error')) throw new QcodeError(checkGroupKey(by, segments.documents));
  const dated = segments.documents.some((doc) => doc.metadata[opts.dateKey]);
  const input: ReportInput = {
    codebook,
    unit: study.unit,
    documents: segments.documents,
    segmentCount: segments.length,
    coder,
    coverage,
    sample,
    reliability,
    evaluation,
    frequencies: computeCompactFrequencyTable({ ...base, by: null }),
    byGroup: by ? computeCompactFrequencyTable({ ...base, by, rows: 'code' }) : null,
    overTime: dated
      ? { table: computeCompactFrequencyTable({ ...base, documents: binDocuments(segments.documents, opts.dateKey, opts.bin), by: opts.dateKey, rows: 'code', groupOrder: 'sorted' }), bin: opts.bin }
      : null,
    cooccurrence: computeTableCooccurrence(codebook, codings),
    themes: await readCorpusThemes(study, codings, { top: 10, exemplars: 3 }, { ...opts, display: (p) => ctx.display(p) }),
    manifest,
    colours: codeColours(codebook),
  };
  return { input, study, target, disagreements };
}
