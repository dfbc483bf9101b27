/** Which log-likelihood: the two-cell form of Rayson & Garside (2000) or Dunning's (1993) full 2 × 2 table. */
export type KeynessForm = 'two-cell' | 'dunning';
export const KEYNESS_FORMS: readonly KeynessForm[] = ['two-cell', 'dunning'];

/** O ln(O/E), 0 for an empty cell (the limit of O ln O). */
const term = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/**
 * Log-likelihood keyness of a term between a target and a reference corpus,
 * a and b the term's frequencies in each, c and d their sizes in tokens.
 * two-cell (Rayson & Garside 2000, WCC workshop; the form most keyword tools
 * print): only the term's two cells,
 *   E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d),
 *   G² = 2 (a ln(a / E1) + b ln(b / E2)).
 * dunning (Dunning 1993, Computational Linguistics 19(1)): the full 2 × 2
 * table of term vs other tokens by corpus, each cell against its expected
 * count from the margins,
 *   G² = 2 Σ_ij O_ij ln(O_ij / E_ij),  cells a, b, c − a, d − b.
 * The two differ by the other tokens' cells, small when the term is rare. The
 * sign says the direction: positive when the term is relatively more
 * frequent in the target (a / c > b / d), negative otherwise.
 */
export function computeLogLikelihoodKeyness(a: number, b: number, c: number, d: number, form: KeynessForm = 'two-cell'): number {
  const total = c + d;
  if (a + b === 0 || c === 0 || d === 0) return 0;
  const e1 = (c * (a + b)) / total;
  const e2 = (d * (a + b)) / total;
  let g2 = 2 * (term(a, e1) + term(b, e2));
  if (form === 'dunning') {
    const rest = total - a - b;
    g2 += 2 * (term(c - a, (c * rest) / total) + term(d - b, (d * rest) / total));
  }
  return a / c >= b / d ? g2 : -g2;
}
