import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { errorFunction } from 'simple-statistics';
import { computeChiSquareTest } from '../../../src/core/analysis/chi-square-test.js';
import { computeFisherExact2x2 } from '../../../src/core/analysis/fisher-exact-test.js';
import { logFactorial, logGamma } from '../../../src/core/stats/log-gamma.js';
import { chiSquareUpperTail, regularizedGammaQ } from '../../../src/core/analysis/regularized-gamma.js';
import { computeLogLikelihoodKeyness } from '../../../src/core/analysis/log-likelihood-keyness.js';

describe('logGamma', () => {
  it('gives ln((n-1)!) at whole numbers and ln √π at 1/2', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logFactorial(30)).toBeCloseTo(74.65823634883016, 10);
  });
});

describe('regularizedGammaQ and the χ² upper tail', () => {
  it('equals e^{-x/2} for 2 degrees of freedom (closed form)', () => {
    for (const x of [0.1, 1, 5.991464547107979, 13.8, 40]) expect(chiSquareUpperTail(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
  });

  it('equals erfc(√(x/2)) for 1 degree of freedom', () => {
    for (const x of [0.2, 0.793651, 3.841459, 10]) {
      expect(chiSquareUpperTail(x, 1)).toBeCloseTo(1 - errorFunction(Math.sqrt(x / 2)), 6);
    }
  });

  it('gives p = 0.05 at the textbook critical values', () => {
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareUpperTail(7.814727903251178, 3)).toBeCloseTo(0.05, 12);
    expect(chiSquareUpperTail(18.307038053275146, 10)).toBeCloseTo(0.05, 12);
    expect(chiSquareUpperTail(124.34211340400407, 100)).toBeCloseTo(0.05, 11);
  });

  it('is 1 at x = 0 and decreases in x (property)', () => {
    expect(regularizedGammaQ(3, 0)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), (df, x, dx) => {
        const p1 = chiSquareUpperTail(x, df);
        const p2 = chiSquareUpperTail(x + dx, df);
        return p1 >= 0 && p1 <= 1 && p2 <= p1 + 1e-12;
      }),
    );
  });
});

describe('computeChiSquareTest', () => {
  it('matches R chisq.test on its documentation example (gender × party)', () => {
    // R: M <- as.table(rbind(c(762, 327, 468), c(484, 239, 477))); chisq.test(M)
    // X-squared = 30.07, df = 2, p-value = 2.954e-07
    const r = computeChiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ])!;
    expect(r.chi2).toBeCloseTo(30.0701, 3);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(2.954e-7, 9);
    expect(r.cramersV).toBeCloseTo(Math.sqrt(30.0701 / 2757), 4);
    expect(r.cellsExpectedUnder5).toBe(0);
  });

  it('matches a hand computation on a 2 × 2 table without continuity correction', () => {
    // E = 12, 18, 28, 42; χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.7936508; V = √(χ²/100)
    const r = computeChiSquareTest([
      [10, 20],
      [30, 40],
    ])!;
    expect(r.chi2).toBeCloseTo(4 / 12 + 4 / 18 + 4 / 28 + 4 / 42, 12);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.3730, 4);
    expect(r.cramersV).toBeCloseTo(0.0890871, 6);
    expect(r.minExpected).toBe(12);
  });

  it('counts expected cells under 5 and drops empty rows and columns', () => {
    const r = computeChiSquareTest([
      [3, 1, 0],
      [1, 3, 0],
      [0, 0, 0],
    ])!;
    expect(r.df).toBe(1);
    expect(r.cells).toBe(4);
    expect(r.cellsExpectedUnder5).toBe(4);
    expect(r.chi2).toBeCloseTo(2, 12);
  });

  it('is null when a margin leaves fewer than two rows or columns', () => {
    expect(
      computeChiSquareTest([
        [0, 5],
        [0, 7],
      ]),
    ).toBeNull();
    expect(computeChiSquareTest([[1, 2]])).toBeNull();
  });
});

