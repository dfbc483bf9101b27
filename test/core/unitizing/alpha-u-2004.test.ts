import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAlphaU2004, computeAlphaU2004Disagreement } from '../../../src/core/unitizing/alpha-u-2004.js';
import { buildUnitizingData, type UnitInput } from '../../../src/core/unitizing/continuum.js';

/** One code's disagreements; `coders` holds each coder's [start, end) units of it. */
function parts(length: number, coders: readonly (readonly [number, number])[][]) {
  const units = coders.map((us) => us.map(([start, end]): UnitInput => ({ start, end, value: 'c' })));
  const built = buildUnitizingData(length, coders.map((_, i) => `c${i}`), units, ['c']);
  if (!('data' in built)) throw new Error('one code never overlaps itself');
  return computeAlphaU2004Disagreement(built.data);
}

/**
 * The worked example of Krippendorff (2004), "Measuring the reliability of
 * qualitative text analysis data" (Quality & Quantity 38, 787–800, Appendix),
 * also in Content Analysis, 2nd ed. (2004, p. 254): two coders, categories c
 * and k, on a continuum from 150 to 450 (moved here to start at 0: only
 * differences of positions count). We could not read the paper itself; the
 * units and the expected values are those of DKPro Statistics' tests of the
 * example (Krippendorff2004Test, and StudyFactory.getKrippendorfSampleStudy
 * with TestAlphaUnitizedAgreement in its older package), which give the
 * values to four decimals:
 *   c: D_o = .0144, D_e = .0532, α = .7286;  k: D_o = 0, D_e = .0490, α = 1;
 *   over both: α = .8587 computed exactly, .8591 from the rounded D's
 *   (1 − .0144/(.0532 + .0490)), which DKPro notes is the paper's figure.
 */
describe('αU (Krippendorff 2004): the published example', () => {
  const at = (start: number, length: number) => [start - 150, start - 150 + length] as const;
  const c = parts(300, [
    [at(225, 70), at(370, 30)],
    [at(220, 80), at(355, 20), at(400, 20)],
  ]);
  const k = parts(300, [
    [at(180, 60), at(300, 50)],
    [at(180, 60), at(300, 50)],
  ]);
  const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

  it('gives the distances of the example: 50 + 850 + 400 per ordered pair of coders', () => {
    // (225,70) vs (220,80): 5² + 5²; (370,30) vs (355,20): 15² + 25²; (400,20) inside the gap (400,50): 20².
    expect(c.observed * 2 * 300 * 300).toBeCloseTo(2 * (50 + 850 + 400), 9);
  });

  it('reproduces D_o, D_e and α for c and k to the printed digits', () => {
    expect(round4(c.observed)).toBe(0.0144);
    expect(round4(c.expected)).toBe(0.0532);
    expect(round4(computeAlphaU2004([c]).value!)).toBe(0.7286);
    expect(k.observed).toBe(0);
    expect(round4(k.expected)).toBe(0.049);
    expect(computeAlphaU2004([k]).value).toBe(1);
  });

  it('reproduces α over both categories', () => {
    expect(round4(computeAlphaU2004([c, k]).value!)).toBe(0.8587);
    expect(round4(1 - round4(c.observed) / (round4(c.expected) + round4(k.expected)))).toBe(0.8591);
  });
});

/**
 * The four pairs of coders of Krippendorff (1995), "On the reliability of
 * unitizing contiguous data" (Sociological Methodology 25, p. 57), on a
 * continuum of 24, units as (begin, length), as DKPro Statistics' test of the
 * example (Krippendorff1995Test) gives them with the published values. D_o is
 * reproduced to five decimals: .03125, 2.26736, .02777 (1/36, which DKPro
 * checks to ±.00001), .38715. For D_e, DKPro notes a possible error in the
 * 1995 computation (a sign, going by the 2004 formula) and compares α within
 * .02 on the continuum
 * stretched 50 000-fold; so do we, against the published .553, −.926, .679,
 * .066 (ours: .553, −.928, .693, .066).
 */
describe('αU (Krippendorff 2004) on the 1995 example', () => {
  const pairs: Record<string, [number, number][][]> = {
    A: [[[2, 8], [14, 6]], [[4, 4], [15, 2]]],
    B: [[[0, 18]], [[0, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 3], [9, 1]]],
    C: [[[2, 6], [10, 2], [14, 4], [20, 2]], [[0, 2], [4, 4], [10, 4], [16, 2], [20, 2]]],
    D: [[[0, 2], [2, 8], [10, 4], [14, 6], [20, 4]], [[0, 4], [4, 4], [8, 7], [15, 2], [17, 7]]],
  };
  const stretched = (name: string, by: number) => parts(24 * by, pairs[name]!.map((us) => us.map(([b, l]) => [b * by, (b + l) * by] as const)));

  it('reproduces D_o of the four pairs', () => {
    const observed = Object.keys(pairs).map((name) => stretched(name, 1).observed.toFixed(5));
    expect(observed).toEqual(['0.03125', '2.26736', (1 / 36).toFixed(5), '0.38715']);
  });

  it('comes within .02 of the published α on a finely divided continuum', () => {
    const published: Record<string, number> = { A: 0.553, B: -0.926, C: 0.679, D: 0.066 };
    for (const [name, alpha] of Object.entries(published)) expect(Math.abs(computeAlphaU2004([stretched(name, 50_000)]).value! - alpha), name).toBeLessThan(0.02);
  });
});

