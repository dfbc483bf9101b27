/**
 * Log-likelihood keyness of a term between a target and a reference corpus:
 *   E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d),
 *   G² = 2 (a ln(a / E1) + b ln(b / E2)),
 * where a and b are the term's frequencies in the target and the reference
 * and c and d are their sizes in tokens (a term with a zero frequency adds 0,
 * the limit of O ln O). The sign says the direction: positive when the term is
 * relatively more frequent in the target (a / c > b / d), negative otherwise.
 * Sources: T. Dunning (1993), Computational Linguistics 19(1); P. Rayson &
 * R. Garside (2000), Comparing corpora using frequency profiling, WCC workshop.
 */
export function computeLogLikelihoodKeyness(a: number, b: number, c: number, d: number): number {
  const total = c + d;
  if (a + b === 0 || c === 0 || d === 0) return 0;
  const e1 = (c * (a + b)) / total;
  const e2 = (d * (a + b)) / total;
  const g2 = 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
  return a / c >= b / d ? g2 : -g2;
}
