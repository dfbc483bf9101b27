import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random/create-rng.js';
import { logFactorial } from '../../../src/core/random/log-factorial.js';
import { sampleBinomial } from '../../../src/core/random/sample-binomial.js';
import { sampleMultinomial } from '../../../src/core/random/sample-multinomial.js';

describe('createRng doubles (sfc32; the stream itself is pinned in create-rng.test.ts)', () => {
  it('draws doubles in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(7);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextDouble();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    expect(outside).toBe(0);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('refuses seeds that are not non-negative safe integers', () => {
    expect(() => createRng(-1)).toThrow();
    expect(() => createRng(1.5)).toThrow();
  });
});

describe('logFactorial', () => {
  it('matches exact sums of logs', () => {
    let exact = 0;
    for (let k = 1; k <= 400; k++) {
      exact += Math.log(k);
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThan(1e-9 * Math.max(1, exact));
    }
  });
});

describe('sampleBinomial', () => {
  // Both branches (inversion for n·p < 10, BTRS above) must give Binomial(n, p)
  // moments; 4 standard errors leave room for chance, not for a wrong algorithm.
  const cases: [number, number][] = [
    [10, 0.3],
    [50, 0.1],
    [1000, 0.004],
    [200, 0.5],
    [1_000_000, 0.3],
    [1_000_000, 0.9],
    [5000, 0.002],
  ];
  for (const [n, p] of cases) {
    it(`Binomial(${n}, ${p}) has mean np and variance np(1−p)`, () => {
      const rng = createRng(n + Math.round(p * 1000));
      const draws = 40_000;
      let s = 0;
      let s2 = 0;
      let invalid = 0;
      for (let i = 0; i < draws; i++) {
        const x = sampleBinomial(rng, n, p);
        if (!(Number.isInteger(x) && x >= 0 && x <= n)) invalid++;
        s += x;
        s2 += x * x;
      }
      expect(invalid).toBe(0);
      const mean = s / draws;
      const variance = s2 / draws - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws));
      expect(Math.abs(variance / (sd * sd) - 1)).toBeLessThan(0.05);
    });
  }

  it.each([
    [20, 0.35],
    [400, 0.3],
  ])('matches the exact Binomial(%i, %f) probabilities (chi-square)', (n, p) => {
    const rng = createRng(99);
    const draws = 100_000;
    const counts = new Array(n + 1).fill(0);
    for (let i = 0; i < draws; i++) counts[sampleBinomial(rng, n, p)]++;
    let chi = 0;
    let df = -1;
    for (let k = 0; k <= n; k++) {
      const pk = Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
      const e = pk * draws;
      if (e < 5) continue;
      chi += (counts[k] - e) ** 2 / e;
      df++;
    }
    // Wilson–Hilferty 99.99th percentile of chi-square with df degrees of freedom.
    const limit = df * (1 - 2 / (9 * df) + 3.72 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(chi).toBeLessThan(limit);
  });

  it('handles the edges p = 0, p = 1 and n = 0', () => {
    const rng = createRng(1);
    expect(sampleBinomial(rng, 10, 0)).toBe(0);
    expect(sampleBinomial(rng, 10, 1)).toBe(10);
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
  });
});

describe('sampleMultinomial', () => {
  it('always totals n, leaves zero-weight cells empty, and has mean n·p per cell', () => {
    const rng = createRng(3);
    const weights = [5, 0, 3, 2];
    const out = new Float64Array(4);
    const sums = [0, 0, 0, 0];
    let wrongTotal = 0;
    let filledEmpty = 0;
    for (let i = 0; i < 20_000; i++) {
      sampleMultinomial(rng, 1000, weights, out);
      if (out.reduce((a, b) => a + b, 0) !== 1000) wrongTotal++;
      if (out[1] !== 0) filledEmpty++;
      out.forEach((x, j) => (sums[j]! += x));
    }
    expect(wrongTotal).toBe(0);
    expect(filledEmpty).toBe(0);
    expect(sums[0]! / 20_000).toBeCloseTo(500, 0);
    expect(sums[2]! / 20_000).toBeCloseTo(300, 0);
    expect(sums[3]! / 20_000).toBeCloseTo(200, 0);
  });
});
