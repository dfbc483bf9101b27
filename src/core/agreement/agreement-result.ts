import type { Interval } from './estimate.js';

/**
 * The result of `qcode agree`, serialised as JSON exactly in this shape:
 *   {"coders":[…],"units":N,"missing":"available"|"complete","results":[
 *     {"scope","id","n","units":{rated,pairable,complete},"metrics","intervals","notes"}]}
 * A metric key is absent where the coefficient does not apply to the data
 * and null where it is undefined (its reason is then in `notes`). Values are
 * unrounded proportions.
 */
export type Scope = 'code' | 'category' | 'pooled' | 'mean' | 'variable';

/** Coefficients in output order: the ones a gate, a mean or a bootstrap can use. */
export const COEFFICIENT_KEYS = [
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
] as const;
export type CoefficientKey = (typeof COEFFICIENT_KEYS)[number];

/** Statistics beside the coefficients that are not coefficients themselves. */
const EXTRA = {
  cohen_kappa: ['cohen_kappa_se0', 'cohen_kappa_z'],
  fleiss_kappa: ['fleiss_kappa_se0', 'fleiss_kappa_z'],
} as const;
const INDICES = ['prevalence_index', 'bias_index'] as const;

export type MetricKey =
  | CoefficientKey
  | `${CoefficientKey}_se`
  | `${CoefficientKey}_ci`
  | `${CoefficientKey}_boot_ci`
  | (typeof EXTRA)[keyof typeof EXTRA][number]
  | (typeof INDICES)[number];

/** Metric keys in output order: each coefficient, its SE, its extras, its intervals; then the indices. */
export const METRIC_KEYS: readonly MetricKey[] = [
  ...COEFFICIENT_KEYS.flatMap((k): MetricKey[] => [
    k,
    `${k}_se`,
    ...((EXTRA as Record<string, readonly MetricKey[]>)[k] ?? []),
    `${k}_ci`,
    `${k}_boot_ci`,
  ]),
  ...INDICES,
];

export type MetricValue = number | Interval | null;
export type Metrics = Partial<Record<MetricKey, MetricValue>>;

/** How an interval was made, for the reader and for plots (issue 13 draws them). */
export interface IntervalInfo {
  /** wald_t: value ± t(df)·SE (irrCAC); wald_z: value ± z·SE (Fleiss–Cohen–Everitt, SAS); percentile_bootstrap. */
  method: 'wald_t' | 'wald_z' | 'percentile_bootstrap';
  level: 0.95;
  /** Degrees of freedom of the t quantile. */
  df?: number;
  /** Bootstrap: resamples drawn, resamples in which the coefficient was defined, seed. */
  resamples?: number;
  defined_resamples?: number;
  seed?: number;
  /** The coefficient's range; a Wald interval is cut at its ends. */
  range: [number, number];
  /** The ends that were cut to the range. */
  truncated: ('lower' | 'upper')[];
  /** Why no interval is given although the coefficient is defined (a zero-width or one-unit interval says nothing). */
  degenerate?: string;
  /** Where the method is known to cover less than it says. */
  caution?: string;
}

/** Two coders' cross-classification, rows the first coder. */
export interface ConfusionMatrix {
  categories: string[];
  counts: number[][];
}

export interface UnitTally {
  /** Units with at least one value. */
  rated: number;
  /** Units with two or more values. */
  pairable: number;
  /** Units every coder coded. */
  complete: number;
}

export interface ScopeResult {
  scope: Scope;
  id: string;
  /** Units every coder coded (for `mean`: the number of codes averaged). */
  n: number;
  /** Units by how many coders coded them (absent for `mean`). */
  units?: UnitTally;
  metrics: Metrics;
  /** Keyed by the interval's metric key (`…_ci`, `…_boot_ci`). */
  intervals?: Partial<Record<MetricKey, IntervalInfo>>;
  notes: string[];
  /** Two coders only. */
  confusion?: ConfusionMatrix;
}

/**
 * Which units the multi-coder coefficients rest on when ratings are missing:
 * `available` (default, as irrCAC and ReCal3): agreement over units with two
 * or more values, category shares over units with at least one;
 * `complete` (--complete-units): only units every coder coded.
 */
export type MissingConvention = 'available' | 'complete';

export interface AgreementResult {
  coders: string[];
  /** Distinct units in the input (coded by at least one coder). */
  units: number;
  missing: MissingConvention;
  results: ScopeResult[];
}
