/**
 * Proportional allocation of a sample of `total` units across strata by the
 * largest-remainder (Hamilton) method.
 *
 * Stratum h with N_h of the N units has the quota q_h = total · N_h / N. It
 * first gets ⌊q_h⌋; the seats still missing (total − Σ⌊q_h⌋, fewer than the
 * number of strata) go one each to the strata with the largest remainders
 * q_h − ⌊q_h⌋. Ties: the larger stratum first, then the stratum name in
 * code-point order. The arithmetic is on integers (the remainder is
 * total · N_h mod N), so no floating-point rounding can change a result.
 *
 * A minimum per stratum K then raises each stratum to min(K, N_h); this may
 * make the sample larger than `total`, never smaller.
 */
export interface StratumPopulation {
  stratum: string;
  population: number;
}

export interface StratumAllocation extends StratumPopulation {
  /** Seats from proportional allocation alone. */
  proportional: number;
  /** Seats after the minimum per stratum: the number drawn. */
  allocated: number;
}

export function computeAllocation(
  strata: readonly StratumPopulation[],
  total: number,
  minPerStratum = 0,
): StratumAllocation[] {
  const N = strata.reduce((s, x) => s + x.population, 0);
  if (!Number.isInteger(total) || total < 0 || total > N) {
    throw new RangeError(`allocation total must be a whole number in [0, ${N}], got ${total}`);
  }
  if (N === 0) return strata.map((s) => ({ ...s, proportional: 0, allocated: 0 }));
  const rows = strata.map((s, i) => {
    const product = total * s.population;
    return { i, floor: Math.floor(product / N), remainder: product % N, population: s.population, stratum: s.stratum };
  });
  let missing = total - rows.reduce((s, r) => s + r.floor, 0);
  const order = [...rows].sort(
    (x, y) =>
      y.remainder - x.remainder ||
      y.population - x.population ||
      (x.stratum < y.stratum ? -1 : x.stratum > y.stratum ? 1 : 0),
  );
  const seats = rows.map((r) => r.floor);
  for (const r of order) {
    if (missing === 0) break;
    seats[r.i]! += 1;
    missing -= 1;
  }
  return strata.map((s, i) => {
    const proportional = seats[i]!;
    return { ...s, proportional, allocated: Math.max(proportional, Math.min(minPerStratum, s.population)) };
  });
}
