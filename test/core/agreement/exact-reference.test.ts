import { describe, expect, it } from 'vitest';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { buildRatingsTable, type Level } from '../../../src/core/agreement/ratings-table.js';
import { createRng } from '../../../src/core/random/create-rng.js';
import type { MetricKey } from '../../../src/core/agreement/agreement-result.js';
import { referenceMetrics, type Reference, type Row } from './reference/exact-reference.js';
import type { Fraction } from './reference/fraction.js';

/**
 * Every coefficient against an independent exact-fraction implementation
 * (./reference), on datasets drawn with fixed seeds. Agreement to 1e-9.
 */
interface Design {
  name: string;
  units: number;
  coders: number;
  categories: number;
  level: Level;
  /** Category probabilities (default uniform). */
  prevalence?: number[];
  /** Chance a coder copies a shared "true" value rather than guessing. */
  agreement: number;
  missing?: number;
  values?: number[];
}

const designs: Design[] = [
  { name: 'binary', units: 60, coders: 2, categories: 2, level: 'nominal', agreement: 0.6 },
  { name: 'nominal, 3 coders', units: 40, coders: 3, categories: 4, level: 'nominal', agreement: 0.5 },
  { name: 'nominal, 4 coders', units: 25, coders: 4, categories: 3, level: 'nominal', agreement: 0.4 },
  { name: 'ordinal', units: 50, coders: 2, categories: 5, level: 'ordinal', agreement: 0.5 },
  { name: 'interval', units: 40, coders: 3, categories: 5, level: 'interval', agreement: 0.5, values: [1, 2, 3, 5, 8] },
  { name: 'ratio', units: 40, coders: 2, categories: 4, level: 'ratio', agreement: 0.5, values: [0, 1, 2, 4] },
  { name: 'skewed prevalence', units: 80, coders: 2, categories: 2, level: 'nominal', agreement: 0.5, prevalence: [0.95, 0.05] },
  { name: 'skewed, 3 categories, 3 coders', units: 60, coders: 3, categories: 3, level: 'ordinal', agreement: 0.7, prevalence: [0.9, 0.07, 0.03] },
  { name: 'missing codings, 2 coders', units: 50, coders: 2, categories: 3, level: 'nominal', agreement: 0.5, missing: 0.25 },
  { name: 'missing codings, 4 coders', units: 30, coders: 4, categories: 4, level: 'ordinal', agreement: 0.5, missing: 0.3 },
  { name: 'perfect agreement', units: 30, coders: 2, categories: 3, level: 'ordinal', agreement: 1 },
  { name: 'perfect agreement, 3 coders', units: 30, coders: 3, categories: 4, level: 'nominal', agreement: 1 },
  { name: 'a single category', units: 20, coders: 2, categories: 3, level: 'ordinal', agreement: 0.5, prevalence: [1, 0, 0] },
  { name: 'a single category, 3 coders', units: 20, coders: 3, categories: 2, level: 'nominal', agreement: 0.5, prevalence: [0, 1] },
];

function draw(rng: ReturnType<typeof createRng>, p: number[]): number {
  let u = rng.nextDouble();
  for (let i = 0; i < p.length; i++) {
    if (u < p[i]!) return i;
    u -= p[i]!;
  }
  return p.findLastIndex((x) => x > 0);
}

function generate(d: Design, seed: number): Row[] {
  const rng = createRng(seed);
  const p = d.prevalence ?? Array(d.categories).fill(1 / d.categories);
  return Array.from({ length: d.units }, () => {
    const truth = draw(rng, p);
    return Array.from({ length: d.coders }, () => {
      if (d.missing && rng.nextDouble() < d.missing) return null;
      return rng.nextDouble() < d.agreement ? truth : draw(rng, p);
    });
  });
}

const SQRT: Partial<Record<MetricKey, keyof Reference>> = {
  cohen_kappa_se: 'cohen_kappa_var',
  cohen_kappa_se0: 'cohen_kappa_var0',
  fleiss_kappa_se0: 'fleiss_kappa_var0',
  gwet_ac1_se: 'gwet_ac1_var',
};

function expectClose(actual: unknown, expected: number | null, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe('number');
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

const num = (f: Fraction | null | undefined) => (f === null || f === undefined ? null : f.toNumber());

describe('agreement with an exact-fraction reference (1e-9)', () => {
  for (const d of designs) {
    for (const seed of [1, 2, 3]) {
      it(`${d.name}, seed ${seed}`, () => {
        const rows = generate(d, seed * 7919 + d.units);
        const labels = (d.values ?? Array.from({ length: d.categories }, (_, i) => i + 1)).map(String);
        const table = buildRatingsTable(
          Array.from({ length: d.coders }, (_, i) => `c${i}`),
          labels,
          rows,
        );
        const got = computeAgreementMetrics(table, { level: d.level }).metrics;
        const ref = referenceMetrics(rows, d.categories, d.level, labels.map(Number));
        const keys = Object.keys(ref) as (keyof Reference)[];
        for (const key of keys) {
          if (key.endsWith('_var') || key.endsWith('_var0')) continue;
          expectClose(got[key as MetricKey], num(ref[key]), key);
        }
        for (const [key, varKey] of Object.entries(SQRT) as [MetricKey, keyof Reference][]) {
          if (!(varKey in ref)) continue;
          const v = num(ref[varKey]);
          expectClose(got[key], v === null ? null : Math.sqrt(Math.max(0, v)), key);
        }
        if (d.coders === 2) {
          const k = num(ref.cohen_kappa);
          const v0 = num(ref.cohen_kappa_var0);
          expectClose(got.cohen_kappa_z, k === null || !v0 ? null : k / Math.sqrt(v0), 'cohen_kappa_z');
        }
        // The same keys are present: nothing computed that the reference says does not apply, and vice versa.
        // (Standard errors the reference has no variance for, z and intervals are checked elsewhere.)
        const present = Object.keys(got).filter(
          (k) => !/_(z|ci|boot_ci)$/.test(k) && !(k.endsWith('_se') && !(k in SQRT)),
        );
        const expected = keys.map((k) => (Object.entries(SQRT).find(([, v]) => v === k)?.[0] ?? k) as string);
        expect(present.sort()).toEqual(expected.sort());
      });
    }
  }
});
