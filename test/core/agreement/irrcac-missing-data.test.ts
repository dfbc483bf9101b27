import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../../src/core/agreement/agreement-result.js';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { buildRatingsTableFromLabels } from '../../../src/core/agreement/ratings-table.js';

/**
 * irrCAC (Gwet; R package, README, and its Python port's unit tests, which
 * print R's values to three decimals) on raw ratings with missing values: the
 * convention qcode follows by default (agreement over units with two or more
 * ratings, category shares over units with one or more; t(n − 1) intervals
 * cut at 1). Data sets as shipped with irrCAC (Gwet 2014, Handbook of
 * Inter-Rater Reliability, 4th ed.):
 *   cac.raw4raters (p. 120), cac.raw5obser (p. 125, 15 units), cac.raw.g1g2,
 *   cac.raw.gender, cac.ben.gerry. '' = missing.
 * Python port: github.com/afergadis/irrCAC, test/unit/irrCAC/raw/test_{gwet,fleiss,bp,krippendorff}.py.
 */
const DATA: Record<string, { coders: string[]; categories: string[]; rows: string[] }> = {
  raw4raters: {
    coders: ['R1', 'R2', 'R3', 'R4'],
    categories: ['1', '2', '3', '4', '5'],
    rows: ['1,1,,1', '2,2,3,2', '3,3,3,3', '3,3,3,3', '2,2,2,2', '1,2,3,4', '4,4,4,4', '1,1,2,1', '2,2,2,2', ',5,5,5', ',,1,1', ',,3,'],
  },
  raw5observers: {
    coders: ['O1', 'O2', 'O3', 'O4', 'O5'],
    categories: ['0', '1', '2', '3'],
    rows: ['1,1,2,,2', '1,1,0,1,', '2,3,3,3,', ',0,0,,0', '0,0,0,,0', '0,0,0,,0', '1,0,2,,1', '1,,2,0,', '2,2,2,,2', '2,1,1,1,', ',1,0,0,', '0,0,0,0,', '1,2,2,2,', '3,3,2,2,3', '1,1,1,,1'],
  },
  g1g2: {
    coders: ['R1', 'R2', 'R3', 'R4'],
    categories: ['a', 'b', 'c', 'd', 'e'],
    rows: ['a,a,,a', 'b,b,c,b', 'c,c,c,c', 'c,c,c,c', 'b,b,b,b', 'a,b,c,d', 'd,d,d,d', 'a,a,b,a', 'b,b,b,b', ',e,e,e', ',,a,a', ',,c,', 'b,b,c,b', 'b,a,c,b'],
  },
  gender: {
    coders: ['R1', 'R2', 'R3', 'R4'],
    categories: ['a', 'b', 'c'],
    rows: ['a,a,a,c', 'a,a,b,c', 'a,a,b,c', 'a,a,c,c', 'a,b,a,a', 'b,a,a,a', 'b,b,b,b', 'b,c,b,b', 'c,c,c,c', 'a,a,a,c', 'a,a,b,c', 'a,a,b,c', 'a,a,c,c', 'a,b,a,a', 'b,a,a,a'],
  },
  benGerry: {
    coders: ['Ben', 'Gerry'],
    categories: ['a', 'b', 'c', 'd', 'e'],
    rows: ['a,b', 'a,a', 'b,b', 'b,b', 'd,b', 'c,c', 'c,c', 'c,c', 'e,e', 'd,', 'd,d', 'a,d'],
  },
};

function metrics(name: string): Metrics {
  const d = DATA[name]!;
  const rows = d.rows.map((r) => r.split(','));
  return computeAgreementMetrics(buildRatingsTableFromLabels(d.coders, d.categories, rows), { level: 'nominal' }).metrics;
}

/** Published values are rounded: equal to the printed digits. */
function close(actual: unknown, published: number, digits: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12);
}

