/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine coefficients),
 * with the reflection formula Γ(x)Γ(1−x) = π / sin(πx) below 0.5. Relative
 * error is about 1e-15 over the range statistics need (half-integers for χ²
 * degrees of freedom, integers for factorials).
 * Source: C. Lanczos (1964), SIAM J. Numer. Anal. B 1, 86–96; coefficients as
 * tabulated by P. Godfrey for g = 7, n = 9.
 */
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = COEFFICIENTS[0]!;
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += COEFFICIENTS[i]! / (z + i);
  const t = z + G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln(n!) for a whole number n ≥ 0, exact (summed) for small n where it matters most. */
export function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n <= 20) {
    let s = 0;
    for (let i = 2; i <= n; i++) s += Math.log(i);
    return s;
  }
  return logGamma(n + 1);
}