const coderUnits = (length: number) =>
  fc.array(fc.tuple(fc.nat(length), fc.nat(length)), { maxLength: 5 }).map((raw) => {
    const units: [number, number][] = [];
    for (const [x, y] of raw) {
      const [start, end] = [Math.min(x, y), Math.max(x, y)];
      if (end > start && units.every(([s, e]) => end <= s || start >= e)) units.push([start, end]);
    }
    return units;
  });
const study = fc.integer({ min: 1, max: 40 }).chain((length) => fc.tuple(fc.constant(length), fc.array(coderUnits(length), { minLength: 2, maxLength: 4 })));

/** The 2004 formula as printed, every section against every other: no walk, no sorting. */
function bySections(length: number, coders: readonly (readonly [number, number])[][]) {
  const sections = coders.map((us) => {
    const out: { b: number; l: number; v: 0 | 1 }[] = [];
    let at = 0;
    for (const [s, e] of [...us].sort((x, y) => x[0] - y[0])) {
      if (s > at) out.push({ b: at, l: s - at, v: 0 });
      out.push({ b: s, l: e - s, v: 1 });
      at = e;
    }
    if (at < length) out.push({ b: at, l: length - at, v: 0 });
    return out;
  });
  const m = coders.length;
  let observed = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      for (const g of sections[i]!) {
        for (const h of sections[j]!) {
          const d = g.b - h.b;
          if (g.v && h.v && -g.l < d && d < h.l) observed += d ** 2 + (g.b + g.l - h.b - h.l) ** 2;
          else if (g.v && !h.v && h.l - g.l >= d && d >= 0) observed += g.l ** 2;
          else if (!g.v && h.v && h.l - g.l <= d && d <= 0) observed += h.l ** 2;
        }
      }
    }
  }
  const all = sections.flat();
  const units = all.filter((s) => s.v);
  let numerator = 0;
  for (const u of units) {
    let placements = 0;
    for (const g of all) if (!g.v && g.l >= u.l) placements += g.l - u.l + 1;
    numerator += ((units.length - 1) / 3) * (2 * u.l ** 3 - 3 * u.l ** 2 + u.l) + u.l ** 2 * placements;
  }
  const denominator = m * length * (m * length - 1) - units.reduce((a, u) => a + u.l * (u.l - 1), 0);
  return { observed: observed / (m * (m - 1) * length ** 2), expected: ((2 / length) * numerator) / denominator };
}

/** D_e = 0: no unit at all, or no gap anywhere and every unit one character long. */
const nothingToExpect = (length: number, coders: readonly (readonly [number, number])[][]) =>
  coders.every((us) => us.length === 0) || coders.every((us) => us.length === length && us.every(([s, e]) => e - s === 1));

describe('αU (Krippendorff 2004): properties', () => {
  it('is 1 when every coder marks the same units', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const same = parts(length, coders.map(() => coders[0]!));
        expect(same.observed).toBe(0);
        const alpha = computeAlphaU2004([same]);
        expect(alpha.value === null ? nothingToExpect(length, [coders[0]!]) : alpha.value === 1).toBe(true);
      }),
    );
  });

  it('has non-negative disagreements and is at most 1, undefined only without units', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const p = parts(length, coders);
        expect(p.observed).toBeGreaterThanOrEqual(0);
        expect(p.expected).toBeGreaterThanOrEqual(0);
        const alpha = computeAlphaU2004([p]);
        if (alpha.value === null) expect(nothingToExpect(length, coders)).toBe(true);
        else expect(alpha.value).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('agrees with the formula summed over every pair of sections and every unit and gap', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const fast = parts(length, coders);
        const slow = bySections(length, coders);
        expect(fast.observed).toBeCloseTo(slow.observed, 12);
        expect(fast.expected).toBeCloseTo(slow.expected, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the coders', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const a = parts(length, coders);
        const b = parts(length, [...coders].reverse());
        expect(b.observed).toBeCloseTo(a.observed, 12);
        expect(b.expected).toBeCloseTo(a.expected, 12);
      }),
    );
  });

  it('counts a unit one coder marks and the other does not as its squared length', () => {
    // One unit of 4 in a continuum of 10; D_o = 2·4² / (2·1·10²).
    expect(parts(10, [[[3, 7]], []]).observed).toBeCloseTo(0.16, 12);
  });
});
