import path from 'node:path';
import type { AgreementResult } from '../core/agreement/agreement-result.js';
import { checkGroupKey } from '../core/analysis/check-analysis-options.js';
import { computeCooccurrence } from '../core/analysis/cooccurrence.js';
import { binDocuments, type DateBin } from '../core/analysis/date-bins.js';
import { computeFrequencyTable } from '../core/analysis/frequency-table.js';
import { computeThemes } from '../core/analysis/themes.js';
import { computeEvaluation } from '../core/coding/compute-evaluation.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { computeDisagreements } from '../core/disagreements/compute-disagreements.js';
import { findCorpusEvidence } from '../core/match/code-document.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { codeColours } from '../core/plot/chart-style.js';
import type { ReportInput, SampleFacts } from '../core/report/report-input.js';
import { listCoders } from '../io/list-coders.js';
import { manifestKey, readManifest } from '../io/manifest.js';
import type { Study } from '../io/read-study.js';
import { chooseCoder, openCodings } from './analysis-options.js';
import { resolveOutput } from './output.js';
import type { CommandContext } from './command-kit.js';
import { chooseCoders, coderAgreement } from './study-figures.js';
import { openCoder, openStudy } from './study-options.js';

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
 * Reads and computes everything the report shows: the study, the sample's
 * manifest record, the human coders' agreement and disagreements, the
 * auto-coder against the adjudicated coder, and the analyses of one coder.
 */
export async function readReportInput(ctx: CommandContext, opts: ReportOptions): Promise<{ input: ReportInput; study: Study; target: string }> {
  const study = await openStudy(ctx, opts);
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
  const reliability = await orMissing(async () => {
    const coders = await chooseCoders(ctx, study, opts.coders);
    const result: AgreementResult = await coderAgreement(ctx, study, coders, { resamples: opts.bootstrap, seed: opts.seed });
    const files = await Promise.all(coders.slice(0, 2).map(async (c) => ({ coder: c, codings: (await openCoder(ctx, study, c)).codings })));
    return { result, disagreements: coders.length === 2 ? computeDisagreements(study.codebook, study.segments, files[0]!, files[1]!) : null };
  });
  const known = await listCoders(study.project);
  const gold = opts.gold ?? known.find((c) => c.kind === 'adjudicated')?.coder;
  const evaluation = await orMissing(async () => {
    if (!gold) throw new QcodeError([diag('QC412', 'no adjudicated coder to evaluate the auto-coder against', { hint: 'qcode adjudicate --coders A,B --as gold' })]);
    const [auto, reference] = await Promise.all([openCoder(ctx, study, 'auto'), openCoder(ctx, study, gold)]);
    return computeEvaluation(auto.codings, reference.codings, study.codebook, study.segments.map((s) => s.segment_id));
  });
  const { coder, coded, coverage } = await openCodings(ctx, study, chooseCoder(study, opts.coder));
  const base = { codebook: study.codebook, documents: study.corpus, coded, rows: 'all' as const };
  const by = opts.by ?? (sample && 'stratify' in sample && sample.stratify !== 'doc' ? (sample.stratify ?? undefined) : undefined);
  if (by && checkGroupKey(by, study.corpus).some((x) => x.severity === 'error')) throw new QcodeError(checkGroupKey(by, study.corpus));
  const dated = study.corpus.some((doc) => doc.metadata[opts.dateKey]);
  const input: ReportInput = {
    codebook: study.codebook,
    unit: study.unit,
    documents: study.corpus,
    segments: study.segments,
    coder,
    coverage,
    sample,
    reliability,
    evaluation,
    frequencies: computeFrequencyTable({ ...base, by: null }),
    byGroup: by ? computeFrequencyTable({ ...base, by, rows: 'code' }) : null,
    overTime: dated
      ? { table: computeFrequencyTable({ ...base, documents: binDocuments(study.corpus, opts.dateKey, opts.bin), by: opts.dateKey, rows: 'code', groupOrder: 'sorted' }), bin: opts.bin }
      : null,
    cooccurrence: computeCooccurrence(study.codebook, coded),
    themes: computeThemes({ codebook: study.codebook, coded, evidence: findCorpusEvidence(compileMatcher(study.codebook), study.corpus, study.segments), top: 10, exemplars: 3 }),
    manifest,
    colours: codeColours(study.codebook),
  };
  return { input, study, target };
}
