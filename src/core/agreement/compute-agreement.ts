import type { AgreementResult, ConfusionMatrix, Metrics, MetricKey, ScopeResult } from './agreement-result.js';
import { METRIC_KEYS } from './agreement-result.js';
import { computeAlphaBootstrap } from './alpha-bootstrap.js';
import { computeBrennanPrediger } from './brennan-prediger.js';
import { computeCoincidenceMatrix } from './coincidence-matrix.js';
import { computeCohenKappa } from './cohen-kappa.js';
import { computeContingencyTable, type ContingencyTable } from './contingency-table.js';
import type { Estimate, Interval } from './estimate.js';
import { computeFleissKappa } from './fleiss-kappa.js';
import { computeGwetAc1 } from './gwet-ac1.js';
import { computeKrippendorffAlpha } from './krippendorff-alpha.js';
import { computePairwiseCohenKappa } from './pairwise-cohen-kappa.js';
import { computePercentAgreement } from './percent-agreement.js';
import { computePrevalenceBias } from './prevalence-bias.js';
import { selectCompleteUnits, type Level, type RatingsTable } from './ratings-table.js';
import { computeScottPi } from './scott-pi.js';
import { computeUnitCounts } from './unit-counts.js';
import { computeWeightedKappa } from './weighted-kappa.js';

export interface BootstrapOptions {
  resamples: number;
  seed: number;
}

export interface AgreementOptions {
  /** Level of measurement for Krippendorff's α; weighted κ is reported unless nominal. */
  level: Level;
  bootstrap?: BootstrapOptions;
}

export type ScopeMetrics = Omit<ScopeResult, 'scope' | 'id'>;

/**
 * Every coefficient that applies to a table. Units every coder coded feed the
 * two-coder and the fixed-panel coefficients; Fleiss' κ and Krippendorff's α
 * also use units some coders left out, as their definitions allow.
 */
export function computeAgreementMetrics(table: RatingsTable, options: AgreementOptions): ScopeMetrics {
  const m = table.coders.length;
  if (m < 2) throw new Error('agreement needs at least two coders');
  const labels = table.categories;
  const complete = selectCompleteUnits(table);
  const n = complete.unitCount;
  const fixedPanel = computeUnitCounts(complete, 2);
  // Without missing values the three unit sets coincide: count once.
  const withValue = complete === table ? fixedPanel : computeUnitCounts(table, 1);
  const pairable = complete === table ? fixedPanel : computeUnitCounts(table, 2);

  const estimates = new Map<MetricKey, Estimate<number | Interval>>();
  const notes: string[] = [];
  estimates.set('percent_agreement', computePercentAgreement(fixedPanel));

  let confusion: ConfusionMatrix | undefined;
  if (m === 2) {
    const ct = computeContingencyTable(complete);
    const cohen = computeCohenKappa(ct, labels);
    estimates.set('cohen_kappa', cohen.kappa);
    estimates.set('cohen_kappa_se', cohen.se);
    estimates.set('cohen_kappa_se0', cohen.se0);
    estimates.set('cohen_kappa_z', cohen.z);
    estimates.set('cohen_kappa_ci', cohen.ci);
    if (options.level !== 'nominal') {
      estimates.set('kappa_linear', computeWeightedKappa(ct, 'linear', labels));
      estimates.set('kappa_quadratic', computeWeightedKappa(ct, 'quadratic', labels));
    }
    estimates.set('scott_pi', computeScottPi(ct, labels));
    if (ct.k === 2) {
      const pb = computePrevalenceBias(ct);
      estimates.set('prevalence_index', pb.prevalence);
      estimates.set('bias_index', pb.bias);
    }
    confusion = confusionMatrix(ct, labels);
  }

  const fleiss = computeFleissKappa(withValue, labels);
  estimates.set('fleiss_kappa', fleiss.kappa);
  estimates.set('fleiss_kappa_se0', fleiss.se0);
  estimates.set('fleiss_kappa_z', fleiss.z);

  const alpha = computeKrippendorffAlpha(computeCoincidenceMatrix(pairable), options.level, table.values, labels);
  estimates.set('krippendorff_alpha', alpha);
  if (options.bootstrap) {
    if (alpha.value === null) {
      estimates.set('krippendorff_alpha_ci', alpha);
    } else {
      const { resamples, seed } = options.bootstrap;
      const boot = computeAlphaBootstrap(pairable, options.level, table.values, labels, resamples, seed);
      estimates.set('krippendorff_alpha_ci', boot.ci);
      notes.push(`krippendorff_alpha_ci: percentile interval from ${resamples} bootstrap resamples of units, seed ${seed}`);
      if (boot.undefinedResamples > 0) {
        notes.push(
          `krippendorff_alpha_ci: α was undefined (all values alike) in ${boot.undefinedResamples} of ${resamples} resamples, which were left out`,
        );
      }
    }
  }

  const ac1 = computeGwetAc1(fixedPanel);
  estimates.set('gwet_ac1', ac1.ac1);
  estimates.set('gwet_ac1_se', ac1.se);
  estimates.set('brennan_prediger', computeBrennanPrediger(fixedPanel));

  if (m >= 3) {
    const pairwise = computePairwiseCohenKappa(complete);
    estimates.set('mean_pairwise_cohen_kappa', pairwise.mean);
    const skipped = pairwise.pairs.filter((p) => p.kappa.value === null);
    if (skipped.length > 0 && pairwise.mean.value !== null) {
      notes.push(
        `mean_pairwise_cohen_kappa: left out ${skipped.map((p) => `${p.coders[0]}–${p.coders[1]}`).join(', ')} (κ undefined: ${skipped[0]!.kappa.reason})`,
      );
    }
  }

  if (pairable.units !== n) {
    notes.push(
      `fleiss_kappa and krippendorff_alpha also use units coded by some but not all coders: ${pairable.units} units with two or more values, against n = ${n} coded by every coder`,
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
  const result: ScopeMetrics = { n, metrics, notes: [...undefinedNotes, ...notes] };
  if (confusion) result.confusion = confusion;
  return result;
}

function confusionMatrix(ct: ContingencyTable, labels: readonly string[]): ConfusionMatrix {
  const counts: number[][] = [];
  for (let i = 0; i < ct.k; i++) counts.push(Array.from(ct.counts.subarray(i * ct.k, i * ct.k + ct.k)));
  return { categories: [...labels], counts };
}

/** Agreement on one coded variable (a `--ratings` table): a single scope named `id`. */
export function computeVariableAgreement(table: RatingsTable, id: string, options: AgreementOptions): AgreementResult {
  return { coders: [...table.coders], units: table.unitCount, results: [{ scope: 'variable', id, ...computeAgreementMetrics(table, options) }] };
}
