import type { MetricKey } from './agreement-result.js';

/**
 * Words beside a value. κ-type coefficients use Landis & Koch's (1977) bands;
 * Krippendorff's α his thresholds (Krippendorff 2004, p. 241): ≥ .800 reliable,
 * ≥ .667 tentative conclusions only. Percent agreement gets none: it is not
 * corrected for chance.
 */
export const LANDIS_KOCH_CITATION =
  'Landis, J. R., & Koch, G. G. (1977). The measurement of observer agreement for categorical data. Biometrics, 33(1), 159–174.';
export const KRIPPENDORFF_CITATION =
  'Krippendorff, K. (2004). Content analysis: An introduction to its methodology (2nd ed., p. 241). Sage.';

const KAPPA_TYPE: ReadonlySet<MetricKey> = new Set([
  'cohen_kappa',
  'kappa_linear',
  'kappa_quadratic',
  'scott_pi',
  'fleiss_kappa',
  'gwet_ac1',
  'brennan_prediger',
  'mean_pairwise_cohen_kappa',
]);

export function interpretLandisKoch(value: number): string {
  if (value < 0) return 'poor';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost perfect';
}

export function interpretKrippendorff(value: number): string {
  if (value >= 0.8) return 'reliable';
  if (value >= 0.667) return 'tentative';
  return 'unreliable';
}

/** The interpretation of a metric's value, or null where the metric has none. */
export function interpretMetric(key: MetricKey, value: number): string | null {
  if (key === 'krippendorff_alpha') return interpretKrippendorff(value);
  if (KAPPA_TYPE.has(key)) return interpretLandisKoch(value);
  return null;
}
