import { chiSquareUpperTail } from './regularized-gamma.js';

/** Pearson's χ² test of independence on an r × c table of counts. */
export interface ChiSquareResult {
  chi2: number;
  df: number;
  p: number;
  /** Cramér's V = √(χ² / (n · (min(r, c) − 1))). */
  cramersV: number;
  n: number;
  /** Smallest expected count E_ij = R_i C_j / n. */
  minExpected: number;
  /** How many cells have an expected count under 5. */
  cellsExpectedUnder5: number;
  cells: number;
}

/**
 * χ² = Σ_ij (O_ij − E_ij)² / E_ij with E_ij = R_i C_j / n, df = (r − 1)(c − 1),
 * p = Q(df/2, χ²/2) (upper tail), and Cramér's V. No continuity correction, so
 * values equal R's `chisq.test(x, correct = FALSE)`. Rows or columns whose total
 * is zero are dropped first (they carry no information and would divide by
 * zero); the result is null when fewer than two rows or two columns remain.
 * Sources: K. Pearson (1900); H. Cramér (1946), Mathematical Methods of
 * Statistics, §21.9.
 */
export function computeChiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult | null {
  const colCount = table[0]?.length ?? 0;
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: colCount }, (_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0));
  const rows = table.map((_, i) => i).filter((i) => rowTotals[i]! > 0);
  const cols = colTotals.map((_, j) => j).filter((j) => colTotals[j]! > 0);
  if (rows.length < 2 || cols.length < 2) return null;
  const n = rows.reduce((s, i) => s + rowTotals[i]!, 0);
  let chi2 = 0;
  let minExpected = Infinity;
  let under5 = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowTotals[i]! * colTotals[j]!) / n;
      const diff = table[i]![j]! - expected;
      chi2 += (diff * diff) / expected;
      if (expected < minExpected) minExpected = expected;
      if (expected < 5) under5++;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  const k = Math.min(rows.length, cols.length) - 1;
  return {
    chi2,
    df,
    p: chiSquareUpperTail(chi2, df),
    cramersV: Math.sqrt(chi2 / (n * k)),
    n,
    minExpected,
    cellsExpectedUnder5: under5,
    cells: rows.length * cols.length,
  };
}
