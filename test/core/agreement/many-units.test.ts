import { describe, expect, it } from 'vitest';
import { computeScopes } from '../../../src/core/agreement/compute-scopes.js';
import { testCodebook } from '../../helpers/test-codebook.js';
import type { Coding } from '../../../src/core/model/coding.js';

// Issue 15: agree on one long document (or any study of a few hundred
// thousand segments) ended in QC099 "Maximum call stack size exceeded": the
// pooled scope took each code's ratings with push(...rows), one stack slot per
// unit. Where V8 overflows depends on the stack left (some 120,000 elements
// in a process, 500,000 in the worker thread vitest runs this in), and a
// study that big costs seconds. So the scopes are computed with only a little
// stack left (about 2,000 frames of a small function: some 100-300 KB), where
// spreading 40,000 units overflows and a loop does not.
const UNITS = 40_000;
const SPARE_FRAMES = 2000;

/**
 * Calls `fn` (synchronous) from deep in a recursion, about `spare` frames
 * above where the stack ends: one function measures the depth and then
 * descends, so both passes use frames of one size.
 */
function callWithLittleStack<T>(fn: () => T, spare: number): T {
  let deepest = 0;
  const dive = (depth: number, at: number): T | undefined => {
    deepest = depth;
    return depth >= at ? fn() : dive(depth + 1, at);
  };
  try {
    dive(0, Infinity);
  } catch {
    // the stack ended: `deepest` frames fit
  }
  return dive(0, deepest - spare)!;
}

const codebook = testCodebook('many-units', [{ id: 'trade', exclusive: false, codes: ['tariff'] }]);

/** Ids already in the order computeScopes sorts them into (zero-padded), so the sort costs one pass. */
function coder(name: string, coded: (u: number) => boolean): { coder: string; codings: Coding[] } {
  const codings: Coding[] = new Array(UNITS);
  for (let u = 0; u < UNITS; u++) {
    const on = coded(u);
    codings[u] = { segment_id: `long:s${String(u + 1).padStart(7, '0')}`, doc_id: 'long', coder: name, category: on ? 'trade' : '', code: on ? 'tariff' : '', memo: '' };
  }
  return { coder: name, codings };
}

describe('agreement over many units', () => {
  it(`computes every scope over ${UNITS.toLocaleString('en')} units with little stack left`, () => {
    const coders = [coder('auto', (u) => u % 4 === 0), coder('bob', (u) => u % 4 === 0 || u % 36 === 9)];
    const result = callWithLittleStack(() => computeScopes(codebook, coders), SPARE_FRAMES);
    expect(result.units).toBe(UNITS);
    expect(result.results.find((s) => s.scope === 'pooled')?.n).toBe(UNITS);
    expect(result.results.find((s) => s.scope === 'pooled')?.metrics.krippendorff_alpha).toBeGreaterThan(0.9);
  });
});