type Row = [coefficient: string, value: number, se: number, lower: number, upper: number];
const cases: Record<string, { pa: number; rows: Row[] }> = {
  raw4raters: {
    pa: 0.818,
    rows: [
      ['gwet_ac1', 0.775, 0.143, 0.461, 1],
      ['fleiss_kappa', 0.761, 0.153, 0.424, 1],
      ['brennan_prediger', 0.773, 0.145, 0.454, 1],
      ['krippendorff_alpha', 0.743, 0.146, 0.419, 1],
    ],
  },
  raw5observers: {
    pa: 0.616,
    rows: [
      ['gwet_ac1', 0.497, 0.122, 0.235, 0.758],
      ['fleiss_kappa', 0.458, 0.12, 0.199, 0.716],
      ['brennan_prediger', 0.487, 0.121, 0.228, 0.747],
      ['krippendorff_alpha', 0.481, 0.114, 0.237, 0.724],
    ],
  },
  g1g2: {
    pa: 0.744,
    rows: [
      ['gwet_ac1', 0.685, 0.134, 0.396, 0.973],
      ['fleiss_kappa', 0.657, 0.15, 0.333, 0.981],
      ['brennan_prediger', 0.679, 0.136, 0.385, 0.974],
      ['krippendorff_alpha', 0.632, 0.15, 0.306, 0.958],
    ],
  },
  gender: {
    pa: 0.456,
    rows: [
      ['gwet_ac1', 0.208, 0.091, 0.014, 0.403],
      ['fleiss_kappa', 0.129, 0.141, -0.172, 0.43],
      ['brennan_prediger', 0.183, 0.102, -0.035, 0.402],
      ['krippendorff_alpha', 0.143, 0.141, -0.158, 0.445],
    ],
  },
  benGerry: {
    pa: 0.727,
    rows: [
      ['gwet_ac1', 0.661, 0.184, 0.257, 1],
      ['fleiss_kappa', 0.649, 0.191, 0.228, 1],
      ['brennan_prediger', 0.659, 0.185, 0.251, 1],
      ['krippendorff_alpha', 0.665, 0.18, 0.264, 1],
    ],
  },
};

describe('irrCAC on raw ratings with missing values (three printed decimals)', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: pa ${c.pa}; ${c.rows.map((r) => `${r[0]} ${r[1]} (SE ${r[2]}, ${r[3]}–${r[4]})`).join('; ')}`, () => {
      const m = metrics(name) as Record<string, unknown>;
      close(m.percent_agreement, c.pa, 3);
      for (const [key, value, se, lower, upper] of c.rows) {
        close(m[key], value, 3);
        close(m[`${key}_se`], se, 3);
        const ci = m[`${key}_ci`] as [number, number];
        close(ci[0], lower, 3);
        close(ci[1], upper, 3);
      }
    });
  }

  it('raw4raters to the README digits: pa 0.8181818 (SE 0.12561), AC1 0.77544 (0.14295), Fleiss 0.76117 (0.15302), α 0.74342 (0.14557), BP 0.77273 (0.14472)', () => {
    const m = metrics('raw4raters');
    close(m.percent_agreement, 0.8181818, 7);
    close(m.percent_agreement_se, 0.12561, 5);
    close(m.gwet_ac1, 0.77544, 5);
    close(m.gwet_ac1_se, 0.14295, 5);
    close(m.fleiss_kappa, 0.76117, 5);
    close(m.fleiss_kappa_se, 0.15302, 5);
    close(m.krippendorff_alpha, 0.74342, 5);
    close(m.krippendorff_alpha_se, 0.14557, 5);
    close(m.brennan_prediger, 0.77273, 5);
    close(m.brennan_prediger_se, 0.14472, 5);
    // README: conf.int (0.542,1), (0.461,1), (0.424,1), (0.419,1), (0.454,1): the upper ends cut at 1.
    expect((m.gwet_ac1_ci as readonly number[])[1]).toBe(1);
  });

  it('--complete-units uses only the units every coder coded (8 of 12 here)', () => {
    const d = DATA.raw4raters!;
    const table = buildRatingsTableFromLabels(d.coders, d.categories, d.rows.map((r) => r.split(',')));
    const all = computeAgreementMetrics(table, { level: 'nominal', missing: 'complete' });
    const complete = buildRatingsTableFromLabels(d.coders, d.categories, d.rows.map((r) => r.split(',')).filter((r) => r.every((v) => v !== '')));
    expect(all.n).toBe(8);
    expect(all.metrics).toEqual(computeAgreementMetrics(complete, { level: 'nominal' }).metrics);
    expect(all.metrics.gwet_ac1).not.toBeCloseTo(0.77544, 3);
  });
});
