import { describe, expect, it } from 'vitest';
import { isGuid, SELECTION_GUID_VERSION, SelectionGuids, writeGuid } from '../../../src/core/refi/guid.js';

/** Bits as the GUID written from them. */
function text(words: Int32Array): string {
  const out = new Uint8Array(36);
  writeGuid(words, SELECTION_GUID_VERSION, out, 0);
  return new TextDecoder().decode(out);
}

const bits = (guid: string) => BigInt(`0x${guid.replace(/-/g, '')}`);
const popcount = (x: bigint) => x.toString(2).replace(/0/g, '').length;

describe('SelectionGuids (a permutation keyed by one SHA-1 per coder and document)', () => {
  it('writes version 8, variant 10 GUIDs', () => {
    const g = new SelectionGuids('bob', 'doc-1');
    for (const guid of [text(g.selection(0, 10, '')), text(g.coding('trade'))]) {
      expect(isGuid(guid)).toBe(true);
      expect(guid[14]).toBe('8');
      expect('89ab').toContain(guid[19]);
    }
  });

  it('keeps the GUIDs of earlier versions: the same ids give the same GUIDs, on any instance', () => {
    // Pinned when the rule was made: a change here changes every exported project's selection GUIDs.
    const g = new SelectionGuids('bob', 'doc-1');
    expect(text(g.selection(0, 10, ''))).toBe(PINNED_SELECTION);
    expect(text(g.coding('trade'))).toBe(PINNED_CODING);
    const again = new SelectionGuids('bob', 'doc-1');
    again.selection(5, 7, 'a memo');
    expect(text(again.selection(0, 10, ''))).toBe(PINNED_SELECTION);
    expect(text(again.coding('trade'))).toBe(PINNED_CODING);
  });

  it('gives every range, memo, code, coder and document a GUID of its own', () => {
    const seen = new Set<string>();
    let made = 0;
    const add = (guid: string) => {
      seen.add(guid);
      made++;
    };
    for (const [coder, doc] of [['bob', 'd1'], ['bob', 'd2'], ['ann', 'd1'], ['bob:d', '1']]) {
      const g = new SelectionGuids(coder!, doc!);
      for (let start = 0; start < 300; start++) {
        for (let end = start; end < 300; end++) {
          add(text(g.selection(start, end, '')));
          if (end - start === 7) for (const code of ['trade', 'security', 'rhetoric']) add(text(g.coding(code)));
        }
        add(text(g.selection(start, start + 1, 'memo')));
        add(text(g.selection(start, start + 1, 'memo 2')));
      }
    }
    expect(seen.size).toBe(made);
  });

  it('changes about half the bits when an input changes by one bit (no visible structure)', () => {
    const g = new SelectionGuids('bob', 'doc-1');
    let changed = 0;
    let pairs = 0;
    for (let start = 0; start < 2000; start++) {
      const base = bits(text(g.selection(start, start + 40, '')));
      for (const [s, e] of [[start ^ 1, start + 40], [start, (start + 40) ^ 1], [start ^ 1024, start + 40]]) {
        changed += popcount(base ^ bits(text(g.selection(s!, e!, ''))));
        pairs++;
      }
    }
    // 122 free bits: a random permutation changes 61 on average.
    expect(changed / pairs).toBeGreaterThan(58);
    expect(changed / pairs).toBeLessThan(64);
  });
});

const PINNED_SELECTION = 'a50ac37a-2b73-8f4f-b9d0-a7c1d1744b1a';
const PINNED_CODING = 'ba74c2fb-a83c-85f4-918a-c1d4ee9866e8';
