import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBarUAlpha } from '../../../src/core/unitizing/bar-u-alpha.js';
import { buildUnitizingData, computeCoincidences, type UnitInput } from '../../../src/core/unitizing/continuum.js';
import { computeCuAlpha } from '../../../src/core/unitizing/cu-alpha.js';
import { computeKUAlpha } from '../../../src/core/unitizing/k-u-alpha.js';
import { computeUAlpha } from '../../../src/core/unitizing/u-alpha.js';
import { bruteForceFamily, type BruteUnit } from './brute-force.js';

const VALUES = ['a', 'b', 'c'];

/** Non-overlapping units of one coder on [0, length): cut points and values. */
const coderUnits = (length: number) =>
  fc.array(fc.tuple(fc.nat(length), fc.nat(length), fc.integer({ min: 1, max: VALUES.length })), { maxLength: 5 }).map((raw) => {
    const units: BruteUnit[] = [];
    for (const [x, y, value] of raw) {
      const start = Math.min(x, y);
      const end = Math.max(x, y);
      if (end > start && units.every((u) => end <= u.start || start >= u.end)) units.push({ start, end, value });
    }
    return units.sort((a, b) => a.start - b.start);
  });
const study = fc.integer({ min: 1, max: 30 }).chain((length) => fc.tuple(fc.constant(length), fc.array(coderUnits(length), { minLength: 2, maxLength: 4 })));

function family(length: number, coders: BruteUnit[][]) {
  const units = coders.map((us) => us.map((u): UnitInput => ({ start: u.start, end: u.end, value: VALUES[u.value - 1]! })));
  const built = buildUnitizingData(length, coders.map((_, i) => `c${i}`), units, VALUES);
  if (!('data' in built)) throw new Error('overlap');
  const c = computeCoincidences(built.data);
  const v = (e: { value: number | null }) => e.value;
  return { u: v(computeUAlpha(c)), bar: v(computeBarUAlpha(c)), cu: v(computeCuAlpha(c)), k: VALUES.map((_, i) => v(computeKUAlpha(c, i + 1))) };
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

describe('the uα family (Krippendorff, Mathet, Bouvry & Widlöcher 2016)', () => {
  it('agrees with a position-by-position definition on random unitizings of 2 to 4 coders', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const fast = family(length, coders);
        const slow = bruteForceFamily(length, VALUES.length, coders);
        expect(close(fast.u, slow.u), `uα ${fast.u} vs ${slow.u}`).toBe(true);
        expect(close(fast.bar, slow.bar), `|uα ${fast.bar} vs ${slow.bar}`).toBe(true);
        expect(close(fast.cu, slow.cu), `cuα ${fast.cu} vs ${slow.cu}`).toBe(true);
        fast.k.forEach((k, i) => expect(close(k, slow.k[i]!), `(k)uα ${VALUES[i]} ${k} vs ${slow.k[i]}`).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('is 1 when every coder unitizes and codes alike', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const same = family(length, coders.map(() => coders[0]!));
        for (const x of [same.u, same.bar, same.cu, ...same.k]) if (x !== null) expect(x).toBeCloseTo(1, 12);
      }),
    );
  });

  it('does not depend on the order of the coders', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const a = family(length, coders);
        const b = family(length, [...coders].reverse());
        expect(close(a.u, b.u) && close(a.bar, b.bar) && close(a.cu, b.cu) && a.k.every((k, i) => close(k, b.k[i]!))).toBe(true);
      }),
    );
  });

  it('does not change when every unit moves by the same offset within a longer continuum', () => {
    fc.assert(
      fc.property(study, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 }), ([length, coders], extra, by) => {
        const shift = by % (extra + 1);
        const base = family(length + extra, coders);
        const moved = family(length + extra, coders.map((us) => us.map((u) => ({ ...u, start: u.start + shift, end: u.end + shift }))));
        expect(close(moved.u, base.u) && close(moved.bar, base.bar) && close(moved.cu, base.cu)).toBe(true);
        moved.k.forEach((k, i) => expect(close(k, base.k[i]!)).toBe(true));
      }),
    );
  });

  it('works a small case by hand: one coder marks [0,5) of 10 characters, the other nothing', () => {
    // l_a∅ = l_∅a = 5, l_∅∅ = 10, l.. = 20; margins a 5, ∅ 15; self-pairings a 25, ∅ 5 + 10.
    // e_a∅ = 20 · (5 · 15) / (20² − 40) = 1500/360, so uα = 1 − 10 / (2 · 1500/360) = −0.2.
    const r = family(10, [[{ start: 0, end: 5, value: 1 }], []]);
    expect(r.u).toBeCloseTo(-0.2, 12);
    expect(r.bar).toBeCloseTo(-0.2, 12);
    expect(r.cu).toBeNull();
  });

  it('refuses units of different values that overlap within one coder, and joins those of one value', () => {
    const overlap = buildUnitizingData(10, ['x', 'y'], [[{ start: 0, end: 5, value: 'a' }, { start: 3, end: 8, value: 'b' }], []], VALUES);
    expect(overlap).toEqual({ overlap: { coder: 'x', at: 3, values: ['a', 'b'] } });
    const joined = buildUnitizingData(10, ['x', 'y'], [[{ start: 0, end: 5, value: 'a' }, { start: 3, end: 8, value: 'a' }], []], VALUES);
    expect('data' in joined && joined.data.sections[0]).toEqual([
      { start: 0, end: 8, value: 1 },
      { start: 8, end: 10, value: 0 },
    ]);
  });
});
