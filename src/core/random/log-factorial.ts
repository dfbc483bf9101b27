/**
 * ln(k!) for integers k ≥ 0. Exact sums below 20; above, Stirling's series
 *   ln k! = k ln k − k + ½ ln(2πk) + 1/(12k) − 1/(360k³) + 1/(1260k⁵) − 1/(1680k⁷)
 * whose truncation error at k ≥ 20 is below 1e-16 relative.
 * Source: Abramowitz & Stegun (1964), 6.1.41.
 */
const SMALL: Float64Array = (() => {
  const t = new Float64Array(20);
  for (let k = 2; k < 20; k++) t[k] = t[k - 1]! + Math.log(k);
  return t;
})();

const HALF_LOG_2PI = 0.9189385332046728;

export function logFactorial(k: number): number {
  if (k < 20) return SMALL[k]!;
  const r = 1 / k;
  const r2 = r * r;
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_2PI + r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}
