import type { AgreementResult, CoefficientKey, ConfusionMatrix, IntervalInfo, Metrics, MetricKey, MissingConvention, ScopeResult, UnitTally } from './agreement-result.js';
import { METRIC_KEYS } from './agreement-result.js';
import { bootstrapCaution } from './bootstrap-caution.js';
import { bootstrapTable } from './bootstrap.js';
import { computeBrennanPrediger } from './brennan-prediger.js';
import { computeCoincidenceMatrix } from './coincidence-matrix.js';
import { computeCohenKappa } from './cohen-kappa.js';
import { computeContingencyTable, type ContingencyTable } from './contingency-table.js';
import { undefinedBecause, type Coefficient, type Estimate, type Interval } from './estimate.js';
import { computeFleissKappa } from './fleiss-kappa.js';
import { computeGwetAc1 } from './gwet-ac1.js';
import { percentileInterval, waldInterval } from './interval.js';
import { kappaParadoxNote } from './kappa-paradox.js';
import { computeAlphaStandardError } from './krippendorff-alpha-se.js';
import { computeKrippendorffAlpha } from './krippendorff-alpha.js';
import { computePairwiseCohenKappa } from './pairwise-cohen-kappa.js';
import { computePercentAgreement, isTwoCoderTable } from './percent-agreement.js';
import { computePrevalenceBias } from './prevalence-bias.js';
import { compressRatings, MISSING, rowWeight, selectCompleteUnits, type Level, type RatingsTable } from './ratings-table.js';
import { computeScottPi } from './scott-pi.js';
import { categoryShares, computeUnitCounts, pairableUnits, type UnitCounts } from './unit-counts.js';
import { computeWeightedKappa } from './weighted-kappa.js';

export interface BootstrapOptions {
  resamples: number;
  seed: number;
}

export interface AgreementOptions {
  /** Level of measurement for Krippendorff's α; weighted κ is reported unless nominal. */
  level: Level;
  bootstrap?: BootstrapOptions;
  /** Default `available` (irrCAC, ReCal3); `complete` keeps only units every coder coded. */
  missing?: MissingConvention;
}

export type ScopeMetrics = Omit<ScopeResult, 'scope' | 'id'>;

/** The options of `agree` as the command line gives them. */
export function agreementOptions(o: { level: Level; completeUnits: boolean; bootstrap?: number | undefined; seed: number }): AgreementOptions {
  return {
    level: o.level,
    missing: o.completeUnits ? 'complete' : 'available',
    ...(o.bootstrap ? { bootstrap: { resamples: o.bootstrap, seed: o.seed } } : {}),
  };
}

/** Every coefficient computed on one table, with what its interval needs. */
interface CoreEstimates {
  coefficients: Map<CoefficientKey, { c: Coefficient; n: number }>;
  extras: Map<MetricKey, Estimate>;
  uc: UnitCounts;
  ct: ContingencyTable | null;
  tally: UnitTally;
}

const NO_PAIRWISE_SE =
  'no analytic standard error is published for the mean of pairwise κ; --bootstrap gives an interval';

