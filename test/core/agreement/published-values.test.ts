import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { parseRatings } from '../../../src/core/agreement/parse-ratings.js';
import type { Level } from '../../../src/core/agreement/ratings-table.js';
import type { Metrics } from '../../../src/core/agreement/agreement-result.js';
import { referenceMetrics } from './reference/exact-reference.js';

// Each fixture folder has a SOURCE.md citing where the data and the values come from.
const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

function metrics(fixture: string, level: Level, categories?: string[]): Metrics {
  const file = path.join(fixtures, fixture, 'ratings.csv');
  const { table } = parseRatings(readFileSync(file, 'utf8'), { file, level, ...(categories ? { categories } : {}) });
  return computeAgreementMetrics(table, { level }).metrics;
}

/** Published values are rounded: equal to the printed digits. */
function close(actual: unknown, published: number, digits: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12);
}

describe('Krippendorff (2011): 4 observers × 12 units with missing values', () => {
  const fx = 'agreement-krippendorff-2011-four-observers-missing';
  it('α nominal .743, ordinal .815, interval .849, ratio .797', () => {
    close(metrics(fx, 'nominal').krippendorff_alpha, 0.743, 3);
    close(metrics(fx, 'ordinal').krippendorff_alpha, 0.815, 3);
    close(metrics(fx, 'interval').krippendorff_alpha, 0.849, 3);
    close(metrics(fx, 'ratio').krippendorff_alpha, 0.797, 3);
  });
  it('irrCAC: α 0.74342 and Fleiss κ with missing ratings 0.76117', () => {
    const m = metrics(fx, 'nominal');
    close(m.krippendorff_alpha, 0.74342, 5);
    close(m.fleiss_kappa, 0.76117, 5);
  });
});

describe('Fleiss (1971): 30 patients × 6 raters', () => {
  const m = metrics('agreement-fleiss-1971-diagnoses', 'nominal');
  it('κ .430; R irr prints 0.4302445 and z = 17.65183', () => {
    close(m.fleiss_kappa, 0.43, 3);
    close(m.fleiss_kappa, 0.4302445, 7);
    close(m.fleiss_kappa_z, 17.65183, 5);
  });
});

describe('SAS PROC FREQ 3×3 example (statsmodels test_inter_rater.py)', () => {
  const m = metrics('agreement-sas-cohen-kappa-3x3', 'ordinal');
  it('κ .4842, ASE .1380, CI .2137–.7547, ASE0 .1484, Z 3.2626', () => {
    close(m.cohen_kappa, 0.4842, 4);
    close(m.cohen_kappa_se, 0.138, 4);
    const ci = m.cohen_kappa_ci as [number, number];
    close(ci[0], 0.2137, 4);
    close(ci[1], 0.7547, 4);
    close(m.cohen_kappa_se0, 0.1484, 4);
    close(m.cohen_kappa_z, 3.2626, 4);
  });
  it('linear weighted κ .4701 (SAS); quadratic exactly 140/311 (exact-fraction reference)', () => {
    close(m.kappa_linear, 0.4701, 4);
    expect(m.kappa_quadratic).toBeCloseTo(140 / 311, 12);
    const cells = [[0, 4, 1], [0, 8, 0], [0, 1, 5]].flatMap((row, i) => row.flatMap((x, j) => Array.from({ length: x }, () => [i, j])));
    const exact = referenceMetrics(cells, 3, 'ordinal', [1, 2, 3]);
    expect([exact.kappa_quadratic!.num, exact.kappa_quadratic!.den]).toEqual([140n, 311n]);
    expect([exact.kappa_linear!.num, exact.kappa_linear!.den]).toEqual([118n, 251n]);
  });
});

describe('R irr anxiety, raters 2 and 3 (statsmodels test_inter_rater.py)', () => {
  const m = metrics('agreement-irr-anxiety-weighted-kappa', 'ordinal');
  it('unweighted −0.006289308 (z −0.0604067), linear 0.1459075, quadratic 0.2520325', () => {
    close(m.cohen_kappa, -0.006289308, 9);
    close(m.cohen_kappa_z, -0.0604067, 7);
    close(m.kappa_linear, 0.1459075, 7);
    close(m.kappa_quadratic, 0.2520325, 7);
  });
});

describe('irrCAC cont3x3abstractors (README)', () => {
  const m = metrics('agreement-irrcac-cont3x3abstractors', 'nominal', ['Ectopic', 'AIU', 'NIU']);
  it('κ 0.7964094, π 0.7962397, AC1 0.8493305 (se 0.04321747), BP 0.835, α 0.7972585, pa 0.89', () => {
    close(m.cohen_kappa, 0.7964094, 7);
    close(m.scott_pi, 0.7962397, 7);
    close(m.gwet_ac1, 0.8493305, 7);
    close(m.gwet_ac1_se, 0.04321747, 8);
    close(m.brennan_prediger, 0.835, 12);
    close(m.krippendorff_alpha, 0.7972585, 7);
    close(m.percent_agreement, 0.89, 12);
  });
});

describe('irrCAC distrib.6raters (README)', () => {
  const m = metrics('agreement-irrcac-distrib-6raters', 'nominal', [
    'depression',
    'personality',
    'schizophrenia',
    'neurosis',
    'other',
  ]);
  it('AC1 0.4448007 (se 0.08418757), Fleiss 0.4139265, α 0.4204384, BP 0.4388889, pa 0.5511111', () => {
    close(m.gwet_ac1, 0.4448007, 7);
    close(m.gwet_ac1_se, 0.08418757, 8);
    close(m.fleiss_kappa, 0.4139265, 7);
    close(m.krippendorff_alpha, 0.4204384, 7);
    close(m.brennan_prediger, 0.4388889, 7);
    close(m.percent_agreement, 0.5511111, 7);
  });
});
