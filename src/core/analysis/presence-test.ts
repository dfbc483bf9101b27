import { createRng } from '../random/create-rng.js';
import { sampleMultinomial } from '../random/sample-multinomial.js';
import { quantile } from '../stats/quantile.js';
import { computeChiSquareTest } from './chi-square-test.js';
import { computeFisherExact2x2 } from './fisher-exact-test.js';

/** The test of one code's (or category's) presence by group. Undefined statistics are null. */
export interface PresenceTest {
  category: string;
  code: string | null;
  chi2: number | null;
  df: number | null;
  p: number | null;
  cramers_v: number | null;
  /** Percentile bootstrap 95% interval of Cramér's V (resampling the tested units), or null. */
  cramers_v_ci: [number, number] | null;
  /** Fisher's exact two-sided p, for two groups only (a 2 × 2 table). */
  fisher_p: number | null;
  /** Why the χ² p is approximate or missing, else null. */
  warning: string | null;
}

/**
 * χ² test of independence on the groups × (present, absent) table of
 * segments, with Cramér's V (and its bootstrap interval unless `interval` is
 * false: null then); Fisher's exact p whenever there are exactly two
 * groups; a warning when an expected count is under 5 (Cochran's rule: the χ²
 * approximation may then be poor).
 */
export function computePresenceTest(category: string, code: string | null, table: number[][], interval = true): PresenceTest {
  const base = { category, code };
  const fisher = table.length === 2 ? computeFisherExact2x2(table) : null;
  const r = computeChiSquareTest(table);
  if (!r) {
    const present = table.reduce((s, row) => s + row[0]!, 0);
    const why =
      table.length < 2 ? 'only one group' : present === 0 ? 'never applied' : 'applied to every segment';
    return { ...base, chi2: null, df: null, p: null, cramers_v: null, cramers_v_ci: null, fisher_p: fisher, warning: `not tested: ${why}` };
  }
  const warning =
    r.cellsExpectedUnder5 > 0
      ? `${r.cellsExpectedUnder5} of ${r.cells} expected counts under 5${fisher !== null ? ': use Fisher’s exact p' : ': χ² p is approximate'}`
      : null;
  return { ...base, chi2: r.chi2, df: r.df, p: r.p, cramers_v: r.cramersV, cramers_v_ci: interval ? cramersVInterval(table) : null, fisher_p: fisher, warning };
}

export const CRAMERS_V_RESAMPLES = 1000;
export const CRAMERS_V_SEED = 1;

/**
 * A 95% percentile bootstrap interval for Cramér's V: the n tested units are
 * resampled with replacement (a multinomial draw over the table's cells, with
 * qcode's seeded generator), V recomputed on each resample (0 where a
 * resample leaves a single row or column), and the 2.5th and 97.5th
 * percentiles (type 7) taken. V is biased upwards in small samples, and so is
 * the interval; it is a measure of precision, not a test.
 */
export function cramersVInterval(table: readonly (readonly number[])[]): [number, number] {
  const cells = table.flat();
  const n = cells.reduce((s, v) => s + v, 0);
  const cols = table[0]?.length ?? 0;
  const rng = createRng(CRAMERS_V_SEED);
  const draw = new Float64Array(cells.length);
  const values: number[] = [];
  for (let b = 0; b < CRAMERS_V_RESAMPLES; b++) {
    sampleMultinomial(rng, n, cells, draw);
    const resample = table.map((_, i) => Array.from(draw.subarray(i * cols, i * cols + cols)));
    values.push(computeChiSquareTest(resample)?.cramersV ?? 0);
  }
  values.sort((a, b) => a - b);
  return [quantile(values, 0.025), quantile(values, 0.975)];
}
