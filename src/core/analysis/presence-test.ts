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
  /** Fisher's exact two-sided p, for two groups only (a 2 × 2 table). */
  fisher_p: number | null;
  /** Why the χ² p is approximate or missing, else null. */
  warning: string | null;
}

/**
 * χ² test of independence on the groups × (present, absent) table of
 * segments, with Cramér's V; Fisher's exact p whenever there are exactly two
 * groups; a warning when an expected count is under 5 (Cochran's rule: the χ²
 * approximation may then be poor).
 */
export function computePresenceTest(category: string, code: string | null, table: number[][]): PresenceTest {
  const base = { category, code };
  const fisher = table.length === 2 ? computeFisherExact2x2(table) : null;
  const r = computeChiSquareTest(table);
  if (!r) {
    const present = table.reduce((s, row) => s + row[0]!, 0);
    const why =
      table.length < 2 ? 'only one group' : present === 0 ? 'never applied' : 'applied to every segment';
    return { ...base, chi2: null, df: null, p: null, cramers_v: null, fisher_p: fisher, warning: `not tested: ${why}` };
  }
  const warning =
    r.cellsExpectedUnder5 > 0
      ? `${r.cellsExpectedUnder5} of ${r.cells} expected counts under 5${fisher !== null ? ': use Fisher’s exact p' : ': χ² p is approximate'}`
      : null;
  return { ...base, chi2: r.chi2, df: r.df, p: r.p, cramers_v: r.cramersV, fisher_p: fisher, warning };
}
