import type { Interval } from './estimate.js';

/**
 * The result of `qcode agree`, serialised as JSON exactly in this shape:
 *   {"coders":[…],"units":N,"results":[{"scope","id","n","metrics","notes"}]}
 * A metric key is absent where the coefficient does not apply to the data
 * and null where it is undefined (its reason is then in `notes`). Values are
 * unrounded proportions.
 */
export type Scope = 'code' | 'category' | 'pooled' | 'mean' | 'variable';

/** Metric keys in output order. */
export const METRIC_KEYS = [
  'percent_agreement',
  'cohen_kappa',
  'cohen_kappa_se',
  'cohen_kappa_se0',
  'cohen_kappa_z',
  'cohen_kappa_ci',
  'kappa_linear',
  'kappa_quadratic',
  'scott_pi',
  'fleiss_kappa',
  'fleiss_kappa_se0',
  'fleiss_kappa_z',
  'krippendorff_alpha',
  'krippendorff_alpha_ci',
  'gwet_ac1',
  'gwet_ac1_se',
  'brennan_prediger',
  'mean_pairwise_cohen_kappa',
  'prevalence_index',
  'bias_index',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];

/** Coefficients (not standard errors, z or intervals): the ones a gate or a mean can use. */
export const COEFFICIENT_KEYS: readonly MetricKey[] = [
  'percent_agreement',
  'cohen_kappa',
  'kappa_linear',
  'kappa_quadratic',
  'scott_pi',
  'fleiss_kappa',
  'krippendorff_alpha',
  'gwet_ac1',
  'brennan_prediger',
  'mean_pairwise_cohen_kappa',
];

export type MetricValue = number | Interval | null;
export type Metrics = Partial<Record<MetricKey, MetricValue>>;

/** Two coders' cross-classification, rows the first coder. */
export interface ConfusionMatrix {
  categories: string[];
  counts: number[][];
}

export interface ScopeResult {
  scope: Scope;
  id: string;
  /** Units every coder coded (for `mean`: the per-code results averaged). */
  n: number;
  metrics: Metrics;
  notes: string[];
  /** Two coders only. */
  confusion?: ConfusionMatrix;
}

export interface AgreementResult {
  coders: string[];
  /** Distinct units in the input (coded by at least one coder). */
  units: number;
  results: ScopeResult[];
}
