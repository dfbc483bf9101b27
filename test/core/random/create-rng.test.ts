import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, hashSeed, normalizeSeed } from '../../../src/core/random/create-rng.js';

// Reference values computed independently with a Python transcription of
// sfc32 + splitmix32 (arbitrary-precision integers masked to 32 bits).
const reference: Array<[number, number[]]> = [
  [0, [2899526011, 769844623, 220372281, 4270301181, 3717780726]],
  [1, [2420951833, 2513034076, 3847892949, 4064752930, 1169703512]],
  [2026, [866338330, 3073509513, 2098590438, 793087158, 362449156]],
  [4294967295, [2300869303, 3917632794, 3726809994, 1136427174, 1916388865]],
];

describe('createRng', () => {
  for (const [seed, first] of reference) {
    it(`seed ${seed} gives the reference stream`, () => {
      const rng = createRng(seed);
      expect(first.map(() => rng.nextUint32())).toEqual(first);
    });
  }

  it('hashes string seeds with FNV-1a over UTF-8', () => {
    expect(hashSeed('alice-2026')).toBe(1303831220);
    expect(hashSeed('México')).toBe(1001769461);
    expect(normalizeSeed('alice-2026')).toBe(1303831220);
  });

  it('reads decimal string seeds as numbers', () => {
    expect(normalizeSeed('2026')).toBe(2026);
    expect(createRng('2026').nextUint32()).toBe(866338330);
    expect(normalizeSeed('4294967295')).toBe(4294967295);
    // Out of range or not canonical decimal: hashed like any other string.
    expect(normalizeSeed('4294967296')).toBe(hashSeed('4294967296'));
    expect(normalizeSeed('007')).toBe(hashSeed('007'));
  });

  it('rejects numeric seeds that are not 32-bit unsigned integers', () => {
    expect(() => createRng(-1)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(2 ** 32)).toThrow(RangeError);
  });

  it('nextInt stays in range and nextFloat in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const x = rng.nextInt(n);
          expect(Number.isInteger(x) && x >= 0 && x < n).toBe(true);
          const f = rng.nextFloat();
          expect(f >= 0 && f < 1).toBe(true);
        }
      }),
    );
  });

  it('nextInt is roughly uniform (chi-square over 6 bins, fixed seed)', () => {
    const rng = createRng(7);
    const counts = [0, 0, 0, 0, 0, 0];
    const draws = 60_000;
    for (let i = 0; i < draws; i++) counts[rng.nextInt(6)]! += 1;
    const expected = draws / 6;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 5 degrees of freedom: P(chi2 > 20.5) ≈ 0.001.
    expect(chi2).toBeLessThan(20.5);
  });
});