function estimateCore(table: RatingsTable, level: Level): CoreEstimates {
  const m = table.coders.length;
  const labels = table.categories;
  const uc = computeUnitCounts(table, 1);
  const isTable = isTwoCoderTable(uc, m);
  const coefficients = new Map<CoefficientKey, { c: Coefficient; n: number }>();
  const extras = new Map<MetricKey, Estimate>();
  const set = (key: CoefficientKey, c: Coefficient, n = uc.n) => coefficients.set(key, { c, n });

  set('percent_agreement', computePercentAgreement(uc, isTable));
  let ct: ContingencyTable | null = null;
  let scottSe: Estimate | null = null;
  if (m === 2) {
    ct = computeContingencyTable(table);
    const cohen = computeCohenKappa(ct, labels);
    set('cohen_kappa', cohen, ct.n);
    extras.set('cohen_kappa_se0', cohen.se0);
    extras.set('cohen_kappa_z', cohen.z);
    if (level !== 'nominal') {
      set('kappa_linear', computeWeightedKappa(ct, 'linear', labels), ct.n);
      set('kappa_quadratic', computeWeightedKappa(ct, 'quadratic', labels), ct.n);
    }
    const scott = computeScottPi(ct, labels);
    set('scott_pi', scott, ct.n);
    scottSe = scott.se;
    if (ct.k === 2) {
      const pb = computePrevalenceBias(ct);
      extras.set('prevalence_index', pb.prevalence);
      extras.set('bias_index', pb.bias);
    }
  }
  const fleiss = computeFleissKappa(uc, labels, isTable ? scottSe : null);
  set('fleiss_kappa', fleiss);
  extras.set('fleiss_kappa_se0', fleiss.se0);
  extras.set('fleiss_kappa_z', fleiss.z);

  const alpha = computeKrippendorffAlpha(computeCoincidenceMatrix(uc), level, table.values, labels);
  const alphaSe = alpha.value === null ? { se: alpha, df: 0 } : computeAlphaStandardError(uc, isTable ? ct : null, level, table.values);
  set('krippendorff_alpha', { value: alpha, se: alphaSe.se, df: alphaSe.df }, alphaSe.df + 1);
  set('gwet_ac1', computeGwetAc1(uc, isTable));
  set('brennan_prediger', computeBrennanPrediger(uc, isTable));
  if (m >= 3) {
    const mean = computePairwiseCohenKappa(table).mean;
    set('mean_pairwise_cohen_kappa', { value: mean, se: mean.value === null ? mean : undefinedBecause(NO_PAIRWISE_SE), df: null });
  }
  return { coefficients, extras, uc, ct, tally: tallyUnits(table, uc) };
}

function tallyUnits(table: RatingsTable, uc: UnitCounts): UnitTally {
  const m = table.coders.length;
  let complete = 0;
  for (let u = 0; u < table.unitCount; u++) {
    let full = true;
    for (let c = 0; c < m; c++) if (table.data[u * m + c] === MISSING) full = false;
    if (full) complete += rowWeight(table, u);
  }
  return { rated: uc.n, pairable: pairableUnits(uc), complete };
}

/** A coefficient's range: percent agreement is a proportion, the rest are chance-corrected (at most 1, read down to −1). */
function rangeOf(key: CoefficientKey): [number, number] {
  return key === 'percent_agreement' ? [0, 1] : [-1, 1];
}

/**
 * Every coefficient that applies to a table, each with its standard error and
 * a 95% interval (analytic where one is published; percentile bootstrap over
 * units with `bootstrap`). Missing ratings follow `missing`
 * (docs/reliability.md, "Which units each coefficient uses").
 */
