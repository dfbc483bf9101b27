import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SharedStrings } from '../../src/io/shared-strings.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qcode-sst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SharedStrings', () => {
  it('numbers strings in order of first appearance, equal strings alike, however far back the first one was written', () => {
    const strings = new SharedStrings(path.join(dir, 'a.sst'));
    const reference = new Map<string, number>();
    const numberOf = (s: string) => {
      if (!reference.has(s)) reference.set(s, reference.size);
      return reference.get(s)!;
    };
    // Ids then long texts (past the batch and the read-back window), then the ids again in order and out of it, among new strings and common ones.
    const ids = Array.from({ length: 30_000 }, (_, i) => `seg-${i}`);
    const texts = Array.from({ length: 40 }, (_, i) => `${i} ${'wörd 😀 '.repeat(2_000 + i)}`);
    const order = [...ids, ...texts, 'auto', ...ids.filter((_, i) => i % 3 === 0), ...texts.reverse(), 'auto', ...ids.slice(0, 5_000).reverse(), 'code-1', ...ids.map((id) => `${id}-new`), 'auto', 'code-1', ...ids.slice(20_000)];
    // Compared as one array: an expect per string (some 90,000) took seconds.
    expect(order.map((s) => strings.add(s))).toEqual(order.map(numberOf));
    expect(strings.count).toBe(order.length);
    expect(strings.uniqueCount).toBe(reference.size);
    expect([...strings.strings()]).toEqual([...reference.keys()]);
    strings.close();
  });
});