describe('computeFisherExact2x2', () => {
  it('matches R fisher.test on TeaTasting: p = 0.4857', () => {
    expect(
      computeFisherExact2x2([
        [3, 1],
        [1, 3],
      ]),
    ).toBeCloseTo(34 / 70, 12);
  });

  it('matches R fisher.test(matrix(c(1, 11, 9, 3), 2)): p = 0.002759', () => {
    expect(
      computeFisherExact2x2([
        [1, 9],
        [11, 3],
      ]),
    ).toBeCloseTo(0.002759456, 8);
  });

  it('is 1 for a table exactly at independence', () => {
    expect(
      computeFisherExact2x2([
        [2, 2],
        [2, 2],
      ]),
    ).toBeCloseTo(1, 12);
  });
});

describe('computeLogLikelihoodKeyness', () => {
  it('matches a hand computation', () => {
    // a=10 in 1000 tokens, b=5 in 2000: E1 = 5, E2 = 10; G² = 2(10 ln 2 + 5 ln ½) = 10 ln 2
    expect(computeLogLikelihoodKeyness(10, 5, 1000, 2000)).toBeCloseTo(10 * Math.log(2), 12);
  });

  it('is negative for a term under-used in the target and 0 for no occurrences', () => {
    expect(computeLogLikelihoodKeyness(5, 10, 2000, 1000)).toBeCloseTo(-10 * Math.log(2), 12);
    expect(computeLogLikelihoodKeyness(0, 0, 100, 100)).toBe(0);
  });

  it('handles a term absent from the reference: G² = 2a ln((c+d)/c)', () => {
    expect(computeLogLikelihoodKeyness(4, 0, 100, 300)).toBeCloseTo(2 * 4 * Math.log(4), 12);
  });

  it('dunning: the G-test of the full 2 × 2 table, as scipy chi2_contingency(lambda_="log-likelihood") gives it', () => {
    // scipy 1.10.1 (Debian python3-scipy): [[10, 5], [990, 1995]] → 6.969191931932806; [[2, 0], [6, 13]] → 4.211310139918311.
    expect(computeLogLikelihoodKeyness(10, 5, 1000, 2000, 'dunning')).toBeCloseTo(6.969191931932806, 12);
    expect(computeLogLikelihoodKeyness(2, 0, 8, 13, 'dunning')).toBeCloseTo(4.211310139918311, 12);
    // The two forms differ by the other tokens' cells: little for a rare term (6.969 against 10 ln 2 = 6.931).
    expect(computeLogLikelihoodKeyness(10, 5, 1000, 2000, 'dunning') - computeLogLikelihoodKeyness(10, 5, 1000, 2000)).toBeCloseTo(0.0377, 4);
  });
});

describe('invariants (property tests)', () => {
  const cell = fc.integer({ min: 0, max: 60 });
  const table = (rows: number, cols: number) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

  it('χ²: p and Cramér’s V lie in [0, 1]; transposing the table changes nothing', () => {
    const anyTable = fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 4 })).chain(([r, c]) => table(r, c));
    fc.assert(
      fc.property(anyTable, (t) => {
        const a = computeChiSquareTest(t);
        const b = computeChiSquareTest(t[0]!.map((_, j) => t.map((row) => row[j]!)));
        if (a === null) return b === null;
        return (
          a.p >= 0 &&
          a.p <= 1 + 1e-12 &&
          a.cramersV >= 0 &&
          a.cramersV <= 1 + 1e-9 &&
          Math.abs(a.chi2 - b!.chi2) <= 1e-9 * (1 + a.chi2) &&
          a.df === b!.df
        );
      }),
    );
  });

  it('Fisher: p in (0, 1], unchanged by transposing or swapping rows', () => {
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const p = computeFisherExact2x2([
          [a, b],
          [c, d],
        ]);
        const pt = computeFisherExact2x2([
          [a, c],
          [b, d],
        ]);
        const ps = computeFisherExact2x2([
          [c, d],
          [a, b],
        ]);
        return p > 0 && p <= 1 && Math.abs(p - pt) < 1e-9 && Math.abs(p - ps) < 1e-9;
      }),
    );
  });
});