export function computeAgreementMetrics(input: RatingsTable, options: AgreementOptions): ScopeMetrics {
  const m = input.coders.length;
  if (m < 2) throw new Error('agreement needs at least two coders');
  const convention = options.missing ?? 'available';
  // Identical rows are interchangeable: every coefficient, SE and resample works on the distinct rows.
  const table = compressRatings(convention === 'complete' ? selectCompleteUnits(input) : input);
  const core = estimateCore(table, options.level);
  const estimates = new Map<MetricKey, Estimate<number | Interval>>();
  const intervals: Partial<Record<MetricKey, IntervalInfo>> = {};
  const notes: string[] = [];

  for (const [key, { c, n }] of core.coefficients) {
    estimates.set(key, c.value);
    estimates.set(`${key}_se`, c.se);
    const wald = waldInterval(c, rangeOf(key), n);
    estimates.set(`${key}_ci`, wald.ci);
    if (wald.info) intervals[`${key}_ci`] = wald.info;
  }
  for (const [key, e] of core.extras) estimates.set(key, e);

  if (options.bootstrap) {
    const { resamples, seed } = options.bootstrap;
    const boot = bootstrapTable(
      table,
      (t) => new Map([...estimateCore(t, options.level).coefficients].map(([k, v]) => [k, v.c.value.value])),
      resamples,
      seed,
    );
    const caution = bootstrapCaution(core.uc, table.categories);
    for (const [key, { c }] of core.coefficients) {
      if (c.value.value === null) {
        estimates.set(`${key}_boot_ci`, c.value);
        continue;
      }
      const built = percentileInterval(boot.get(key) ?? [], resamples, seed, rangeOf(key));
      if (caution && !built.info?.degenerate) built.info!.caution = caution;
      estimates.set(`${key}_boot_ci`, built.ci);
      intervals[`${key}_boot_ci`] = built.info!;
      const left = resamples - (boot.get(key)?.length ?? 0);
      if (left > 0 && built.ci.value !== null) notes.push(`${key}_boot_ci: ${key} was undefined in ${left} of ${resamples} resamples, which were left out`);
    }
    notes.push(`bootstrap: percentile intervals from ${resamples} resamples of the ${core.tally.rated} units, seed ${seed}`);
    if (caution) notes.push(`bootstrap: ${caution}`);
  }

  if (convention === 'complete' && core.tally.rated === 0 && input.unitCount > 0) {
    notes.push('--complete-units: no unit was coded by every coder, so nothing is left to compare; without the option, units some coders left out are used');
  }
  const value = (key: CoefficientKey) => core.coefficients.get(key)?.c.value.value ?? null;
  const paradox = kappaParadoxNote({
    percentAgreement: value('percent_agreement'),
    kappa: value(m === 2 ? 'cohen_kappa' : 'fleiss_kappa'),
    kappaName: m === 2 ? 'Cohen’s κ' : 'Fleiss’ κ',
    ac1: value('gwet_ac1'),
    bp: value('brennan_prediger'),
    prevalenceIndex: core.extras.get('prevalence_index')?.value ?? null,
    biasIndex: core.extras.get('bias_index')?.value ?? null,
    shares: categoryShares(core.uc),
    labels: table.categories,
  });
  if (paradox) notes.push(paradox);
  if (convention === 'available' && core.tally.complete !== core.tally.rated) {
    notes.push(
      `missing ratings: percent agreement, Fleiss’ κ, Krippendorff’s α, Gwet’s AC1 and Brennan–Prediger use agreement over the ${core.tally.pairable} units with two or more values and category shares over the ${core.tally.rated} with at least one (Gwet 2014, irrCAC, ReCal3); ` +
        (m === 2 ? 'Cohen’s κ and Scott’s π' : 'the pairwise κ') +
        ` use the units each pair coded (every coder: ${core.tally.complete}); --complete-units keeps only those`,
    );
  }

  const metrics: Metrics = {};
  const reasons = new Map<string, MetricKey[]>();
  for (const key of METRIC_KEYS) {
    const e = estimates.get(key);
    if (!e) continue;
    metrics[key] = e.value;
    if (e.value === null) {
      const keys = reasons.get(e.reason) ?? [];
      keys.push(key);
      reasons.set(e.reason, keys);
    }
  }
  const undefinedNotes = [...reasons].map(([reason, keys]) => `${keys.join(', ')}: undefined, ${reason}`);
  const result: ScopeMetrics = {
    n: core.tally.complete,
    units: core.tally,
    metrics,
    intervals,
    notes: [...undefinedNotes, ...notes],
  };
  if (core.ct) result.confusion = confusionMatrix(core.ct, table.categories);
  return result;
}

function confusionMatrix(ct: ContingencyTable, labels: readonly string[]): ConfusionMatrix {
  const counts: number[][] = [];
  for (let i = 0; i < ct.k; i++) counts.push(Array.from(ct.counts.subarray(i * ct.k, i * ct.k + ct.k)));
  return { categories: [...labels], counts };
}

/** Agreement on one coded variable (a `--ratings` table): a single scope named `id`. */
export function computeVariableAgreement(table: RatingsTable, id: string, options: AgreementOptions): AgreementResult {
  return {
    coders: [...table.coders],
    units: table.unitCount,
    missing: options.missing ?? 'available',
    results: [{ scope: 'variable', id, ...computeAgreementMetrics(table, options) }],
  };
}
