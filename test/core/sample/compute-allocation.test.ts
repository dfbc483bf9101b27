import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAllocation } from '../../../src/core/sample/compute-allocation.js';

const strata = (...sizes: number[]) => sizes.map((population, i) => ({ stratum: String.fromCharCode(97 + i), population }));
const seats = (xs: { allocated: number }[]) => xs.map((x) => x.allocated);

describe('computeAllocation (largest remainder)', () => {
  it('gives exact quotas when they are whole', () => {
    expect(seats(computeAllocation(strata(50, 30, 20), 10))).toEqual([5, 3, 2]);
  });

  it('hands the missing seats to the largest remainders', () => {
    // quotas 10·(45,35,20)/100 = 4.5, 3.5, 2.0 → floors 4,3,2 (9): one seat left.
    // Remainders tie at .5: the larger stratum (a) wins.
    expect(seats(computeAllocation(strata(45, 35, 20), 10))).toEqual([5, 3, 2]);
    // quotas 7·(5,3,2)/10 = 3.5, 2.1, 1.4 → floors 3,2,1: one seat, to a (.5).
    expect(seats(computeAllocation(strata(5, 3, 2), 7))).toEqual([4, 2, 1]);
    // quotas 6·(4,4,2)/10 = 2.4, 2.4, 1.2 → floors 2,2,1: one seat, remainders tie
    // (.4,.4) and sizes tie (4,4): the name first in code-point order (a).
    expect(seats(computeAllocation(strata(4, 4, 2), 6))).toEqual([3, 2, 1]);
  });

  it('breaks exact ties by name regardless of input order', () => {
    const rev = computeAllocation(
      [
        { stratum: 'b', population: 3 },
        { stratum: 'a', population: 3 },
      ],
      3,
    );
    expect(rev.map((r) => [r.stratum, r.allocated])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('is exact where floating point would not be (quota 0.1·30)', () => {
    // 3 · 10/30 = 1 exactly; naive 3 * (10/30) is 0.9999999999999999.
    expect(seats(computeAllocation(strata(10, 10, 10), 3))).toEqual([1, 1, 1]);
  });

  it('raises small strata to the minimum, capped by their size', () => {
    const r = computeAllocation(strata(90, 8, 2), 10, 3);
    expect(r.map((x) => x.proportional)).toEqual([9, 1, 0]);
    expect(seats(r)).toEqual([9, 3, 2]);
  });

  it('handles a total of 0 and the whole population', () => {
    expect(seats(computeAllocation(strata(3, 4), 0))).toEqual([0, 0]);
    expect(seats(computeAllocation(strata(3, 4), 7))).toEqual([3, 4]);
  });

  it('rejects a total outside [0, N]', () => {
    expect(() => computeAllocation(strata(3), 4)).toThrow(RangeError);
    expect(() => computeAllocation(strata(3), 1.5)).toThrow(RangeError);
  });

  it('property: sums to the total, each within one seat of its quota and its size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }), fc.nat(), (sizes, t) => {
        const N = sizes.reduce((a, b) => a + b, 0);
        const total = N === 0 ? 0 : t % (N + 1);
        const r = computeAllocation(strata(...sizes), total);
        expect(r.reduce((s, x) => s + x.allocated, 0)).toBe(total);
        r.forEach((x, i) => {
          const quota = N === 0 ? 0 : (total * sizes[i]!) / N;
          expect(x.allocated).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(x.allocated).toBeLessThanOrEqual(Math.ceil(quota));
          expect(x.allocated).toBeLessThanOrEqual(sizes[i]!);
        });
      }),
    );
  });
});
