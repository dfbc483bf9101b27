import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedUint32 } from '../../../src/core/util/chunked-uint32.js';

describe('ChunkedUint32', () => {
  it('holds what was pushed, across the growth of the first chunk and the chunk boundaries', () => {
    const column = new ChunkedUint32();
    const n = (1 << 16) * 2 + 300;
    for (let i = 0; i < n; i++) column.push((i * 2654435761) >>> 0);
    expect(column.length).toBe(n);
    for (const i of [0, 255, 256, 257, 511, 512, 65535, 65536, 65537, 131071, 131072, n - 1]) expect(column.get(i)).toBe((i * 2654435761) >>> 0);
    column.set(65536, 7);
    expect(column.get(65536)).toBe(7);
    expect(column.get(65535)).toBe((65535 * 2654435761) >>> 0);
  });

  it('keeps a short column small: its room is within twice its length (at least 256)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70_000 }), (n) => {
        const column = new ChunkedUint32();
        for (let i = 0; i < n; i++) column.push(i);
        expect(column.get(n - 1)).toBe(n - 1);
        expect(column.bytes).toBeLessThanOrEqual(4 * Math.max(256, 2 * n));
      }),
      { numRuns: 30 },
    );
  });

  it('grows to a length (zeros), its views cover exactly the values, and pushing goes on after them', () => {
    for (const n of [1, 255, 300, 65536, 65537, 200_000]) {
      const column = ChunkedUint32.ofLength(n);
      const views = column.views();
      expect(views.reduce((a, v) => a + v.length, 0)).toBe(n);
      views.forEach((v, k) => v.fill(k + 1));
      column.push(9);
      expect(column.length).toBe(n + 1);
      expect(column.get(n - 1)).toBe(views.length);
      expect(column.get(n)).toBe(9);
      expect(column.get(0)).toBe(1);
    }
  });
});
