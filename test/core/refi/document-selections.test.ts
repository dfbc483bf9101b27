import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectSelection } from '../../../src/core/refi/format-project-qde.js';
import { documentSelections, SourceBatchBuilder } from '../../../src/core/refi/format-source-batch.js';

const coders = ['ann', 'bob', 'cy'];

/** The definition: rows of one coder, range and memo share a selection, codes in the order first applied; sorted by start, end, coder, memo. */
function reference(rows: [number, number, number, string, string][]): ProjectSelection[] {
  const byKey = new Map<string, ProjectSelection>();
  for (const [start, end, coder, code, memo] of rows) {
    const key = JSON.stringify([coder, start, end, memo]);
    let sel = byKey.get(key);
    if (!sel) byKey.set(key, (sel = { start, end, coder: coders[coder]!, memo, codes: [] }));
    if (code !== '' && !sel.codes.includes(code)) sel.codes.push(code);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0) || (a.memo < b.memo ? -1 : 1));
}

/** documentSelections of the rows of a batch's second document (the first has rows of its own), each selection copied as it comes. */
function gathered(rows: [number, number, number, string, string][]): ProjectSelection[] {
  const b = new SourceBatchBuilder();
  b.document({ id: 'before', metadata: {} }, 'x', true);
  b.row(0, 1, 0, 'z', '');
  b.document({ id: 'd', metadata: {} }, 'text', true);
  for (const [start, end, coder, code, memo] of rows) b.row(start, end, coder, code, memo);
  b.document({ id: 'after', metadata: {} }, 'y', true);
  b.row(0, 1, 2, 'z', '');
  const batch = b.take();
  const copies: ProjectSelection[] = [];
  for (const s of documentSelections(batch, 1, 1 + rows.length, coders)) copies.push({ ...s, codes: [...s.codes] });
  return copies;
}

const row = fc.tuple(fc.nat(6), fc.nat(3), fc.nat(2), fc.constantFrom('', 'a', 'b', 'c'), fc.constantFrom('', 'm', 'n')).map(([start, length, coder, code, memo]) => [start, start + length, coder, code, memo] as [number, number, number, string, string]);

describe('documentSelections (a document’s selections from its rows, without a map of keys)', () => {
  it('merges and orders rows as the definition does, whatever order they come in', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        expect(gathered(rows)).toEqual(reference(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('takes rows already in order as they are, one coder’s unit codings after another’s', () => {
    const rows: [number, number, number, string, string][] = [];
    for (let s = 0; s < 50; s++) for (const code of ['a', '', 'b']) rows.push([10 * s, 10 * s + 9, 0, code, '']);
    for (let s = 0; s < 50; s++) rows.push([10 * s, 10 * s + 9, 1, 'c', '']);
    const sels = gathered(rows);
    expect(sels).toEqual(reference(rows));
    expect(sels[0]).toEqual({ start: 0, end: 9, coder: 'ann', memo: '', codes: ['a', 'b'] });
    expect(sels[1]).toEqual({ start: 0, end: 9, coder: 'bob', memo: '', codes: ['c'] });
  });
});
