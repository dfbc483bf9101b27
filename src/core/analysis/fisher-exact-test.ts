import { logFactorial } from '../stats/log-gamma.js';

/**
 * Fisher's exact test for a 2 × 2 table [[a, b], [c, d]], two-sided: with the
 * margins fixed, the first cell follows the hypergeometric distribution
 *   P(x) = C(a+b, x) · C(c+d, a+c−x) / C(n, a+c),
 * and p is the sum of P(x) over every x with P(x) ≤ P(a) · (1 + 1e-7). The
 * relative tolerance keeps tables as likely as the observed one from being
 * lost to rounding; it is the rule R's `fisher.test` uses, so p matches R.
 * Source: R. A. Fisher (1935), The Design of Experiments, §2 (the lady tasting tea).
 */
export function computeFisherExact2x2(table: readonly (readonly number[])[]): number {
  const a = table[0]?.[0] ?? 0;
  const b = table[0]?.[1] ?? 0;
  const c = table[1]?.[0] ?? 0;
  const d = table[1]?.[1] ?? 0;
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const logDenominator = logChoose(n, col1);
  const logP = (x: number) => logChoose(row1, x) + logChoose(n - row1, col1 - x) - logDenominator;
  const observed = logP(a);
  const limit = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
    const lp = logP(x);
    if (lp <= limit) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
