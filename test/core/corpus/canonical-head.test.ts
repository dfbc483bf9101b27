import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHead } from '../../../src/core/corpus/compute-corpus-hash.js';

/** The definition: metadata keys sorted by code unit, as Object.fromEntries lays them out. */
function reference(id: string, metadata: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `{"id":${JSON.stringify(id)},"metadata":${JSON.stringify(sorted)},"text":"`;
}

describe('canonicalHead', () => {
  it('lists metadata as the sorted copy would, whether or not the keys come sorted (integer-like keys included)', () => {
    const key = fc.oneof(fc.constantFrom('date', 'source', 'title', 'a', 'B', 'é', '10', '9', '0', '01', '__proto__x'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.tuple(key, fc.string({ maxLength: 3 })), { selector: ([k]) => k, maxLength: 6 }), fc.boolean(), (id, pairs, presort) => {
        const list = presort ? [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : pairs;
        const metadata = Object.fromEntries(list);
        expect(canonicalHead(id, metadata)).toBe(reference(id, metadata));
      }),
      { numRuns: 2000 },
    );
  });
});
